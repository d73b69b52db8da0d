"""Records entered by hand (no source): each says who entered it, so a reader can tell a fact
reported by a document ("from the appeal of 3 March") from one typed in ("entered by hand by maria").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import actor_label, record
from vigil.cases.actions.edits import EditError, do_set_defenders, do_set_victims, validated
from vigil.cases.actions.guard import require_writer
from vigil.cases.actions.people import add_alias, add_organisation_names, do_set_roles, propose_matches
from vigil.cases.actions.records import create
from vigil.cases.models import Case, Event, FollowUp, Organisation, Person
from vigil.cases.models.confidentiality import Record
from vigil.cases.roles import User
from vigil.search.index import index_case, index_event


def by_hand(model: type[Record], *, acting_user: User | None, action: str, **fields: Any) -> Any:
    """Create one record entered by hand (checked like an edit), with its audit entry."""
    instance = model(entered_by=actor_label(acting_user), **fields)
    validated(instance)
    return create(model, acting_user=acting_user, action=action, entered_by=instance.entered_by, **fields)


def do_enter_case(
    *, acting_user: User | None, title: str, defenders: Iterable[Person] = (), **fields: Any
) -> Case:
    """Open a case by hand, about the given defenders."""
    require_writer(acting_user)
    fields.setdefault("opened", timezone.localdate())
    with transaction.atomic():
        case: Case = by_hand(Case, acting_user=acting_user, action="case.create", title=title, **fields)
        do_set_defenders(case, defenders, acting_user=acting_user)
        index_case(case)
    return case


def do_enter_person(
    *, acting_user: User | None, name: str, case: Case | None = None, **fields: Any
) -> Person:
    """Add a person by hand; with ``case``, as one of its defenders."""
    require_writer(acting_user)
    if not name.strip():
        raise EditError("a person needs a name")
    roles = list(fields.pop("roles", []))
    with transaction.atomic():
        person: Person = by_hand(
            Person, acting_user=acting_user, action="person.create", name=name.strip(), **fields
        )
        add_alias(person, person.name, acting_user=acting_user)
        propose_matches(person)
        if roles:
            do_set_roles(person, roles, acting_user=acting_user)
        if case is not None:
            case.defenders.add(person)
            record("case.add_defender", acting_user=acting_user, instance=case, detail={"person": person.pk})
            index_case(case)
    return person


def do_enter_organisation(*, acting_user: User | None, name: str, **fields: Any) -> Organisation:
    require_writer(acting_user)
    if not name.strip():
        raise EditError("an organisation needs a name")
    with transaction.atomic():
        organisation: Organisation = by_hand(
            Organisation, acting_user=acting_user, action="organisation.create", name=name.strip(), **fields
        )
        add_organisation_names(organisation, organisation.name)
    return organisation


def do_enter_event(
    *, acting_user: User | None, case: Case, type: str, victims: Iterable[Person] = (), **fields: Any
) -> Event:
    """Add an event to a case by hand (a hearing announced by phone, a release seen in person)."""
    require_writer(acting_user)
    fields.setdefault("confidentiality", case.confidentiality)
    with transaction.atomic():
        event: Event = by_hand(
            Event, acting_user=acting_user, action="event.create", case=case, type=type, **fields
        )
        do_set_victims(event, victims, acting_user=acting_user)
        index_event(event)
    return event


def do_enter_followup(
    *, acting_user: User | None, case: Case, kind: str, due: dt.date, **fields: Any
) -> FollowUp:
    """Add a dated task to a case by hand (a hearing to attend, a reply to expect)."""
    require_writer(acting_user)
    fields.setdefault("confidentiality", case.confidentiality)
    with transaction.atomic():
        followup: FollowUp = by_hand(
            FollowUp,
            acting_user=acting_user,
            action="followup.create",
            case=case,
            kind=kind,
            due=due,
            **fields,
        )
    return followup
