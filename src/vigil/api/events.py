"""``/events``: what happened to whom, in the cases the caller may see, with its evidence."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.auth import caller
from vigil.api.inputs import NewEvent, PathId, QueryId, Words
from vigil.api.pagination import Page, Presented
from vigil.api.people import people_by_id
from vigil.api.schemas import EventOut
from vigil.cases.access import access_case, access_event, readable_events
from vigil.cases.actions.entry import do_enter_event
from vigil.cases.actions.guard import require_writer
from vigil.cases.presenters import event_data, events_data

router = Router(tags=["events"])


@router.get("/events", response=answers.read(list[EventOut]), operation_id="list_events")
@paginate(Page)
def list_events(request: HttpRequest, case_id: QueryId = None, type: Words = None) -> Presented[Any]:
    """Events you may see, in date order; ``case_id`` keeps one case's, ``type`` one type's."""
    user = caller(request)
    events = readable_events(user)
    if case_id is not None:
        events = events.filter(case=access_case(user, case_id))
    if type:
        events = events.filter(type=type)
    return Presented(events.order_by("date", "id"), present_page=lambda page: events_data(page, user))


@router.get("/events/{event_id}", response=answers.read(EventOut), operation_id="get_event")
def get_event(request: HttpRequest, event_id: PathId) -> dict[str, Any]:
    """One event, its victims you may see and its evidence."""
    user = caller(request)
    return event_data(access_event(user, event_id), user)


@router.post("/cases/{case_id}/events", response=answers.write(EventOut, 201), operation_id="create_event")
def create_event(request: HttpRequest, case_id: PathId, data: NewEvent) -> Status[dict[str, Any]]:
    """Add an event to a case by hand (shown as entered by hand, with the account's name)."""
    user = caller(request)
    case = access_case(user, case_id)
    require_writer(user)
    fields = data.model_dump(exclude={"type", "victims"})
    fields["country"] = fields["country"].upper()
    event = do_enter_event(
        acting_user=user,
        case=case,
        type=data.type.value,
        victims=people_by_id(user, data.victims, "victims"),
        **fields,
    )
    return Status(201, event_data(event, user))
