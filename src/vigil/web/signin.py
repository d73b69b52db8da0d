"""Sign-in beyond the password: a second factor for admins and coordinators, and no caching.

Admins and coordinators (``settings.SECOND_FACTOR_ROLES``) reach nothing but these pages
until they give a one-time code: a TOTP code from an authenticator app, enrolled here once,
or one of ten recovery codes shown once at enrolment. Enrolment is possible only for an
account that has no confirmed authenticator yet, so a stolen password cannot enrol a new one.
Every authenticated response is marked ``Cache-Control: no-store``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token

from vigil.audit.chain import record
from vigil.cases.models import SealedStaticDevice, SealedStaticToken, SealedTOTPDevice
from vigil.cases.roles import role_of

RECOVERY_CODES = 10
EXEMPT_PREFIXES = ("/account/two-factor/", "/logout/", "/login/", "/admin/logout/", "/static/")


class RequireSecondFactorMiddleware:
    """Sends an admin or coordinator without a verified second factor to enrol or verify one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and role_of(user) in settings.SECOND_FACTOR_ROLES
            and not user.is_verified()  # type: ignore[attr-defined]
        ):
            enrolled = SealedTOTPDevice.objects.filter(user=user, confirmed=True).exists()
            target = "/account/two-factor/" if enrolled else "/account/two-factor/setup/"
            return redirect(f"{target}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` (and Django's other never-cache headers) on every response
    to a signed-in user, so no proxy or browser cache keeps a page, a download or an export."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith(("/login/", "/account/")):
            add_never_cache_headers(response)
        return response


class TokenForm(forms.Form):
    """One code: six digits from the authenticator, or a recovery code."""

    token = forms.CharField(
        label="Code", max_length=16, widget=forms.TextInput(attrs={"autocomplete": "one-time-code"})
    )


def next_url(request: HttpRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: a QR code (and its secret as text), then one code to confirm."""
    user = request.user
    if SealedTOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("two-factor-verify")
    device = SealedTOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = SealedTOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            codes = enrol(request, device)
            return render(request, "web/two_factor_codes.html", {"codes": codes, "next": next_url(request)})
        form.add_error("token", "That code is not right; check the time on your phone and try again.")
    uri = device.config_url
    context = {
        "form": form,
        "qr": segno.make(uri, error="m").svg_inline(scale=4),
        "secret": secret_text(device),
        "next": next_url(request),
    }
    return render(request, "web/two_factor_setup.html", context)


def enrol(request: HttpRequest, device: SealedTOTPDevice) -> list[str]:
    """Confirm the authenticator, mark this session verified, and issue fresh recovery codes."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        SealedStaticDevice.objects.filter(user=device.user).delete()
        recovery = SealedStaticDevice.objects.create(user=device.user, name="recovery codes", confirmed=True)
        codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
        SealedStaticToken.objects.bulk_create(
            SealedStaticToken(device=recovery, token=code) for code in codes
        )
        record("user.second_factor_enrolled", acting_user=request.user, instance=device.user)
    otp_login(request, device)
    return codes


def secret_text(device: SealedTOTPDevice) -> str:
    """The TOTP secret in base32, in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    encoded = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for a code (authenticator or recovery); a used recovery code is gone."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            with transaction.atomic():
                record(
                    "user.second_factor_verified",
                    acting_user=request.user,
                    instance=device.user,
                    detail={
                        "with": "recovery code" if isinstance(device, SealedStaticDevice) else "authenticator"
                    },
                )
            return redirect(next_url(request))
        with transaction.atomic():
            record(
                "user.second_factor_failed",
                acting_user=request.user,
                object_type="auth.user",
                object_id=str(request.user.pk),
            )
        form.add_error("token", "That code is not right.")
    return render(request, "web/two_factor_verify.html", {"form": form, "next": next_url(request)})
