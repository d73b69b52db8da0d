"""``/events``: what happened to whom, in the cases the caller may see, with its evidence."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.pagination import Page, Presented
from vigil.api.schemas import EventOut
from vigil.cases.access import access_case, access_event, readable_events
from vigil.cases.presenters import event_data

router = Router(tags=["events"])


@router.get("/events", response=answers.read(list[EventOut]), operation_id="list_events")
@paginate(Page)
def list_events(request: HttpRequest, case_id: int | None = None, type: str | None = None) -> Presented[Any]:
    """Events you may see, in date order; ``case_id`` keeps one case's, ``type`` one type's."""
    user = caller(request)
    events = readable_events(user)
    if case_id is not None:
        events = events.filter(case=access_case(user, case_id))
    if type:
        events = events.filter(type=type)
    return Presented(events.order_by("date", "id"), lambda e: event_data(e, user))


@router.get("/events/{event_id}", response=answers.read(EventOut), operation_id="get_event")
def get_event(request: HttpRequest, event_id: int) -> dict[str, Any]:
    """One event, its victims you may see and its evidence."""
    user = caller(request)
    return event_data(access_event(user, event_id), user)
