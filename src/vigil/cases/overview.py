"""The team's morning, as data: what is due, what waits for review, what changed, who is at
growing risk. Read through the access layer, so each person sees only what they may; the web
dashboard and the API both present it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from vigil.cases.access import (
    readable_cases,
    readable_events,
    readable_followups,
    readable_people,
    readable_sources,
)
from vigil.cases.models import Case, FollowUp, Person, Source
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User

SOON_DAYS = 7
ESCALATION_DAYS = 90
ESCALATION_INCIDENTS = 3
RECENT = 10
SHOWN_DUE = 25
COUNTED = 1000  # a due list longer than this says "more than 1,000" rather than count them all


@dataclass(frozen=True)
class Escalation:
    """A defender with several incidents in a short time: a sign the risk is growing."""

    person: Person
    incidents: int
    days: int


@dataclass
class Overview:
    """Everything the dashboard shows, each part already filtered for its reader."""

    overdue: list[FollowUp] = field(default_factory=list)
    due_soon: list[FollowUp] = field(default_factory=list)
    overdue_total: int = 0
    due_soon_total: int = 0
    overdue_more: bool = False  # there are more than overdue_total (COUNTED)
    due_soon_more: bool = False
    to_review: list[Source] = field(default_factory=list)
    recent_cases: list[Case] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        """Plain data for JSON: ids, titles and dates only."""

        def followup(f: FollowUp) -> dict[str, Any]:
            return {"id": f.pk, "case_id": f.case_id, "kind": f.kind, "due": f.due.isoformat()}

        return {
            "overdue": [followup(f) for f in self.overdue],
            "due_soon": [followup(f) for f in self.due_soon],
            "overdue_total": self.overdue_total,
            "due_soon_total": self.due_soon_total,
            "overdue_more": self.overdue_more,
            "due_soon_more": self.due_soon_more,
            "to_review": [{"id": s.pk, "title": s.title or s.filename} for s in self.to_review],
            "recent_cases": [
                {"id": c.pk, "title": c.title, "updated_at": c.updated_at.isoformat()}
                for c in self.recent_cases
            ],
            "escalations": [
                {"person_id": e.person.pk, "name": e.person.name, "incidents": e.incidents, "days": e.days}
                for e in self.escalations
            ],
        }


def overview(user: User | None, *, today: dt.date) -> Overview:
    """The dashboard of ``user`` on ``today``. The due lists show the earliest ``SHOWN_DUE``
    follow-ups each, with how many there are in all: a team that fell behind still gets a page."""
    awake = Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=today)
    watched = readable_followups(user).filter(awake, status=FollowUpStatus.OPEN)
    soon = today + dt.timedelta(days=SOON_DAYS)
    overdue, overdue_total, overdue_more = first_and_count(watched.filter(due__lt=today))
    due_soon, due_soon_total, due_soon_more = first_and_count(watched.filter(due__gte=today, due__lte=soon))
    return Overview(
        overdue=overdue,
        due_soon=due_soon,
        overdue_total=overdue_total,
        due_soon_total=due_soon_total,
        overdue_more=overdue_more,
        due_soon_more=due_soon_more,
        to_review=list(readable_sources(user).filter(case__isnull=True).order_by("-created_at")[:RECENT]),
        recent_cases=list(readable_cases(user).order_by("-updated_at", "-id")[:RECENT]),
        escalations=escalations(user, today=today),
    )


def first_and_count(followups: QuerySet[FollowUp]) -> tuple[list[FollowUp], int, bool]:
    """The earliest ``SHOWN_DUE`` of ``followups``, how many there are, and whether there are
    more than that: counted only when the page is full, and only up to ``COUNTED`` (counting
    10,000 overdue follow-ups took 40-60 ms of every dashboard)."""
    shown = list(followups.select_related("case").order_by("due", "id")[:SHOWN_DUE])
    if len(shown) < SHOWN_DUE:
        return shown, len(shown), False
    counted = followups.order_by()[: COUNTED + 1].count()
    return shown, min(counted, COUNTED), counted > COUNTED


def escalations(user: User | None, *, today: dt.date) -> list[Escalation]:
    """Defenders ``user`` may see with at least three incidents dated in the last 90 days."""
    since = today - dt.timedelta(days=ESCALATION_DAYS)
    recent = readable_events(user).filter(date__gte=since, date__lte=today)
    counts = Counter(recent.values_list("victims", flat=True))
    frequent = {pk: n for pk, n in counts.items() if pk is not None and n >= ESCALATION_INCIDENTS}
    people = readable_people(user).filter(pk__in=frequent, merged_into__isnull=True)
    found = [Escalation(p, frequent[p.pk], ESCALATION_DAYS) for p in people]
    return sorted(found, key=lambda e: (-e.incidents, e.person.name))
