"""What is due: open follow-ups of the cases a user may see, overdue first; a snoozed one
counts from the day it was put off to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vigil.cases.access import readable_followups
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User

SOON_DAYS = 7


def due_list(user: User | None, *, today: dt.date) -> list[dict[str, Any]]:
    """Open follow-ups with their state (overdue, due soon, upcoming), earliest first."""
    items = []
    followups = readable_followups(user).filter(status=FollowUpStatus.OPEN)
    for followup in sorted(followups.select_related("case"), key=lambda f: (f.watch_from, f.pk)):
        if followup.is_overdue(today):
            state = "overdue"
        elif followup.watch_from <= today + dt.timedelta(days=SOON_DAYS):
            state = "due soon"
        else:
            state = "upcoming"
        items.append(
            {
                "id": followup.pk,
                "case_id": followup.case_id,
                "case": followup.case.title,
                "kind": followup.kind,
                "due": followup.due.isoformat(),
                "snoozed_until": followup.snoozed_until.isoformat() if followup.snoozed_until else None,
                "state": state,
                "note": followup.note,
            }
        )
    return items
