"""Deleting softly, with the reason, and restoring.

A deleted record keeps its row (who deleted it, when, why, encrypted) and drops out of every
list, page, appeal, export and search; a restore brings it back as it was. Editors delete
events and follow-ups; deleting or restoring a whole case, person, organisation or source is a
coordinator's decision.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import actor_label, record, snapshot
from vigil.cases.actions.edits import EditError, kind_of, reindex
from vigil.cases.actions.guard import require_coordinator, require_writer
from vigil.cases.models import Event, FollowUp
from vigil.cases.models.confidentiality import Record
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User

EDITORS_DELETE = (Event, FollowUp)


def require_may_delete(instance: Record, acting_user: User | None) -> None:
    if isinstance(instance, EDITORS_DELETE):
        require_writer(acting_user)
    else:
        require_coordinator(acting_user, f"delete or restore a {kind_of(instance)}")


def do_delete(instance: Record, *, reason: str, acting_user: User | None) -> None:
    """Delete ``instance`` softly; an event takes its open follow-ups with it."""
    require_may_delete(instance, acting_user)
    if not reason.strip():
        raise EditError("say why it is deleted: a reason is required")
    if instance.is_deleted:
        raise EditError(f"{kind_of(instance)} {instance.pk} is already deleted")
    now = timezone.now()
    with transaction.atomic():
        mark_deleted(instance, reason=reason.strip(), acting_user=acting_user, at=now)
        if isinstance(instance, Event):
            for followup in instance.followups.filter(status=FollowUpStatus.OPEN):
                mark_deleted(followup, reason=reason.strip(), acting_user=acting_user, at=now)


def mark_deleted(instance: Record, *, reason: str, acting_user: User | None, at: dt.datetime) -> None:
    before = snapshot(instance)
    instance.deleted_at = at
    instance.deleted_by = actor_label(acting_user)
    instance.deleted_reason = reason
    instance.save(update_fields=["deleted_at", "deleted_by", "deleted_reason", "updated_at"])
    record(f"{kind_of(instance)}.delete", acting_user=acting_user, instance=instance, before=before)
    reindex(instance)


def do_restore(instance: Record, *, acting_user: User | None) -> None:
    """Bring a deleted record back as it was (an event's follow-ups deleted with it too)."""
    require_may_delete(instance, acting_user)
    if not instance.is_deleted:
        raise EditError(f"{kind_of(instance)} {instance.pk} is not deleted")
    with transaction.atomic():
        deleted_at = instance.deleted_at
        unmark_deleted(instance, acting_user=acting_user)
        if isinstance(instance, Event):
            for followup in FollowUp.all_objects.filter(event=instance, deleted_at=deleted_at):
                unmark_deleted(followup, acting_user=acting_user)


def unmark_deleted(instance: Record, *, acting_user: User | None) -> None:
    before = snapshot(instance)
    instance.deleted_at = None
    instance.deleted_by = ""
    instance.deleted_reason = None
    instance.save(update_fields=["deleted_at", "deleted_by", "deleted_reason", "updated_at"])
    record(f"{kind_of(instance)}.restore", acting_user=acting_user, instance=instance, before=before)
    reindex(instance)
