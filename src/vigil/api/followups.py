"""``/followups``: dated tasks on the cases the caller may see, with where each stands today."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.pagination import Page, Presented
from vigil.api.schemas import FollowUpOut
from vigil.cases.access import access_case, access_followup, readable_followups
from vigil.cases.models.followup import FollowUpStatus
from vigil.followups.state import followup_data

router = Router(tags=["follow-ups"])


@router.get("/followups", response=answers.read(list[FollowUpOut]), operation_id="list_followups")
@paginate(Page)
def list_followups(
    request: HttpRequest,
    status: FollowUpStatus | None = FollowUpStatus.OPEN,
    case_id: int | None = None,
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
def get_followup(request: HttpRequest, followup_id: int) -> dict[str, Any]:
    """One follow-up and where it stands today."""
    return followup_data(access_followup(caller(request), followup_id), timezone.localdate())
