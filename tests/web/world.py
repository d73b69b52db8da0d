"""A small store for the web tests: a case with a defender, an event, follow-ups, a source
waiting for review, an organisation and a draft appeal; users of every role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client

from tests.factories import make_case, make_user
from tests.fixtures import STEPPE_APPEAL
from vigil.appeals.models import Authority
from vigil.appeals.workflow import do_compose_draft
from vigil.cases.actions.deletion import do_delete
from vigil.cases.actions.entry import do_enter_event, do_enter_followup, do_enter_organisation
from vigil.cases.actions.followups import do_mark_done
from vigil.cases.actions.lifecycle import do_close_case
from vigil.cases.models import Case, Event, FollowUp, Intervention, Organisation, Person, Source
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.store import do_ingest

ROLES = ("admin", "coordinator", "editor", "viewer", "analyst")


@dataclass
class World:
    """Records every page and action of the web tests can point at."""

    case: Case
    closed_case: Case
    person: Person
    event: Event
    deleted_event: Event
    followup: FollowUp
    done_followup: FollowUp
    organisation: Organisation
    source: Source
    appeal: Intervention


def stored_source(level: str = "restricted") -> Source:
    extracted = read_for_intake(STEPPE_APPEAL)
    assert isinstance(extracted, ExtractedFile)
    outcome = do_ingest(extracted, acting_user=None, confidentiality=level, accept=False)
    return Source.objects.get(pk=outcome.source_id)


def make_world() -> World:
    case = make_case("Kenya: paralegal detained", "restricted", defender="Amina Example")
    person = case.defenders.get()
    event = do_enter_event(
        acting_user=None,
        case=case,
        type="arrest",
        date=dt.date(2025, 5, 2),
        place="Nairobi",
        victims=[person],
    )
    deleted_event = do_enter_event(acting_user=None, case=case, type="threat", date=dt.date(2025, 4, 1))
    do_delete(deleted_event, reason="entered twice", acting_user=None)
    followup = do_enter_followup(acting_user=None, case=case, kind="hearing", due=dt.date(2025, 6, 1))
    done_followup = do_enter_followup(acting_user=None, case=case, kind="reply_due", due=dt.date(2025, 5, 20))
    do_mark_done(done_followup, outcome="no reply", acting_user=None)
    closed_case = make_case("Kenya: journalist released", "restricted", defender="Baraka Example")
    do_close_case(closed_case, situation="released", acting_user=None)
    Authority.objects.create(country="KE", title="Attorney General", email="ag@example.org")
    return World(
        case=case,
        closed_case=closed_case,
        person=person,
        event=event,
        deleted_event=deleted_event,
        followup=followup,
        done_followup=done_followup,
        organisation=do_enter_organisation(acting_user=None, name="Coast Rights Network", country="KE"),
        source=stored_source(),
        appeal=do_compose_draft(case, acting_user=None),
    )


def users() -> dict[str, User]:
    return {role: make_user(f"{role}-w", role) for role in ROLES}


def client_as(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
