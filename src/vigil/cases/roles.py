"""Roles and what each may see and do. A role is a Django group of the same name.

| role        | sees                                               | writes |
|-------------|----------------------------------------------------|--------|
| admin       | everything                                         | yes    |
| coordinator | public, restricted; confidential where named       | yes    |
| editor      | public, restricted; confidential where named       | yes    |
| viewer      | public, restricted; confidential where named       | no     |
| analyst     | public records and aggregates only                 | no     |

Only coordinators and admins decide: who may see a record (its confidentiality), deleting
and restoring whole records (a case, a person, an organisation, a source), approving and
publishing appeals, and the organisation profile. Editors correct facts and delete events
and follow-ups (softly, with the reason).

"Named" means the case's owner or one of its members. The command line's operator
(no ``--as``) holds every right over its own store.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.auth.models import User as Account
from django.db.models.signals import m2m_changed

ROLES = ("admin", "coordinator", "editor", "viewer", "analyst")
WRITERS = {"admin", "coordinator", "editor"}
COORDINATORS = {"admin", "coordinator"}
STAFF_READERS = {"admin", "coordinator", "editor", "viewer"}

User = Account | AnonymousUser
ROLE_MEMO = "_vigil_role"


def role_of(user: User | None) -> str | None:
    """The user's role; ``admin`` for the operator (None); None for anonymous or no role."""
    if user is None:
        return "admin"
    if not user.is_authenticated:
        return None
    if getattr(user, "is_superuser", False):
        return "admin"
    if ROLE_MEMO not in user.__dict__:  # one query per account object, not one per check
        names = set(user.groups.values_list("name", flat=True))
        user.__dict__[ROLE_MEMO] = next((role for role in ROLES if role in names), None)
    role: str | None = user.__dict__[ROLE_MEMO]
    return role


def forget_role(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A change of an account's groups through that account object drops its remembered role."""
    if isinstance(instance, Account):
        instance.__dict__.pop(ROLE_MEMO, None)


m2m_changed.connect(forget_role, sender=Account.groups.through, dispatch_uid="vigil-forget-role")


def can_write(user: User | None) -> bool:
    return role_of(user) in WRITERS


def can_decide(user: User | None) -> bool:
    """Coordinators' decisions: levels, deleting whole records, publishing, the profile."""
    return role_of(user) in COORDINATORS


def ensure_role_groups() -> None:
    for role in ROLES:
        Group.objects.get_or_create(name=role)
