"""``/sources``: documents the caller may see, their text and their suggested facts."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.pagination import Page, Presented
from vigil.api.schemas import SourceDetail, SourceOut, SuggestionOut
from vigil.cases.access import access_source, readable_sources
from vigil.cases.presenters import source_summary, suggestion_data

router = Router(tags=["sources"])


@router.get("/sources", response=answers.read(list[SourceOut]), operation_id="list_sources")
@paginate(Page)
def list_sources(request: HttpRequest, reviewed: bool | None = None) -> Presented[Any]:
    """Sources you may see, newest first; ``reviewed=false`` keeps those waiting for review."""
    sources = readable_sources(caller(request))
    if reviewed is not None:
        sources = sources.filter(reviewed_at__isnull=not reviewed)
    return Presented(sources.order_by("-id"), source_summary)


@router.get("/sources/{source_id}", response=answers.read(SourceDetail), operation_id="get_source")
def get_source(request: HttpRequest, source_id: int) -> dict[str, Any]:
    """One source with its extracted text."""
    source = access_source(caller(request), source_id)
    return {**source_summary(source), "text": source.text or ""}


@router.get(
    "/sources/{source_id}/suggestions",
    response=answers.read(list[SuggestionOut]),
    operation_id="list_suggestions",
)
@paginate(Page)
def list_suggestions(request: HttpRequest, source_id: int) -> Presented[Any]:
    """A source's suggested facts in reading order, each with the sentence it came from."""
    source = access_source(caller(request), source_id)
    return Presented(source.suggestions.order_by("position"), lambda s: suggestion_data(s, source))
