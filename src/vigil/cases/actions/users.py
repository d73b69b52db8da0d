"""Creating accounts with a role; the generated password is returned once and never stored."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AnonymousUser, Group, User
from django.db import transaction

from vigil.audit.chain import record
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.roles import ROLES, ensure_role_groups, role_of


def generate_password() -> str:
    return secrets.token_urlsafe(15)


def do_create_user(name: str, *, role: str, acting_user: User | AnonymousUser | None) -> tuple[User, str]:
    """Create ``name`` with ``role``; only an admin (or the operator) may."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if role_of(acting_user) != "admin":
        raise NotAllowed("only an admin may create accounts")
    password = generate_password()
    with transaction.atomic():
        ensure_role_groups()
        if User.objects.filter(username=name).exists():
            raise ValueError(f"an account named {name!r} already exists")
        user = User.objects.create_user(username=name, password=password)
        if role == "admin":
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        user.groups.add(Group.objects.get(name=role))
        record("user.create", acting_user=acting_user, instance=user, detail={"role": role})
    return user, password


def do_unlock_user(name: str, *, acting_user: User | AnonymousUser | None) -> int:
    """Clear django-axes' failed sign-ins of ``name``; only an admin (or the operator) may."""
    from axes.utils import reset

    if role_of(acting_user) != "admin":
        raise NotAllowed("only an admin may unlock accounts")
    with transaction.atomic():
        count = int(reset(username=name))
        record("user.unlock", acting_user=acting_user, object_type="auth.user", object_id=name[:64])
    return count


def do_set_role(name: str, *, role: str, acting_user: User | AnonymousUser | None) -> User:
    """Give ``name`` exactly one role (an admin is also staff and superuser); admins only."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if role_of(acting_user) != "admin":
        raise NotAllowed("only an admin may change roles")
    with transaction.atomic():
        ensure_role_groups()
        user = User.objects.filter(username=name).first()
        if user is None:
            raise ValueError(f"no account named {name!r}")
        before = {"role": role_of(user) or ""}
        user.groups.set([Group.objects.get(name=role)])
        user.is_staff = user.is_superuser = role == "admin"
        user.save(update_fields=["is_staff", "is_superuser"])
        record("user.set_role", acting_user=acting_user, instance=user, before=before, detail={"role": role})
    return user
