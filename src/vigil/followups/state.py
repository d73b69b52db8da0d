"""Where a follow-up stands on a given day, and a follow-up as data for the API and feeds.

A snoozed follow-up counts from the day it was put off to (``FollowUp.watch_from``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from vigil.cases.models import FollowUp
from vigil.cases.models.followup import FollowUpStatus

SOON_DAYS = 7
STATES = ("overdue", "due soon", "upcoming", "done", "cancelled")


def state_of(followup: FollowUp, today: dt.date) -> str:
    """``overdue``, ``due soon`` (within a week), ``upcoming``; or its status once closed."""
    if followup.status != FollowUpStatus.OPEN:
        return str(followup.status) if followup.status == FollowUpStatus.DONE else "cancelled"
    if followup.watch_from < today:
        return "overdue"
    if followup.watch_from <= today + dt.timedelta(days=SOON_DAYS):
        return "due soon"
    return "upcoming"


def followup_data(followup: FollowUp, today: dt.date) -> dict[str, Any]:
    """A follow-up the reader may see (fetched through the access layer), with its state."""
    return {
        "id": followup.pk,
        "case_id": followup.case_id,
        "kind": followup.kind,
        "due": followup.due.isoformat(),
        "watch_from": followup.watch_from.isoformat(),
        "state": state_of(followup, today),
        "status": followup.status,
        "note": followup.note,
        "outcome": followup.outcome or None,
        "assignee": followup.assignee.get_username() if followup.assignee else None,
    }
