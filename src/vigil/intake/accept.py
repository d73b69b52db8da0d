"""Accepting a source's suggestions: they become a case, its defenders, events, demands and follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from vigil.audit.chain import record
from vigil.cases.actions.edits import do_edit
from vigil.cases.actions.people import (
    add_alias,
    add_organisation_names,
    affiliate,
    find_or_create_organisation,
    find_or_create_person,
)
from vigil.cases.actions.records import (
    add_defenders,
    add_event,
    add_followup,
    add_intervention,
    do_create_case,
)
from vigil.cases.models import Case, CaseSituation, Event, Organisation, Person, Source, SuggestionStatus
from vigil.cases.models.followup import FollowUpKind
from vigil.cases.roles import User
from vigil.followups.rules import expected_release
from vigil_extract.document import Document, PartialDate

SITUATION_BY_EVENT = {
    "arrest": CaseSituation.DETAINED,
    "detention": CaseSituation.DETAINED,
    "sentence": CaseSituation.SENTENCED,
    "conviction": CaseSituation.SENTENCED,
    "release": CaseSituation.RELEASED,
    "acquittal": CaseSituation.RELEASED,
    "killing": CaseSituation.KILLED,
    "enforced_disappearance": CaseSituation.DISAPPEARED,
    "abduction": CaseSituation.DISAPPEARED,
}
RELEASE_FROM = {"sentence", "detention", "arrest", "conviction"}


def as_date(date: PartialDate | None) -> dt.date | None:
    if date is None:
        return None
    return dt.date(date.year, date.month or 1, date.day or 1)


def situation_of(doc: Document) -> str:
    """The situation the latest telling event leaves the defenders in."""
    situation = CaseSituation.AT_RISK
    for event in doc.events:
        situation = SITUATION_BY_EVENT.get(event.type, situation)
    return situation


@dataclass
class Accepted:
    """What accepting a document made: the case, its people by name, the events in order."""

    case: Case
    people: dict[str, Person] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


def accept_source(
    source: Source,
    doc: Document,
    *,
    acting_user: User | None,
    case: Case | None = None,
    attached: Mapping[str, Person] | None = None,
    attached_organisations: Mapping[str, Organisation] | None = None,
    event_fields: Sequence[Mapping[str, Any]] = (),
) -> Accepted:
    """Turn every fact of ``doc`` into records of ``source``'s case (inside the caller's
    transaction): a new case, or ``case`` for an update about defenders already followed.

    ``attached`` names existing people that defenders of the document are (instead of
    creating them); ``event_fields`` adds fields to the events, in order (a reviewer's
    end date or precision).
    """
    level = source.confidentiality
    if case is None:
        case = do_create_case(
            acting_user=acting_user,
            title=(doc.title or source.filename)[:400],
            country=doc.country or "",
            situation=situation_of(doc),
            confidentiality=level,
            opened=as_date(doc.published) or timezone.localdate(),
            issues=[],
        )
    elif situation_of(doc) != CaseSituation.AT_RISK:
        do_edit(case, acting_user=acting_user, situation=situation_of(doc))
    source.case = case
    source.reviewed_at = timezone.now()
    source.save(update_fields=["case", "reviewed_at", "updated_at"])
    people = accept_defenders(
        doc,
        case,
        source,
        acting_user=acting_user,
        attached=attached or {},
        attached_organisations=attached_organisations or {},
    )
    events = accept_events(
        doc, case, source, people, acting_user=acting_user, level=level, extra=event_fields
    )
    if doc.demands:
        add_intervention(
            acting_user=acting_user,
            case=case,
            kind="appeal",
            title=(doc.title or "")[:400],
            publisher=(doc.publisher or "")[:300],
            language=doc.language or "en",
            status="published",
            source=source,
            confidentiality=level,
            demands=[(d.text, (d.evidence.start, d.evidence.end)) for d in doc.demands],
        )
    pending = source.suggestions.filter(status=SuggestionStatus.PENDING)
    pending.update(status=SuggestionStatus.ACCEPTED, decided_at=timezone.now())
    record("suggestions.accept_all", acting_user=acting_user, instance=source)
    return Accepted(case, people, events)


def accept_defenders(
    doc: Document,
    case: Case,
    source: Source,
    *,
    acting_user: User | None,
    attached: Mapping[str, Person],
    attached_organisations: Mapping[str, Organisation],
) -> dict[str, Person]:
    """The source's defenders as people on the case: the ones a reviewer attached to existing
    records, else reused or new under the rule of ``cases.identity``. Parts keep the source's level."""
    level = source.confidentiality
    months = frozenset((e.date.year, e.date.month) for e in doc.events if e.date and e.date.month)
    people: dict[str, Person] = {}
    for defender in doc.defenders:
        person = attached.get(defender.name)
        if person is not None:
            add_alias(person, defender.name[:300], acting_user=acting_user, level=level, source=source)
        else:
            person = find_or_create_person(
                acting_user=acting_user,
                name=defender.name[:300],
                gender=defender.gender,
                roles=defender.roles,
                country=doc.country or "",
                confidentiality=level,
                source=source,
                organisations=defender.organisations,
                months=months,
            )
        for name in defender.organisations:
            organisation = attached_organisations.get(name)
            if organisation is not None:
                add_organisation_names(organisation, name[:300], level=level, source=source)
            else:
                organisation = find_or_create_organisation(
                    acting_user=acting_user,
                    name=name[:300],
                    country=doc.country or "",
                    confidentiality=level,
                    source=source,
                )
            affiliate(
                acting_user=acting_user,
                person=person,
                organisation=organisation,
                role="",
                confidentiality=level,
                source=source,
            )
        people[defender.name] = person
    add_defenders(acting_user=acting_user, case=case, people=people.values())
    return people


def accept_events(
    doc: Document,
    case: Case,
    source: Source,
    people: dict[str, Person],
    *,
    acting_user: User | None,
    level: str,
    extra: Sequence[Mapping[str, Any]] = (),
) -> list[Event]:
    stored_events: list[Event] = []
    for index, event in enumerate(doc.events):
        start = as_date(event.date)
        fields: dict[str, Any] = {
            "date_precision": event.date.precision if event.date else "day",
            **(extra[index] if index < len(extra) else {}),
        }
        stored = add_event(
            acting_user=acting_user,
            case=case,
            source=source,
            evidence=(event.evidence.start, event.evidence.end),
            victims=[people[name] for name in event.victims if name in people],
            type=event.type,
            date=start,
            place=(event.location or "")[:200],
            country=doc.country or "",
            perpetrator_text=(event.perpetrator or "")[:300],
            legal_basis=(event.legal_basis or "")[:300],
            duration=(event.duration or "")[:100],
            confidentiality=level,
            **fields,
        )
        stored_events.append(stored)
        if (
            event.type in RELEASE_FROM
            and event.duration
            and start
            and event.date is not None
            and event.date.day is not None
        ):
            due = expected_release(start, event.duration)
            if due is not None:
                add_followup(
                    acting_user=acting_user,
                    case=case,
                    kind=FollowUpKind.EXPECTED_RELEASE,
                    due=due,
                    event=stored,
                    note=f"{event.duration} from {start.isoformat()}",
                    confidentiality=level,
                )
    return stored_events
