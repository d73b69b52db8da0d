"""Each person's own account: the account page, changing one's password, and the rule that a
temporary password (one an admin set) is changed before anything else is shown.

The password form is Django's (``PasswordChangeForm``: the current password, then the new one
twice, checked by ``AUTH_PASSWORD_VALIDATORS``); the write goes through
``do_change_own_password`` so it is in the audit chain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.audit.passwords import TEMPORARY_DAYS, changed, expired, must_change, temporary_since
from vigil.cases.actions.users import do_change_own_password
from vigil.cases.models import SealedStaticToken, SealedTOTPDevice
from vigil.web.pages import page
from vigil.web.signin import next_url

CHANGE_PATH = "/account/password/"
EXEMPT_PREFIXES = (CHANGE_PATH, "/account/two-factor/", "/logout/", "/login/", "/static/", "/i18n/")


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a temporary password that has expired."""

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if expired(user):
            raise forms.ValidationError(
                gettext_lazy("This temporary password has expired. Ask an admin to reset it again."),
                code="expired",
            )


class RequirePasswordChangeMiddleware:
    """A session signed in with a temporary password reaches only the page that changes it
    (and the second-factor pages, signing out and the language menu)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and must_change(request)
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            return redirect(f"{CHANGE_PATH}?next={quote(request.get_full_path())}")
        return self.get_response(request)


@login_required
def account_page(request: HttpRequest) -> HttpResponse:
    """Who I am, my role, my password and my second factor."""
    user = cast(User, request.user)  # login_required
    enrolled = SealedTOTPDevice.objects.filter(user=user, confirmed=True).exists()
    recovery_left = SealedStaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    context = {
        "enrolled": enrolled,
        "recovery_left": recovery_left,
        "temporary": temporary_since(user) is not None,
    }
    return page(request, "web/account.html", context)


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """Change one's own password (the current one first); a temporary one must be changed here."""
    user = cast(User, request.user)  # login_required
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_change_own_password(user, password=form.cleaned_data["new_password1"], acting_user=user)
        update_session_auth_hash(request, user)
        changed(request)
        messages.success(request, _("Your password is changed."))
        target = next_url(request)
        return redirect(target if target != "/" else "account")
    context = {
        "form": form,
        "forced": must_change(request),
        "days": TEMPORARY_DAYS,
        "next": next_url(request),
    }
    return page(request, "web/password_change.html", context, status=400 if form.errors else 200)
