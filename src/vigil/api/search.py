"""``/search``: full text over the cases, people and sources the caller may see."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.inputs import NO_NUL
from vigil.api.pagination import Page, Presented
from vigil.api.schemas import HitOut
from vigil.search.index import allowed_hits, described_page, with_records

router = Router(tags=["search"])
MOST_HITS = 500


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=200, pattern=NO_NUL, description="Words to look for.")


@router.get("/search", response=answers.read(list[HitOut]), operation_id="search")
@paginate(Page)
def search(request: HttpRequest, query: Query[SearchQuery]) -> Presented[Any]:
    """Hits for ``q``, best first (at most 500); confidential records are never indexed."""
    user = caller(request)
    return Presented(
        allowed_hits(user, query.q, limit=MOST_HITS),
        present_page=lambda page: [h.__dict__ for h in described_page(with_records(user, page), query.q)],
    )
