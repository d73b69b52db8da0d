"""``/cases``: the cases the caller may see, one case with everything the caller may see of it."""

from typing import Any, Literal

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
from vigil.cases.access import access_case
from vigil.cases.actions.entry import do_enter_case
from vigil.cases.actions.guard import require_writer
from vigil.cases.listing import CaseQuery, case_list, violations
from vigil.cases.models import CaseSituation, Confidentiality, Gender
from vigil.cases.presenters import case_detail, case_summaries
from vigil.cases.vocabulary import event_types

router = Router(tags=["cases"])


class CaseFilters(Schema):
    """Narrow and sort the list, as the web list does: country (two letters), situation, a
    violation or an event type documented on the case, a year (an event then, or opened then),
    a defender's gender, the case's level, who it is assigned to (``me``, ``nobody`` or a
    username), closed or open; sorted by ``opened`` (newest first, the default), ``activity``,
    ``title``, ``country`` or ``due`` (the next follow-up)."""

    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$")
    situation: CaseSituation | None = None
    violation: Literal[tuple(violations())] | None = None  # type: ignore[valid-type]
    event_type: Literal[tuple(event_types())] | None = None  # type: ignore[valid-type]
    year: int | None = Field(None, ge=1900, le=2100)
    gender: Gender | None = None
    confidentiality: Confidentiality | None = None
    assigned_to: str | None = Field(None, min_length=1, max_length=150)
    closed: bool | None = None
    sort: Literal["opened", "activity", "title", "country", "due"] = "opened"

    def query(self) -> CaseQuery:
        state = "all" if self.closed is None else ("closed" if self.closed else "open")
        return CaseQuery(
            state=state,
            country=self.country or "",
            situation=self.situation or "",
            violation=self.violation or "",
            event_type=self.event_type or "",
            year=self.year,
            gender=self.gender or "",
            confidentiality=self.confidentiality or "",
            assigned_to=self.assigned_to or "",
            sort=self.sort,
        )


@router.get("/cases", response=answers.read(list[CaseSummary]), operation_id="list_cases")
@paginate(Page)
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> Presented[Any]:
    """The cases you may see, filtered and sorted (every filter counts only records you may see)."""
    user = caller(request)
    return Presented(case_list(user, filters.query()), present_page=lambda page: case_summaries(page, user))


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
