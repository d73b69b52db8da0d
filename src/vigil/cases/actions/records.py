"""Writing cases, people, organisations, events, interventions and follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction
from rapidfuzz import fuzz

from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import (
    Affiliation,
    Case,
    Demand,
    Event,
    EventSource,
    FollowUp,
    Intervention,
    Organisation,
    Person,
    Source,
)
from vigil.cases.roles import User
from vigil.search.index import index_case, index_person

SAME_NAME_SCORE = 92
M = TypeVar("M", bound=models.Model)


def create(model: type[M], *, acting_user: User | None, action: str, **fields: Any) -> M:
    """Create one record and its audit entry (the caller holds the transaction)."""
    instance = model._default_manager.create(**fields)
    record(action, acting_user=acting_user, instance=instance)
    return instance


def do_create_case(*, acting_user: User | None, title: str, **fields: Any) -> Case:
    """Open a case."""
    require_writer(acting_user)
    with transaction.atomic():
        case = create(Case, acting_user=acting_user, action="case.create", title=title, **fields)
        index_case(case)
    return case


def find_person(name: str) -> Person | None:
    """An existing person of the same name, allowing for spelling variants."""
    folded = name.casefold()
    for person in Person.objects.all().only("id", "name", "aliases"):
        names = [person.name, *person.aliases]
        if any(n.casefold() == folded or fuzz.token_sort_ratio(n, name) >= SAME_NAME_SCORE for n in names):
            return person
    return None


def find_or_create_person(*, acting_user: User | None, name: str, **fields: Any) -> Person:
    """Reuse the person of that name (recording the spelling as an alias) or create one."""
    person = find_person(name)
    if person is None:
        person = create(Person, acting_user=acting_user, action="person.create", name=name, **fields)
        index_person(person)
    else:
        add_alias(person, name, acting_user=acting_user)
    return person


def add_alias(person: Person, name: str, *, acting_user: User | None) -> None:
    """Record another spelling of an existing person's name (nothing if it is known)."""
    if name != person.name and name not in person.aliases:
        before = snapshot(person)
        person.aliases = [*person.aliases, name]
        person.save(update_fields=["aliases", "updated_at"])
        record("person.add_alias", acting_user=acting_user, instance=person, before=before)
    index_person(person)


def find_or_create_organisation(*, acting_user: User | None, name: str, **fields: Any) -> Organisation:
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    return create(Organisation, acting_user=acting_user, action="organisation.create", name=name, **fields)


def affiliate(*, acting_user: User | None, person: Person, organisation: Organisation, role: str) -> None:
    if not Affiliation.objects.filter(person=person, organisation=organisation, role=role).exists():
        create(
            Affiliation,
            acting_user=acting_user,
            action="affiliation.create",
            person=person,
            organisation=organisation,
            role=role,
        )


def add_defenders(*, acting_user: User | None, case: Case, people: Iterable[Person]) -> None:
    for person in people:
        if not case.defenders.filter(pk=person.pk).exists():
            case.defenders.add(person)
            record(
                "case.add_defender",
                acting_user=acting_user,
                instance=case,
                detail={"person": person.pk},
            )
    index_case(case)


def add_event(
    *,
    acting_user: User | None,
    case: Case,
    victims: Iterable[Person],
    source: Source | None = None,
    evidence: tuple[int, int] | None = None,
    **fields: Any,
) -> Event:
    event = create(Event, acting_user=acting_user, action="event.create", case=case, **fields)
    event.victims.set(list(victims))
    if source is not None and evidence is not None:
        EventSource.objects.create(event=event, source=source, start=evidence[0], end=evidence[1])
    return event


def add_intervention(
    *,
    acting_user: User | None,
    case: Case,
    demands: Iterable[tuple[str, tuple[int, int] | None]],
    **fields: Any,
) -> Intervention:
    intervention = create(
        Intervention, acting_user=acting_user, action="intervention.create", case=case, **fields
    )
    for position, (text, span) in enumerate(demands, start=1):
        Demand.objects.create(
            intervention=intervention,
            position=position,
            text=text,
            start=span[0] if span else None,
            end=span[1] if span else None,
        )
    return intervention


def add_followup(*, acting_user: User | None, case: Case, kind: str, due: dt.date, **fields: Any) -> FollowUp:
    existing = FollowUp.objects.filter(case=case, kind=kind, due=due).first()
    if existing is not None:
        return existing
    return create(
        FollowUp,
        acting_user=acting_user,
        action="followup.create",
        case=case,
        kind=kind,
        due=due,
        **fields,
    )
