"""Records as plain data (for ``--json`` output and the API), read through the access layer."""

from __future__ import annotations

from typing import Any

from vigil.cases.access import readable_cases
from vigil.cases.models import Case, Event, Intervention, Person
from vigil.cases.roles import User


def case_summary(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "title": case.title,
        "country": case.country or None,
        "situation": case.situation,
        "confidentiality": case.confidentiality,
        "opened": case.opened.isoformat() if case.opened else None,
        "defenders": [p.name for p in case.defenders.all()],
    }


def event_data(event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "case_id": event.case_id,
        "date": event.date_display() if event.date else None,
        "date_precision": event.date_precision,
        "type": event.type,
        "place": event.place or None,
        "perpetrator": event.perpetrator_text or None,
        "victims": [p.name for p in event.victims.all()],
        "legal_basis": event.legal_basis or None,
        "duration": event.duration or None,
        "evidence": [
            {"source_id": e.source_id, "start": e.start, "end": e.end, "text": e.excerpt()}
            for e in event.evidence.select_related("source")
        ],
    }


def case_detail(case: Case) -> dict[str, Any]:
    data = case_summary(case)
    data["defenders"] = [person_summary(p) for p in case.defenders.all()]
    data["events"] = [event_data(e) for e in case.events.order_by("date", "id")]
    data["demands"] = [
        {
            "intervention_id": i.pk,
            "publisher": i.publisher or None,
            "position": d.position,
            "text": d.text,
        }
        for i in case.interventions.all()
        for d in i.demands.all()
    ]
    data["followups"] = [
        {"kind": f.kind, "due": f.due.isoformat(), "status": f.status, "note": f.note}
        for f in case.followups.all()
    ]
    return data


def person_summary(person: Person) -> dict[str, Any]:
    return {
        "id": person.pk,
        "name": person.name,
        "aliases": person.aliases,
        "gender": person.gender,
        "roles": person.roles,
        "country": person.country or None,
        "organisations": [a.organisation.name for a in person.affiliations.select_related("organisation")],
    }


def defender_timeline(user: User | None, person: Person) -> dict[str, Any]:
    """A defender across every case ``user`` may see, events in date order."""
    cases = readable_cases(user).filter(defenders=person)
    data = person_summary(person)
    data["cases"] = [{"id": c.pk, "title": c.title} for c in cases]
    events = Event.objects.filter(case__in=cases).order_by("date", "id")
    data["timeline"] = [event_data(e) for e in events]
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
