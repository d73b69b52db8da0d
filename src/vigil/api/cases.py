"""``/cases``: the cases the caller may see, one case with everything the caller may see of it."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.inputs import NewCase, PathId
from vigil.api.pagination import Page, Presented
from vigil.api.people import people_by_id
from vigil.api.schemas import CaseDetail, CaseSummary
from vigil.cases.access import access_case, readable_cases
from vigil.cases.actions.entry import do_enter_case
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import CaseSituation
from vigil.cases.presenters import case_detail, case_summaries

router = Router(tags=["cases"])


class CaseFilters(Schema):
    """Narrow the list: by country (two letters), situation, or closed / open."""

    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$")
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
    return Presented(cases.order_by("-opened", "-id"), present_page=lambda page: case_summaries(page, user))


@router.get("/cases/{case_id}", response=answers.read(CaseDetail), operation_id="get_case")
def get_case(request: HttpRequest, case_id: PathId) -> dict[str, Any]:
    """One case: its defenders, events with evidence, demands and follow-ups you may see."""
    user = caller(request)
    return case_detail(access_case(user, case_id), user)


@router.post("/cases", response=answers.write(CaseDetail, 201), operation_id="create_case")
def create_case(request: HttpRequest, data: NewCase) -> Status[dict[str, Any]]:
    """Open a case by hand about people on record; the token's account owns it."""
    user = caller(request)
    require_writer(user)
    case = do_enter_case(
        acting_user=user,
        title=data.title.strip(),
        country=data.country.upper(),
        situation=data.situation,
        confidentiality=data.confidentiality,
        opened=data.opened or timezone.localdate(),
        owner=user,
        defenders=people_by_id(user, data.defenders, "defenders"),
    )
    return Status(201, case_detail(case, user))
