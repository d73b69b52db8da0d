"""``/me``: the account a token acts as, and that account's calendar feed of follow-ups."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.schemas import CalendarOut, MeOut, RevokedOut
from vigil.cases.roles import role_of
from vigil.followups.feeds import do_create_feed, do_revoke_feeds

router = Router(tags=["account"])


@router.get("/me", response=answers.read(MeOut), operation_id="get_me")
def get_me(request: HttpRequest) -> dict[str, Any]:
    """The account your token acts as, and its role."""
    account = caller(request)
    return {"username": account.get_username(), "role": role_of(account)}


@router.post("/me/calendar", response=answers.write(CalendarOut, 201), operation_id="create_calendar")
def create_calendar(request: HttpRequest) -> Status[dict[str, Any]]:
    """A new secret address of your follow-ups as a calendar (shown once; the old one stops)."""
    account = caller(request)
    _feed, secret = do_create_feed(account, acting_user=account)
    url = settings.VIGIL_BASE_URL.rstrip("/") + reverse("calendar-feed", args=[secret])
    return Status(201, {"url": url})


@router.post("/me/calendar/revoke", response=answers.write(RevokedOut), operation_id="revoke_calendar")
def revoke_calendar(request: HttpRequest) -> dict[str, Any]:
    """Stop your calendar address at once."""
    account = caller(request)
    return {"revoked": do_revoke_feeds(account, acting_user=account)}
