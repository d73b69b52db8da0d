"""``/cases``: the cases the caller may see, one case with everything the caller may see of it."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.pagination import Page, Presented
from vigil.api.schemas import CaseDetail, CaseSummary
from vigil.cases.access import access_case, readable_cases
from vigil.cases.models import CaseSituation
from vigil.cases.presenters import case_detail, case_summary

router = Router(tags=["cases"])


class CaseFilters(Schema):
    """Narrow the list: by country (two letters), situation, or closed / open."""

    country: str | None = None
    situation: CaseSituation | None = None
    closed: bool | None = None


@router.get("/cases", response=answers.read(list[CaseSummary]), operation_id="list_cases")
@paginate(Page)
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> Presented[Any]:
    """The cases you may see, newest first."""
    user = caller(request)
    cases = readable_cases(user)
    if filters.country:
        cases = cases.filter(country=filters.country.upper())
    if filters.situation:
        cases = cases.filter(situation=filters.situation)
    if filters.closed is not None:
        cases = cases.filter(closed__isnull=not filters.closed)
    return Presented(cases.order_by("-opened", "-id"), lambda c: case_summary(c, user))


@router.get("/cases/{case_id}", response=answers.read(CaseDetail), operation_id="get_case")
def get_case(request: HttpRequest, case_id: int) -> dict[str, Any]:
    """One case: its defenders, events with evidence, demands and follow-ups you may see."""
    user = caller(request)
    return case_detail(access_case(user, case_id), user)
