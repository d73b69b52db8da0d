"""``/followups``: dated tasks on the cases the caller may see, with where each stands today."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.inputs import NewFollowUp, Outcome, PathId, QueryId, Snooze
from vigil.api.pagination import Page, Presented
from vigil.api.schemas import FollowUpOut
from vigil.cases.access import access_case, access_followup, readable_followups
from vigil.cases.actions.entry import do_enter_followup
from vigil.cases.actions.followups import do_mark_done, do_reopen_followup, do_snooze
from vigil.cases.actions.guard import require_writer
from vigil.cases.models.followup import FollowUpStatus
from vigil.followups.state import followup_data

router = Router(tags=["follow-ups"])


@router.get("/followups", response=answers.read(list[FollowUpOut]), operation_id="list_followups")
@paginate(Page)
def list_followups(
    request: HttpRequest,
    status: FollowUpStatus | None = FollowUpStatus.OPEN,
    case_id: QueryId = None,
) -> Presented[Any]:
    """Follow-ups you may see, earliest first (open ones unless ``status`` says otherwise)."""
    user = caller(request)
    followups = readable_followups(user).select_related("assignee")
    if status:
        followups = followups.filter(status=status)
    if case_id is not None:
        followups = followups.filter(case=access_case(user, case_id))
    today = timezone.localdate()
    return Presented(followups.order_by("due", "id"), lambda f: followup_data(f, today))


@router.get("/followups/{followup_id}", response=answers.read(FollowUpOut), operation_id="get_followup")
def get_followup(request: HttpRequest, followup_id: PathId) -> dict[str, Any]:
    """One follow-up and where it stands today."""
    return followup_data(access_followup(caller(request), followup_id), timezone.localdate())


@router.post(
    "/cases/{case_id}/followups", response=answers.write(FollowUpOut, 201), operation_id="create_followup"
)
def create_followup(request: HttpRequest, case_id: PathId, data: NewFollowUp) -> Status[dict[str, Any]]:
    """Add a dated task to a case (a hearing to attend, a reply to expect)."""
    user = caller(request)
    case = access_case(user, case_id)
    require_writer(user)
    followup = do_enter_followup(acting_user=user, case=case, kind=data.kind, due=data.due, note=data.note)
    return Status(201, followup_data(followup, timezone.localdate()))


@router.post(
    "/followups/{followup_id}/done", response=answers.write(FollowUpOut), operation_id="followup_done"
)
def followup_done(request: HttpRequest, followup_id: PathId, data: Outcome) -> dict[str, Any]:
    """Mark a follow-up done, saying what came of it."""
    user = caller(request)
    followup = access_followup(user, followup_id)
    do_mark_done(followup, outcome=data.outcome, acting_user=user)
    return followup_data(followup, timezone.localdate())


@router.post(
    "/followups/{followup_id}/snooze", response=answers.write(FollowUpOut), operation_id="followup_snooze"
)
def followup_snooze(request: HttpRequest, followup_id: PathId, data: Snooze) -> dict[str, Any]:
    """Put a follow-up off until a later day, with the reason."""
    user = caller(request)
    followup = access_followup(user, followup_id)
    do_snooze(followup, until=data.until, reason=data.reason, acting_user=user)
    return followup_data(followup, timezone.localdate())


@router.post(
    "/followups/{followup_id}/reopen", response=answers.write(FollowUpOut), operation_id="followup_reopen"
)
def followup_reopen(request: HttpRequest, followup_id: PathId) -> dict[str, Any]:
    """Open a follow-up marked done (or cancelled) by mistake again."""
    user = caller(request)
    followup = access_followup(user, followup_id)
    do_reopen_followup(followup, acting_user=user)
    return followup_data(followup, timezone.localdate())
