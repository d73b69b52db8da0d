"""The public export: public records only, built from an allow-list of fields (never a deny-list).

A field is exported only if it is named here; a field added to a model later stays out
until someone decides it is public and adds it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from vigil.cases.models import Case, Confidentiality, Event, Person
from vigil.cases.parts import roles_at

PUBLIC_CASE_FIELDS = ("id", "title", "country", "situation", "opened", "closed")
PUBLIC_PERSON_FIELDS = ("id", "name", "gender", "country")
PUBLIC_EVENT_FIELDS = (
    "id",
    "type",
    "date",
    "date_precision",
    "place",
    "country",
    "perpetrator_text",
    "legal_basis",
    "duration",
)


def allowed(instance: Model, fields: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def public_export() -> dict[str, Any]:
    """Every public case with its public defenders and public events."""
    public = Confidentiality.PUBLIC
    cases = []
    for case in Case.objects.filter(confidentiality=public).order_by("id"):
        item = allowed(case, PUBLIC_CASE_FIELDS)
        item["defenders"] = [
            {**allowed(p, PUBLIC_PERSON_FIELDS), "roles": roles_at(p, [public])}
            for p in case.defenders.filter(confidentiality=public).order_by("id")
        ]
        events = Event.objects.filter(case=case, confidentiality=public).order_by("date", "id")
        item["events"] = [
            {
                **allowed(e, PUBLIC_EVENT_FIELDS),
                "victims": [p.pk for p in e.victims.filter(confidentiality=public)],
            }
            for e in events
        ]
        cases.append(item)
    people = Person.objects.filter(confidentiality=public).count()
    return {"format": "vigil-public-export-1", "cases": cases, "public_people": people}
