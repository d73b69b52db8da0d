"""Sign-ins, sign-outs, failed passwords and lockouts in the audit chain.

Django and django-axes announce them by signal; each becomes one chained entry in its own
transaction. A failed attempt names the account tried (never the password) and the address.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.http import HttpRequest

from vigil.audit.chain import record
from vigil.audit.passwords import mark_session


def address(request: HttpRequest | None) -> str:
    return str(request.META.get("REMOTE_ADDR", "")) if request is not None else ""


def signed_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    with transaction.atomic():
        record("user.sign_in", acting_user=user, instance=user, detail={"address": address(request)})


def signed_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return
    with transaction.atomic():
        record("user.sign_out", acting_user=user, instance=user, detail={"address": address(request)})


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    with transaction.atomic():
        record(
            "user.sign_in_failed",
            acting_user=AnonymousUser(),
            object_type="auth.user",
            object_id=str(credentials.get("username", ""))[:64],
            detail={"address": address(request)},
        )


def locked_out(
    sender: Any, request: HttpRequest | None, username: str | None, ip_address: str, **kwargs: Any
) -> None:
    with transaction.atomic():
        record(
            "user.locked_out",
            acting_user=AnonymousUser(),
            object_type="auth.user",
            object_id=(username or "")[:64],
            detail={"address": ip_address or address(request)},
        )


def connect() -> None:
    """Listen to the sign-in signals (called once, from the audit app's ``ready``)."""
    from axes.signals import user_locked_out
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

    user_logged_in.connect(signed_in, dispatch_uid="vigil.audit.sign_in")
    user_logged_out.connect(signed_out, dispatch_uid="vigil.audit.sign_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="vigil.audit.sign_in_failed")
    user_locked_out.connect(locked_out, dispatch_uid="vigil.audit.locked_out")
    user_logged_in.connect(mark_session, dispatch_uid="vigil.audit.temporary_password")
