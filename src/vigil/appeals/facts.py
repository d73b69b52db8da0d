"""The facts an appeal is composed from, gathered from a case through an allow-list.

For the public version only public records are read, and only the fields named here;
nothing else about the case can reach an appeal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vigil.cases.models import Case, Confidentiality, Event
from vigil.cases.parts import affiliations_at, organisation_names_at, roles_at


@dataclass(frozen=True)
class DefenderFacts:
    """What an appeal may say about a defender."""

    name: str
    gender: str
    roles: tuple[str, ...]
    organisations: tuple[str, ...]


@dataclass(frozen=True)
class EventFacts:
    """What an appeal may say about an event."""

    date: dt.date | None
    precision: str
    type: str
    place: str
    agent: str
    legal_basis: str
    duration: str
    victims: tuple[str, ...]
    language: str


@dataclass
class CaseFacts:
    """Everything composition reads, and nothing more."""

    case_id: int
    country: str
    defenders: list[DefenderFacts] = field(default_factory=list)
    events: list[EventFacts] = field(default_factory=list)
    demands: list[str] = field(default_factory=list)
    demands_language: str = ""
    violations: list[str] = field(default_factory=list)


def gather(case: Case, *, public: bool, levels: list[str] | None = None) -> CaseFacts:
    """The case's facts; with ``public``, public records only; else those of ``levels``
    (the reader's, see ``access.visible_levels``; every level when None)."""
    allowed: list[str] = (
        [Confidentiality.PUBLIC.value] if public else list(levels or [c.value for c in Confidentiality])
    )
    facts = CaseFacts(case_id=case.pk, country=case.country)
    for person in case.defenders.filter(confidentiality__in=allowed).order_by("id"):
        organisations = tuple(organisation_names_at(affiliations_at(person, allowed)))
        roles = tuple(roles_at(person, allowed))
        facts.defenders.append(DefenderFacts(person.name, person.gender, roles, organisations))
    visible = {d.name for d in facts.defenders}
    events = Event.objects.filter(case=case, confidentiality__in=allowed).order_by("date", "id")
    for event in events.prefetch_related("victims", "sources"):
        language = next((s.language for s in event.sources.all()), "")
        facts.events.append(
            EventFacts(
                date=event.date,
                precision=event.date_precision,
                type=event.type,
                place=event.place,
                agent=event.perpetrator_text,
                legal_basis=event.legal_basis,
                duration=event.duration,
                victims=tuple(p.name for p in event.victims.all() if p.name in visible),
                language=language,
            )
        )
    source_appeal = (
        case.interventions.filter(source__isnull=False, confidentiality__in=allowed)
        .select_related("source")
        .order_by("-id")
        .first()
    )
    if source_appeal is not None:
        facts.demands = [d.text for d in source_appeal.demands.order_by("position")]
        facts.demands_language = source_appeal.language
    from vigil.cases.vocabulary import violation_of

    for fact in facts.events:
        violation = violation_of(fact.type)
        if violation and violation not in facts.violations:
            facts.violations.append(violation)
    return facts
