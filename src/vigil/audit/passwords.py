"""Whether an account's password is temporary, read from the audit chain.

A password chosen by someone else — a new account's generated one, or an admin's reset — is
recorded as temporary (``user.create`` with ``temporary``, ``user.password_reset``); the owner's
own choice as ``user.password_change``. The latest of these entries for an account decides, so
the rule needs no column of its own and cannot be quietly changed without breaking the chain.

At sign-in (Django's ``user_logged_in`` signal) a temporary password marks the session; the web
UI then shows nothing but the page that changes it. A temporary password older than
``TEMPORARY_DAYS`` no longer signs in at all: an admin resets it again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone

from vigil.audit.models import AuditEvent

PASSWORD_ACTIONS = ("user.create", "user.password_reset", "user.password_change")
TEMPORARY_DAYS = 7
SESSION_KEY = "vigil_temporary_password"


def temporary_since(user: User) -> datetime | None:
    """When ``user``'s current temporary password was set, or None if the password is its own."""
    latest = (
        AuditEvent.objects.filter(
            object_type="auth.user", object_id=str(user.pk), action__in=PASSWORD_ACTIONS
        )
        .order_by("-seq")
        .only("action", "at", "detail")
        .first()
    )
    if latest is None or not (latest.detail or {}).get("temporary", latest.action == "user.password_reset"):
        return None
    return latest.at


def expired(user: User, *, now: datetime | None = None) -> bool:
    """Whether ``user`` holds a temporary password older than ``TEMPORARY_DAYS``."""
    since = temporary_since(user)
    return since is not None and (now or timezone.now()) - since > timedelta(days=TEMPORARY_DAYS)


def mark_session(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """At sign-in: remember in the session that the password must be changed first."""
    if request is not None and hasattr(request, "session"):
        if temporary_since(user) is not None:
            request.session[SESSION_KEY] = True
        else:
            request.session.pop(SESSION_KEY, None)


def must_change(request: HttpRequest) -> bool:
    return bool(getattr(request, "session", {}).get(SESSION_KEY))


def changed(request: HttpRequest) -> None:
    """The password is the account's own now: the session may go anywhere."""
    request.session.pop(SESSION_KEY, None)
