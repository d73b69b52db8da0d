"""Creating, listing, revoking and checking API tokens: every change in the audit chain.

An admin (or the command line's operator) issues tokens for any account; anyone may revoke
their own. Checking a token is a lookup by its SHA-256 (``crypto.secrets.find_live``).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User as Account
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from vigil.api.models import ApiToken
from vigil.audit.chain import record
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.roles import User, role_of
from vigil.crypto.secrets import find_live, issue

DEFAULT_DAYS = 90
MAX_DAYS = 366


class TokenError(ValueError):
    """A token cannot be issued or revoked as asked (an unknown account, a bad lifetime...)."""


def may_manage(acting_user: User | None, owner: Account) -> bool:
    return role_of(acting_user) == "admin" or (
        isinstance(acting_user, Account) and acting_user.pk == owner.pk
    )


def do_create_token(
    owner: Account, *, label: str, days: int = DEFAULT_DAYS, acting_user: User | None
) -> tuple[ApiToken, str]:
    """Issue a token for ``owner``; returns it and its value, which is never available again."""
    if role_of(acting_user) != "admin":
        raise NotAllowed("only an admin may issue API tokens")
    if not owner.is_active:
        raise TokenError(f"account {owner.username!r} is disabled")
    if not 1 <= days <= MAX_DAYS:
        raise TokenError(f"a token lives 1 to {MAX_DAYS} days, not {days}")
    label = label.strip()[:100] or "api"
    issued, now = issue("api"), timezone.now()
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=owner,
            label=label,
            prefix=issued.prefix,
            digest=issued.digest,
            created_at=now,
            expires_at=now + dt.timedelta(days=days),
        )
        record(
            "token.create",
            acting_user=acting_user,
            instance=token,
            detail={"owner": owner.username, "label": label, "days": days},
        )
    return token, issued.value


def do_revoke_token(token: ApiToken, *, acting_user: User | None) -> bool:
    """Revoke ``token`` now; False if it was revoked already."""
    if not may_manage(acting_user, token.user):
        raise NotAllowed("only an admin or the token's owner may revoke it")
    if token.revoked_at is not None:
        return False
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("token.revoke", acting_user=acting_user, instance=token, detail={"owner": token.user.username})
    return True


def tokens_seen_by(acting_user: User | None) -> QuerySet[ApiToken]:
    """Every token for an admin; one's own tokens for anyone else."""
    tokens = ApiToken.objects.select_related("user")
    if role_of(acting_user) == "admin":
        return tokens
    if isinstance(acting_user, Account):
        return tokens.filter(user=acting_user)
    return tokens.none()


def account_of(value: str) -> Account | None:
    """The active account a live token acts as, or None (unknown, expired, revoked, disabled)."""
    token = find_live(ApiToken, value, "api")
    return token.user if token is not None else None
