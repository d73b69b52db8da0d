"""Issuing and revoking calendar feed addresses: every change in the audit chain.

Anyone may create their own feed (a new one revokes the old) and revoke it; an admin (or the
command line's operator) may do both for any account.
"""

from __future__ import annotations

from django.contrib.auth.models import User as Account
from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import record
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.roles import User, role_of
from vigil.crypto.secrets import find_live, issue
from vigil.followups.models import CalendarFeed


def may_manage(acting_user: User | None, owner: Account) -> bool:
    return role_of(acting_user) == "admin" or (
        isinstance(acting_user, Account) and acting_user.pk == owner.pk
    )


def do_create_feed(owner: Account, *, acting_user: User | None) -> tuple[CalendarFeed, str]:
    """A new feed secret for ``owner`` (any live one is revoked); the secret is returned once."""
    if not may_manage(acting_user, owner):
        raise NotAllowed("only an admin or the account itself may create its calendar feed")
    issued, now = issue("cal"), timezone.now()
    with transaction.atomic():
        for old in CalendarFeed.objects.filter(user=owner, revoked_at__isnull=True):
            revoke(old, acting_user=acting_user)
        feed = CalendarFeed.objects.create(
            user=owner, label="calendar", prefix=issued.prefix, digest=issued.digest, created_at=now
        )
        record("calendar.create", acting_user=acting_user, instance=feed, detail={"owner": owner.username})
    return feed, issued.value


def do_revoke_feeds(owner: Account, *, acting_user: User | None) -> int:
    """Revoke ``owner``'s live feed; how many were revoked (0 or 1)."""
    if not may_manage(acting_user, owner):
        raise NotAllowed("only an admin or the account itself may revoke its calendar feed")
    with transaction.atomic():
        live = list(CalendarFeed.objects.filter(user=owner, revoked_at__isnull=True))
        for feed in live:
            revoke(feed, acting_user=acting_user)
    return len(live)


def revoke(feed: CalendarFeed, *, acting_user: User | None) -> None:
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    record("calendar.revoke", acting_user=acting_user, instance=feed, detail={"owner": feed.user.username})


def feed_owner(secret: str) -> Account | None:
    """The active account whose live feed this is, or None."""
    feed = find_live(CalendarFeed, secret, "cal")
    return feed.user if feed is not None else None
