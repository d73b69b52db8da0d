"""Writing cases, people, organisations, events, interventions and follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from vigil.audit.chain import record
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import (
    Case,
    Demand,
    Event,
    EventSource,
    FollowUp,
    Intervention,
    Person,
    Source,
)
from vigil.cases.roles import User
from vigil.search.index import index_case, index_event

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


def add_defenders(*, acting_user: User | None, case: Case, people: Iterable[Person]) -> None:
    """Add the people the case is not already about, one audit entry each."""
    people = list(people)
    present = set(case.defenders.filter(pk__in=[p.pk for p in people]).values_list("pk", flat=True))
    added = [p for p in dict.fromkeys(people) if p.pk not in present]
    case.defenders.add(*added)
    for person in added:
        record("case.add_defender", acting_user=acting_user, instance=case, detail={"person": person.pk})
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
    index_event(event)
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
    Demand.objects.bulk_create(
        Demand(
            intervention=intervention,
            position=position,
            text=text,
            start=span[0] if span else None,
            end=span[1] if span else None,
        )
        for position, (text, span) in enumerate(demands, start=1)
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
