"""Accounts: created with a role, re-roled, disabled and enabled, passwords reset and changed.

One action serves the web pages and the command line; each writes its audit entry in the same
transaction. Only an admin (or the command line's operator) manages accounts, and no action may
leave the store without an active admin or lock the acting admin out of their own account.

A password someone else chose (a new account's, or a reset) is *temporary*: the entry in the
chain says so, and the account must choose its own at the next sign-in
(:mod:`vigil.audit.passwords`). Generated passwords are returned once and never stored.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AnonymousUser, Group, User
from django.db import transaction
from django.db.models import Q

from vigil.audit.chain import record
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.roles import ROLES, ensure_role_groups, role_of

Acting = User | AnonymousUser | None


def generate_password() -> str:
    return secrets.token_urlsafe(15)


def require_admin(acting_user: Acting, what: str) -> None:
    if role_of(acting_user) != "admin":
        raise NotAllowed(f"only an admin may {what}")


def known_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")


def account(name: str) -> User:
    """The account named ``name``, locked for the rest of the transaction where the database can."""
    user = User.objects.select_for_update().filter(username=name).first()
    if user is None:
        raise ValueError(f"no account named {name!r}")
    return user


def is_self(acting_user: Acting, user: User) -> bool:
    return acting_user is not None and acting_user.is_authenticated and acting_user.pk == user.pk


def active_admins() -> int:
    """How many active accounts hold the admin role (a superuser, or the admin group)."""
    admins = User.objects.filter(is_active=True).filter(Q(is_superuser=True) | Q(groups__name="admin"))
    return admins.distinct().count()


def keep_an_admin(user: User, *, acting_user: Acting, still_admin: bool) -> None:
    """Refuse a change that takes ``user`` out of the active admins when it is the last one, or
    when it is the acting admin themselves (another admin must do it)."""
    if still_admin or role_of(user) != "admin" or not user.is_active:
        return
    if is_self(acting_user, user):
        raise NotAllowed("an admin cannot disable their own account or drop their own admin role")
    if active_admins() <= 1:
        raise NotAllowed(f"{user.username!r} is the last active admin: make another admin first")


def do_create_user(name: str, *, role: str, acting_user: Acting, temporary: bool = True) -> tuple[User, str]:
    """Create ``name`` with ``role``; only an admin (or the operator) may. The generated password
    is temporary unless ``temporary=False`` (the operator's own first admin, service accounts)."""
    known_role(role)
    require_admin(acting_user, "create accounts")
    name = name.strip()
    if not name:
        raise ValueError("an account needs a name")
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
        record(
            "user.create",
            acting_user=acting_user,
            instance=user,
            detail={"role": role, "temporary": temporary},
        )
    return user, password


def do_unlock_user(name: str, *, acting_user: Acting) -> int:
    """Clear django-axes' failed sign-ins of ``name``; only an admin (or the operator) may."""
    from axes.utils import reset

    require_admin(acting_user, "unlock accounts")
    with transaction.atomic():
        count = int(reset(username=name))
        record("user.unlock", acting_user=acting_user, object_type="auth.user", object_id=name[:64])
    return count


def do_set_role(name: str, *, role: str, acting_user: Acting) -> User:
    """Give ``name`` exactly one role (an admin is also staff and superuser); admins only."""
    known_role(role)
    require_admin(acting_user, "change roles")
    with transaction.atomic():
        ensure_role_groups()
        user = account(name)
        keep_an_admin(user, acting_user=acting_user, still_admin=role == "admin")
        before = {"role": role_of(user) or ""}
        user.groups.set([Group.objects.get(name=role)])
        user.is_staff = user.is_superuser = role == "admin"
        user.save(update_fields=["is_staff", "is_superuser"])
        record("user.set_role", acting_user=acting_user, instance=user, before=before, detail={"role": role})
    return user


def do_set_active(name: str, *, active: bool, acting_user: Acting) -> User:
    """Disable an account (it cannot sign in; its sessions, API tokens and calendar feed stop
    working) or enable it again; admins only, never the last admin or oneself."""
    require_admin(acting_user, "disable or enable accounts")
    with transaction.atomic():
        user = account(name)
        if user.is_active == active:
            return user
        if not active:
            keep_an_admin(user, acting_user=acting_user, still_admin=False)
        before = {"is_active": user.is_active}
        user.is_active = active
        user.save(update_fields=["is_active"])
        record(
            "user.enable" if active else "user.disable", acting_user=acting_user, instance=user, before=before
        )
    return user


def do_reset_password(name: str, *, acting_user: Acting) -> tuple[User, str]:
    """Replace ``name``'s password by a generated temporary one (returned once): the old one stops
    working at once, every session of the account ends, and the account must choose its own
    password at the next sign-in. Admins only; an admin changes their own on their account page."""
    require_admin(acting_user, "reset passwords")
    password = generate_password()
    with transaction.atomic():
        user = account(name)
        if is_self(acting_user, user):
            raise NotAllowed("change your own password on your account page, not by a reset")
        user.set_password(password)
        user.save(update_fields=["password"])
        record("user.password_reset", acting_user=acting_user, instance=user, detail={"temporary": True})
    return user, password


def do_change_own_password(user: User, *, password: str, acting_user: Acting) -> User:
    """The account sets its own password (already checked against the validators by the form)."""
    if not is_self(acting_user, user):
        raise NotAllowed("only the account itself chooses its own password")
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record("user.password_change", acting_user=acting_user, instance=user, detail={"temporary": False})
    return user
