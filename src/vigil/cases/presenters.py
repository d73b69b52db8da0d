"""Records as plain data (for ``--json`` output and the API), read through the access layer.

Every function takes the reader: a case shows only the defenders, events, demands and
follow-ups the reader may see, and a person only the spellings, roles and ties of the levels
the reader reads (see ``cases.parts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from vigil.cases.access import (
    on_readable_cases,
    person_readable,
    readable_cases,
    readable_organisations,
    readable_people,
    source_readable,
)
from vigil.cases.models import (
    Case,
    Event,
    EventSource,
    FollowUp,
    Intervention,
    MatchStatus,
    Organisation,
    OrganisationMatch,
    Person,
    PersonMatch,
    Source,
    Suggestion,
)
from vigil.cases.parts import affiliations_seen_by, by_script, other_names, roles_seen_by, seen_by
from vigil.cases.roles import User


def case_summary(case: Case, user: User | None, defenders: list[str] | None = None) -> dict[str, Any]:
    """A case in a list; ``defenders`` are the names the reader may see, when already known."""
    return {
        "id": case.pk,
        "title": case.title,
        "country": case.country or None,
        "situation": case.situation,
        "confidentiality": case.confidentiality,
        "opened": case.opened.isoformat() if case.opened else None,
        "defenders": defenders if defenders is not None else [p.name for p in visible_defenders(case, user)],
    }


def case_summaries(cases: Iterable[Case], user: User | None) -> list[dict[str, Any]]:
    """A page of cases, their defenders the reader may see read in one query for the page."""
    cases = list(cases)
    names: dict[int, list[str]] = {case.pk: [] for case in cases}
    ties = Case.defenders.through.objects.filter(case_id__in=names).order_by("person_id")
    rows = list(ties.values_list("case_id", "person_id", "person__name"))
    # Who may see whom is asked of the page's people only: readable_people() over the whole
    # table as a subquery cost 130 ms a page on 10,000 cases (benchmarks/api.py).
    shown = set(readable_people(user).filter(pk__in={pk for _, pk, _ in rows}).values_list("pk", flat=True))
    for case_id, person_id, name in rows:
        if person_id in shown:
            names[case_id].append(name)
    return [case_summary(case, user, names[case.pk]) for case in cases]


def visible_defenders(case: Case, user: User | None) -> list[Person]:
    return list(readable_people(user).filter(cases=case).order_by("id"))


def event_data(event: Event, user: User | None) -> dict[str, Any]:
    """An event with the victims and the evidence (in sources) the reader may see."""
    return events_data([event], user)[0]


def events_data(events: Iterable[Event], user: User | None) -> list[dict[str, Any]]:
    """:func:`event_data` for several events: their victims and evidence read in one query each,
    and each source's text decrypted once however many spans it backs."""
    events = list(events)
    ids = [event.pk for event in events]
    victims: dict[int, list[str]] = {pk: [] for pk in ids}
    ties = Event.victims.through.objects.filter(person_readable(user, "person__"), event_id__in=ids)
    for event_id, name in ties.order_by("person_id").values_list("event_id", "person__name"):
        victims[event_id].append(name)
    spans = list(
        EventSource.objects.filter(source_readable(user, "source__"), event_id__in=ids)
        .order_by("id")
        .values_list("event_id", "source_id", "start", "end")
    )
    texts = dict(Source.objects.filter(pk__in={span[1] for span in spans}).values_list("pk", "text"))
    evidence: dict[int, list[dict[str, Any]]] = {pk: [] for pk in ids}
    for event_id, source_id, start, end in spans:
        text = (texts[source_id] or "")[start:end]
        evidence[event_id].append({"source_id": source_id, "start": start, "end": end, "text": text})
    return [
        {
            "id": event.pk,
            "case_id": event.case_id,
            "date": event.date_display() if event.date else None,
            "date_precision": event.date_precision,
            "type": event.type,
            "place": event.place or None,
            "perpetrator": event.perpetrator_text or None,
            "victims": victims[event.pk],
            "legal_basis": event.legal_basis or None,
            "duration": event.duration or None,
            "evidence": evidence[event.pk],
        }
        for event in events
    ]


