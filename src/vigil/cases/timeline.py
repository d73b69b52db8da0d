"""A defender's history as one reader may see it: one line per event across every case and
source, where each fact came from, and how many incidents fell in each year.

Every part goes through the access layer: only the cases, events, sources, perpetrator
organisations and victims the reader may see, so a line never says more than its reader
reads elsewhere. The web page, the command line and the API present the same lines.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from vigil.cases.access import on_readable_cases, readable_cases, readable_organisations, readable_sources
from vigil.cases.models import Case, Event, Person
from vigil.cases.presenters import events_data
from vigil.cases.roles import User
from vigil.cases.vocabulary import violation_of

YEARS_SHOWN = 10


def events_about(user: User | None, person: Person, cases: QuerySet[Case]) -> QuerySet[Event]:
    """Events of ``cases`` the reader may see that happened to ``person`` (or to no one named)."""
    about_them = Q(victims=person) | Q(victims__isnull=True)
    events = on_readable_cases(user, Event.objects.filter(about_them, case__in=cases))
    return events.select_related("case").order_by("date", "id").distinct()


def provenance(event: Event, user: User | None) -> dict[str, Any]:
    """Where a line comes from: the sources the reader may see, else who typed it in by hand."""
    sources = readable_sources(user).filter(evidence__event=event).distinct().order_by("id")
    return {
        "sources": [{"id": s.pk, "title": str(s)} for s in sources],
        "entered_by": event.entered_by or None,
    }


def perpetrator_of(event: Event, user: User | None) -> dict[str, Any]:
    """Who did it: the organisation on record if the reader may see it, else the source's words."""
    organisation = None
    if event.perpetrator_id is not None:
        organisation = readable_organisations(user).filter(pk=event.perpetrator_id).first()
    return {
        "perpetrator": (organisation.name if organisation else event.perpetrator_text) or None,
        "perpetrator_id": organisation.pk if organisation else None,
    }


def timeline_lines(user: User | None, events: Iterable[Event]) -> list[dict[str, Any]]:
    """One line per event, in date order, with its case, perpetrator and provenance."""
    events = list(events)
    return [
        {
            **data,
            **perpetrator_of(event, user),
            **provenance(event, user),
            "date_end": event.date_end.isoformat() if event.date_end else None,
            "year": event.date.year if event.date else None,
            "case_title": event.case.title,
            "incident": violation_of(event.type) is not None,
        }
        for event, data in zip(events, events_data(events, user), strict=True)
    ]


@dataclass(frozen=True)
class YearCount:
    """Incidents in one calendar year; ``share`` is the count over the busiest year's (0–1)."""

    year: int
    incidents: int
    share: float


def incidents_by_year(lines: Iterable[dict[str, Any]], *, today: dt.date) -> list[YearCount]:
    """Incidents (events that document a violation: not a release, an acquittal, a protest) per
    calendar year, from the first dated one to this year, the last ``YEARS_SHOWN`` years at most,
    quiet years included. An undated incident has no year and is left out of the count."""
    counts = Counter(line["year"] for line in lines if line["incident"] and line["year"])
    if not counts:
        return []
    first = max(min(counts), today.year - YEARS_SHOWN + 1)
    last = max(today.year, max(counts))
    busiest = max(counts.values())
    return [YearCount(y, counts[y], counts[y] / busiest) for y in range(first, last + 1)]


def defender_history(user: User | None, person: Person) -> dict[str, Any]:
    """The cases ``user`` may see about ``person`` and the timeline of their events."""
    cases = readable_cases(user).filter(defenders=person).order_by("-opened", "-id")
    return {
        "cases": [{"id": c.pk, "title": c.title, "situation": c.situation} for c in cases],
        "timeline": timeline_lines(user, events_about(user, person, cases)),
    }
