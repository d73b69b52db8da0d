"""Changing who may see a record: a coordinator's decision, recorded with its reason.

Making a record confidential keeps the coordinator who decided it among the people named
on its case, so the decision never hides the record from the person who took it.
"""

from __future__ import annotations

from django.contrib.auth.models import User as Account
from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import actor_label, record, snapshot
from vigil.cases.actions.edits import EditError, kind_of, reindex
from vigil.cases.actions.guard import require_coordinator
from vigil.cases.actions.people import parts_follow_level
from vigil.cases.models import (
    Case,
    Confidentiality,
    Event,
    FollowUp,
    LevelDecision,
    Organisation,
    Person,
    Source,
)
from vigil.cases.models.confidentiality import Record
from vigil.cases.roles import User, role_of


def case_of(instance: Record) -> Case | None:
    if isinstance(instance, Case):
        return instance
    if isinstance(instance, (Event, FollowUp, Source)):
        return instance.case
    return None


def do_set_confidentiality(
    instance: Record, level: str, *, reason: str, acting_user: User | None
) -> LevelDecision | None:
    """Set ``instance``'s level; returns the decision, or None if it already had that level."""
    require_coordinator(acting_user, "change who may see a record")
    if level not in Confidentiality.values:
        raise EditError(f"unknown level {level!r}; choose one of {', '.join(Confidentiality.values)}")
    if not reason.strip():
        raise EditError("say why: a reason is required to change who may see a record")
    if instance.is_deleted:
        raise EditError(f"{kind_of(instance)} {instance.pk} is deleted; restore it first")
    if instance.confidentiality == level:
        return None
    with transaction.atomic():
        before = snapshot(instance)
        previous = instance.confidentiality
        instance.confidentiality = level
        instance.save(update_fields=["confidentiality", "updated_at"])
        decision = LevelDecision.objects.create(
            object_type=kind_of(instance),
            object_id=instance.pk,
            before=previous,
            after=level,
            reason=reason.strip(),
            decided_by=actor_label(acting_user),
            decided_at=timezone.now(),
        )
        record(
            f"{kind_of(instance)}.set_confidentiality",
            acting_user=acting_user,
            instance=instance,
            before=before,
            detail={"before": previous, "after": level, "decision": decision.pk},
        )
        if level == Confidentiality.CONFIDENTIAL:
            keep_named(instance, acting_user)
        if isinstance(instance, (Person, Organisation, Source)):
            parts_follow_level(instance)
        reindex(instance)
    return decision


def keep_named(instance: Record, acting_user: User | None) -> None:
    """Name the deciding coordinator on the record's case, so it stays visible to them."""
    case = case_of(instance)
    if case is None or not isinstance(acting_user, Account) or role_of(acting_user) == "admin":
        return
    if case.owner_id == acting_user.pk or case.members.filter(pk=acting_user.pk).exists():
        return
    case.members.add(acting_user)
    record("case.add_member", acting_user=acting_user, instance=case, detail={"user": acting_user.pk})


def decisions_for(instance: Record) -> list[LevelDecision]:
    """The level decisions taken on a record, newest first."""
    return list(LevelDecision.objects.filter(object_type=kind_of(instance), object_id=instance.pk))
