"""The accounts pages, for admins only: the list, a new account, and one account's page where
its role is changed, it is disabled or enabled, its password reset, its lockout lifted.

Each write is one of the ``do_*`` actions the command line uses (``cases/actions/users.py``);
their refusals (the last admin, one's own account) are shown on the page. A generated password
is shown once, on the page that answers the form, and never stored or put in a URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from vigil.audit.passwords import TEMPORARY_DAYS, temporary_since
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.users import (
    do_create_user,
    do_reset_password,
    do_set_active,
    do_set_role,
    do_unlock_user,
)
from vigil.cases.models import SealedTOTPDevice
from vigil.cases.roles import role_of
from vigil.web.forms.accounts import NewAccountForm, RoleForm
from vigil.web.pages import page


def require_admin(request: HttpRequest) -> None:
    if role_of(request.user) != "admin":
        raise PermissionDenied("only admins manage accounts")


@dataclass(frozen=True)
class AccountRow:
    """One account as the list shows it."""

    user: User
    role: str
    second_factor: bool
    temporary_since: datetime | None


def rows() -> list[AccountRow]:
    enrolled = set(SealedTOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    return [
        AccountRow(user, role_of(user) or "", user.pk in enrolled, temporary_since(user))
        for user in User.objects.prefetch_related("groups").order_by("-is_active", "username")
    ]


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    return page(request, "web/user_list.html", {"rows": rows(), "form": NewAccountForm()})


def shown_once(request: HttpRequest, user: User, password: str, *, created: bool) -> HttpResponse:
    """The page that shows a generated password, the only time it is ever shown."""
    context = {"account": user, "password": password, "created": created, "days": TEMPORARY_DAYS}
    return page(request, "web/user_password.html", context)


@login_required
def user_new(request: HttpRequest) -> HttpResponse:
    require_admin(request)
    form = NewAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, password = do_create_user(
                form.cleaned_data["name"], role=form.cleaned_data["role"], acting_user=request.user
            )
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from None
        except ValueError as exc:
            form.add_error("name", str(exc))
        else:
            return shown_once(request, user, password, created=True)
    status = 400 if form.errors else 200
    return page(request, "web/user_list.html", {"rows": rows(), "form": form}, status=status)


@login_required
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    require_admin(request)
    account = get_object_or_404(User, pk=user_id)
    return page(request, "web/user_detail.html", account_context(request, account))


def account_context(request: HttpRequest, account: User, form: RoleForm | None = None) -> dict[str, Any]:
    return {
        "account": account,
        "account_role": role_of(account) or "",
        "form": form or RoleForm(initial={"role": role_of(account)}),
        "second_factor": SealedTOTPDevice.objects.filter(user=account, confirmed=True).exists(),
        "temporary_since": temporary_since(account),
        "is_me": account.pk == request.user.pk,
    }


def refused(request: HttpRequest, account: User, exc: Exception) -> HttpResponse:
    """An action's refusal (the last admin, one's own account) shown on the account's page."""
    messages.error(request, str(exc))
    return redirect("user-detail", account.pk)


@login_required
def user_role(request: HttpRequest, user_id: int) -> HttpResponse:
    require_admin(request)
    account = get_object_or_404(User, pk=user_id)
    if request.method != "POST":
        return redirect("user-detail", account.pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return page(request, "web/user_detail.html", account_context(request, account, form), status=400)
    try:
        do_set_role(account.username, role=form.cleaned_data["role"], acting_user=request.user)
    except (NotAllowed, ValueError) as exc:
        return refused(request, account, exc)
    given = {"name": account.username, "role": form.cleaned_data["role"]}
    messages.success(request, _("%(name)s is now %(role)s.") % given)
    return redirect("user-detail", account.pk)


@login_required
def user_active(request: HttpRequest, user_id: int) -> HttpResponse:
    require_admin(request)
    account = get_object_or_404(User, pk=user_id)
    if request.method != "POST":
        return redirect("user-detail", account.pk)
    active = request.POST.get("active") == "1"
    try:
        do_set_active(account.username, active=active, acting_user=request.user)
    except (NotAllowed, ValueError) as exc:
        return refused(request, account, exc)
    text = _("%(name)s can sign in again.") if active else _("%(name)s is disabled and cannot sign in.")
    messages.success(request, text % {"name": account.username})
    return redirect("user-detail", account.pk)


@login_required
def user_password(request: HttpRequest, user_id: int) -> HttpResponse:
    require_admin(request)
    account = get_object_or_404(User, pk=user_id)
    if request.method != "POST":
        return redirect("user-detail", account.pk)
    try:
        user, password = do_reset_password(account.username, acting_user=request.user)
    except (NotAllowed, ValueError) as exc:
        return refused(request, account, exc)
    return shown_once(request, user, password, created=False)


@login_required
def user_unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    require_admin(request)
    account = get_object_or_404(User, pk=user_id)
    if request.method == "POST":
        do_unlock_user(account.username, acting_user=request.user)
        messages.success(request, _("Failed sign-ins of %(name)s are cleared.") % {"name": account.username})
    return redirect("user-detail", account.pk)
