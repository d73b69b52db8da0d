"""Who is calling: a bearer token (``Authorization: Bearer vigil_api_…``) names the account.

The API reads no session cookie, so a page open in a browser cannot be made to call it
(no CSRF), and a call without a valid token is answered 401 before any record is read.
The OpenAPI document and its docs page open to a signed-in person or a valid token.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import User as Account
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja.security import HttpBearer

from vigil.api.tokens import account_of

View = TypeVar("View", bound=Callable[..., HttpResponse])


class BearerToken(HttpBearer):
    """The account of a live token; the request then acts as that account."""

    def authenticate(self, request: HttpRequest, token: str) -> Account | None:
        account = account_of(token.strip())
        if account is not None:
            request.user = account
        return account


def token_account(request: HttpRequest) -> Account | None:
    result: Account | None = BearerToken()(request)
    return result


def caller(request: HttpRequest) -> Account:
    """The account the request acts as (set by :class:`BearerToken`)."""
    account: Account = request.auth  # type: ignore[attr-defined]
    return account


def signed_in_or_token(view: View) -> View:
    """The docs page and the OpenAPI document: for a signed-in person or a token's holder."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated or token_account(request) is not None:
            return view(request, *args, **kwargs)
        if request.headers.get("Authorization"):
            return HttpResponse('{"detail": "Unauthorized"}', status=401, content_type="application/json")
        return redirect_to_login(request.get_full_path())

    return wrapped  # type: ignore[return-value]
