"""Reads of restricted and confidential records, in the chain: who looked at this, and when.

Opening a record through an ``access_*`` function (a page, a command, a download) writes one
``<kind>.read`` entry when the record is not public; listing does not. Coordinators and admins
see the readers of a record on its page (and with ``vigil audit reads``); nobody else does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from vigil.audit.chain import record
from vigil.audit.models import AuditEvent
from vigil.cases.roles import User, role_of

READ_ACTIONS = {
    "cases.case": "case.read",
    "cases.person": "person.read",
    "cases.organisation": "organisation.read",
    "cases.source": "source.read",
    "cases.event": "event.read",
    "cases.followup": "followup.read",
}
MAY_SEE_READERS = {"admin", "coordinator"}


@dataclass(frozen=True)
class Reading:
    """One opening of a record: by whom and when."""

    actor: str
    at: datetime


def note_read(user: User | None, instance: Any) -> None:
    """Write ``<kind>.read`` for a record that is not public (its own transaction)."""
    if getattr(instance, "confidentiality", "public") == "public":
        return
    label = instance._meta.label_lower
    action = READ_ACTIONS.get(label)
    if action is None:
        return
    with transaction.atomic():
        record(action, acting_user=user, object_type=label, object_id=str(instance.pk))


def readers(user: User | None, instance: Any, limit: int = 50) -> list[Reading] | None:
    """The latest openings of ``instance``; None when ``user`` may not know who read it."""
    if role_of(user) not in MAY_SEE_READERS:
        return None
    label = instance._meta.label_lower
    entries = AuditEvent.objects.filter(
        action=READ_ACTIONS.get(label, ""), object_type=label, object_id=str(instance.pk)
    ).order_by("-seq")[:limit]
    return [Reading(entry.actor.removeprefix("user:"), entry.at) for entry in entries]
