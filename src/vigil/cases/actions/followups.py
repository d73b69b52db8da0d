"""Working through follow-ups: done with the outcome, snoozed with the reason, reopened."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import record, snapshot
from vigil.cases.actions.edits import EditError
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import FollowUp
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User


def do_mark_done(followup: FollowUp, *, outcome: str, acting_user: User | None) -> None:
    """Mark a follow-up done, saying what came of it ("released on 10 March", "no reply")."""
    require_writer(acting_user)
    if followup.status != FollowUpStatus.OPEN:
        raise EditError(f"follow-up {followup.pk} is {followup.status}, not open")
    if not outcome.strip():
        raise EditError("say what came of it: an outcome is required")
    with transaction.atomic():
        before = snapshot(followup)
        followup.status = FollowUpStatus.DONE
        followup.outcome = outcome.strip()
        followup.done_at = timezone.now()
        followup.save(update_fields=["status", "outcome", "done_at", "updated_at"])
        record("followup.done", acting_user=acting_user, instance=followup, before=before)


def do_snooze(followup: FollowUp, *, until: dt.date, reason: str, acting_user: User | None) -> None:
    """Put a follow-up off until a later day, with the reason ("hearing postponed")."""
    require_writer(acting_user)
    if followup.status != FollowUpStatus.OPEN:
        raise EditError(f"follow-up {followup.pk} is {followup.status}, not open")
    if until <= followup.watch_from:
        raise EditError(f"snooze to a day after {followup.watch_from.isoformat()}")
    if not reason.strip():
        raise EditError("say why: a reason is required to snooze")
    with transaction.atomic():
        before = snapshot(followup)
        followup.snoozed_until = until
        followup.snooze_reason = reason.strip()
        followup.save(update_fields=["snoozed_until", "snooze_reason", "updated_at"])
        record("followup.snooze", acting_user=acting_user, instance=followup, before=before)


def do_reopen_followup(followup: FollowUp, *, acting_user: User | None) -> None:
    """Open a follow-up marked done by mistake again (its outcome is kept in the audit digest)."""
    require_writer(acting_user)
    if followup.status == FollowUpStatus.OPEN:
        raise EditError(f"follow-up {followup.pk} is open")
    with transaction.atomic():
        before = snapshot(followup)
        followup.status = FollowUpStatus.OPEN
        followup.done_at = None
        followup.save(update_fields=["status", "done_at", "updated_at"])
        record("followup.reopen", acting_user=acting_user, instance=followup, before=before)