def case_detail(case: Case, user: User | None) -> dict[str, Any]:
    defenders = visible_defenders(case, user)
    data = case_summary(case, user, [p.name for p in defenders])
    data["defenders"] = [person_summary(p, user) for p in defenders]
    events = on_readable_cases(user, Event.objects.filter(case=case)).order_by("date", "id")
    data["events"] = events_data(events, user)
    interventions = on_readable_cases(user, Intervention.objects.filter(case=case))
    data["demands"] = [
        {
            "intervention_id": i.pk,
            "publisher": i.publisher or None,
            "position": d.position,
            "text": d.text,
        }
        for i in interventions.order_by("id").prefetch_related("demands")
        for d in i.demands.all()
    ]
    followups = on_readable_cases(user, FollowUp.objects.filter(case=case))
    data["followups"] = [
        {"id": f.pk, "kind": f.kind, "due": f.due.isoformat(), "status": f.status, "note": f.note}
        for f in followups.order_by("due", "id")
    ]
    return data


def person_summary(person: Person, user: User | None) -> dict[str, Any]:
    names = list(seen_by(person.names.all(), user))
    return {
        "id": person.pk,
        "name": person.name,
        "aliases": other_names(person, names),
        "names_by_script": by_script(names),
        "gender": person.gender,
        "roles": roles_seen_by(person, user),
        "country": person.country or None,
        "organisations": list(dict.fromkeys(a.organisation.name for a in affiliations_seen_by(person, user))),
        "merged_into": person.merged_into_id,
        "absorbed": [
            {"id": p.pk, "name": p.name}
            for p in readable_people(user).filter(merged_into=person).order_by("id")
        ],
    }


def visible_matches(
    user: User | None, kind: str, *, every: bool = False
) -> QuerySet[PersonMatch] | QuerySet[OrganisationMatch]:
    """Possible matches (pending ones, or ``every`` one) between two records ``user`` may see;
    a pending one never involves a record merged away since."""
    records = identity_records(user, kind)
    if not every:
        records = records.filter(merged_into__isnull=True)
    model = PersonMatch if kind == "person" else OrganisationMatch
    rows = model.objects.filter(left__in=records, right__in=records).select_related("left", "right")
    return rows if every else rows.filter(status=MatchStatus.PENDING)


def identity_records(user: User | None, kind: str) -> QuerySet[Person] | QuerySet[Organisation]:
    """The people (``kind`` "person") or organisations ``user`` may see."""
    return readable_people(user) if kind == "person" else readable_organisations(user)


def merged_records(user: User | None, kind: str) -> QuerySet[Person] | QuerySet[Organisation]:
    """Records merged into another, where ``user`` may see both."""
    records = identity_records(user, kind)
    return records.filter(merged_into__in=records).select_related("merged_into")


def possible_matches(user: User | None, person: Person) -> list[dict[str, Any]]:
    """Pending matches of ``person`` with people ``user`` may also see."""
    rows = visible_matches(user, "person").filter(Q(left=person) | Q(right=person))
    return [
        {
            "match_id": m.pk,
            "person_id": other.pk,
            "name": other.name,
            "score": round(m.score, 1),
            "reasons": m.reasons,
        }
        for m in rows
        for other in [m.right if m.left_id == person.pk else m.left]
    ]


def defender_timeline(user: User | None, person: Person) -> dict[str, Any]:
    """A defender across every case ``user`` may see, events in date order (see ``cases.timeline``)."""
    from vigil.cases.timeline import defender_history

    history = defender_history(user, person)
    cases = readable_cases(user).filter(defenders=person)
    data = person_summary(person, user)
    data["cases"] = history["cases"]
    data["timeline"] = history["timeline"]
    data["possible_matches"] = possible_matches(user, person)
    appeals = Intervention.objects.filter(case__in=cases, source__isnull=True).order_by("-version", "-id")
    data["appeals"] = [
        {
            "id": a.pk,
            "case_id": a.case_id,
            "version": a.version,
            "status": a.status,
            "title": a.title,
            "published_at": a.published_at.isoformat() if a.published_at else None,
            "supersedes": a.supersedes_id,
        }
        for a in appeals
    ]
    return data


def source_summary(source: Source) -> dict[str, Any]:
    """A source's description (the caller has fetched it through the access layer)."""
    return {
        "id": source.pk,
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published.isoformat() if source.published else None,
        "language": source.language,
        "format": source.format,
        "filename": source.filename,
        "confidentiality": source.confidentiality,
        "case_id": source.case_id,
        "reviewed": source.reviewed_at is not None,
        "suggestions": source.suggestions.count(),
    }


def suggestion_data(suggestion: Suggestion, source: Source) -> dict[str, Any]:
    """A suggested fact with its status and the sentence it came from."""
    spanned = suggestion.start is not None and suggestion.end is not None
    return {
        "position": suggestion.position,
        "field": suggestion.field,
        "value": suggestion.value,
        "status": suggestion.status,
        "confidence": suggestion.confidence,
        "evidence": source.excerpt(suggestion.start or 0, suggestion.end or 0) if spanned else None,
        "record": suggestion.record,
    }
