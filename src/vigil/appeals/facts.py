"""The facts an appeal is composed from, gathered from a case through an allow-list.

``gather(case, levels=PUBLIC)`` reads public records only, and only the fields named here:
the public version of an appeal is composed from this view and from nothing else, so no
restricted or confidential fact can reach it (not through a demand, a headline or a name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from vigil.appeals.parts import organisation_in_script, spelling_in, visible_affiliations, visible_roles
from vigil.cases.models import Case, Confidentiality, Event, Organisation
from vigil.cases.parts import internal_levels
from vigil.cases.vocabulary import violation_of

PUBLIC: tuple[str, ...] = (Confidentiality.PUBLIC.value,)
EVERY_LEVEL: tuple[str, ...] = tuple(c.value for c in Confidentiality)
LEVEL_ORDER = {level: rank for rank, level in enumerate(EVERY_LEVEL)}


def levels_for(case: Case, *, public: bool) -> tuple[str, ...]:
    """Public: public records only. Internal: what every staff reader of the case may read."""
    return PUBLIC if public else tuple(internal_levels(case.confidentiality))


@dataclass(frozen=True)
class DefenderFacts:
    """What an appeal may say about a defender."""

    name: str
    gender: str
    roles: tuple[str, ...] = ()
    affiliations: tuple[tuple[str, str, str], ...] = ()  # organisation, role, Cyrillic name
    cyrillic: str = ""

    @property
    def organisations(self) -> tuple[str, ...]:
        return tuple(a[0] for a in self.affiliations)


@dataclass(frozen=True)
class OrganisationFacts:
    """An organisation an event happened to."""

    name: str
    cyrillic: str = ""


@dataclass(frozen=True)
class EventFacts:
    """What an appeal may say about an event."""

    date: dt.date | None
    precision: str
    type: str
    level: str = "public"
    place: str = ""
    agent: str = ""
    legal_basis: str = ""
    conduct: str = ""
    duration: str = ""
    penalty: str = ""
    detention_place: str = ""
    victims: tuple[str, ...] = ()
    organisations: tuple[OrganisationFacts, ...] = ()
    language: str = ""


@dataclass(frozen=True)
class DemandFacts:
    """A demand another publisher's appeal made about the case."""

    text: str
    language: str
    level: str


@dataclass(frozen=True)
class FollowUpFacts:
    """A date the appeal can state: an expected release, a hearing."""

    kind: str
    due: dt.date


@dataclass
class CaseFacts:
    """Everything composition reads, and nothing more."""

    case_id: int
    country: str
    levels: tuple[str, ...] = PUBLIC
    defenders: list[DefenderFacts] = field(default_factory=list)
    events: list[EventFacts] = field(default_factory=list)
    demands: list[DemandFacts] = field(default_factory=list)
    followups: list[FollowUpFacts] = field(default_factory=list)

    @property
    def violations(self) -> list[str]:
        found: list[str] = []
        for event in self.events:
            violation = violation_of(event.type)
            if violation and violation not in found:
                found.append(violation)
        return found

    @property
    def public(self) -> bool:
        return tuple(self.levels) == PUBLIC


def gather(case: Case, *, public: bool | None = None, levels: Collection[str] | None = None) -> CaseFacts:
    """The case's facts at ``levels`` (``public=True``: public records only; else the internal levels)."""
    allowed = tuple(levels) if levels is not None else levels_for(case, public=bool(public))
    facts = CaseFacts(case_id=case.pk, country=case.country, levels=allowed)
    people = {}
    for person in case.defenders.filter(confidentiality__in=allowed).order_by("id"):
        people[person.pk] = DefenderFacts(
            name=person.name,
            gender=person.gender,
            roles=tuple(visible_roles(person, allowed, case)),
            affiliations=tuple(visible_affiliations(person, allowed, case)),
            cyrillic=spelling_in(person, "Cyrl", allowed, case),
        )
    facts.defenders = list(people.values())
    events = Event.objects.filter(case=case, confidentiality__in=allowed).order_by("date", "id")
    for event in events.select_related("perpetrator").prefetch_related(
        "victims", "victim_organisations", "sources"
    ):
        victims = tuple(people[p.pk].name for p in event.victims.all() if p.pk in people)
        organisations = tuple(
            organisation_facts(o, allowed)
            for o in event.victim_organisations.all()
            if o.confidentiality in allowed
        )
        if not victims and not organisations:
            continue  # it happened to no one this version may name
        facts.events.append(event_facts(event, victims, organisations, allowed))
    source_appeal = (
        case.interventions.filter(source__isnull=False, confidentiality__in=allowed).order_by("-id").first()
    )
    if source_appeal is not None:
        facts.demands = [
            DemandFacts(d.text, source_appeal.language, source_appeal.confidentiality)
            for d in source_appeal.demands.order_by("position")
        ]
    for followup in case.followups.filter(
        confidentiality__in=allowed, status="open", kind__in=("expected_release", "hearing")
    ).order_by("due"):
        facts.followups.append(FollowUpFacts(followup.kind, followup.due))
    return facts


def perpetrator_name(event: Event, levels: Collection[str]) -> str:
    perpetrator = event.perpetrator
    return perpetrator.name if perpetrator is not None and perpetrator.confidentiality in levels else ""


def event_facts(
    event: Event,
    victims: tuple[str, ...],
    organisations: tuple[OrganisationFacts, ...],
    levels: Collection[str],
) -> EventFacts:
    return EventFacts(
        date=event.date,
        precision=event.date_precision,
        type=event.type,
        level=event.confidentiality,
        place=event.place,
        agent=event.perpetrator_text or perpetrator_name(event, levels),
        legal_basis=event.legal_basis,
        conduct=event.conduct,
        duration=event.duration,
        penalty=event.penalty,
        detention_place=event.detention_place,
        victims=victims,
        organisations=organisations,
        language=next((s.language for s in event.sources.all()), ""),
    )


def organisation_facts(organisation: Organisation, levels: Collection[str]) -> OrganisationFacts:
    return OrganisationFacts(organisation.name, organisation_in_script(organisation, "Cyrl", levels))
