"""What is due: open follow-ups of the cases a user may see, overdue first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vigil.cases.access import readable_cases
from vigil.cases.models import FollowUp
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User

SOON_DAYS = 7


def due_list(user: User | None, *, today: dt.date) -> list[dict[str, Any]]:
    """Open follow-ups with their state (overdue, due soon, upcoming), earliest first."""
    items = []
    followups = FollowUp.objects.filter(case__in=readable_cases(user), status=FollowUpStatus.OPEN)
    for followup in followups.select_related("case").order_by("due", "id"):
        if followup.due < today:
            state = "overdue"
        elif followup.due <= today + dt.timedelta(days=SOON_DAYS):
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
                "state": state,
                "note": followup.note,
            }
        )
    return items
