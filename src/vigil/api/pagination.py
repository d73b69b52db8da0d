"""Every list of the API is paged: ``?page=2&page_size=50`` (at most 100 a page).

A view returns :class:`Presented`, the records it may show and the presenter that turns one
into data for the reader; only the page asked for is presented, so a list of 10,000 cases
costs one page of presenting and one count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

T = TypeVar("T")
PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000


def as_is(record: Any) -> Any:
    return record


@dataclass(frozen=True)
class Presented(Generic[T]):
    """Records, in order, and how each is shown to the reader (or how a page of them is, when
    one query can serve the whole page)."""

    records: QuerySet[Any] | Sequence[T]
    present: Callable[[Any], Any] = as_is
    present_page: Callable[[list[Any]], list[Any]] | None = None

    def shown(self, page: list[Any]) -> list[Any]:
        if self.present_page is not None:
            return self.present_page(page)
        return [self.present(record) for record in page]


class Page(PaginationBase):
    """Page-number paging with the page and its size echoed back."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        presented: Presented[Any] = queryset
        start = (pagination.page - 1) * pagination.page_size
        records = presented.records
        count = records.count() if isinstance(records, QuerySet) else len(records)
        return {
            "items": presented.shown(list(records[start : start + pagination.page_size])),
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
        }
