"""Accounts and groups changed through Django's admin, written into the audit chain.

Django's admin keeps its own LogEntry, which anyone with database access can edit quietly;
these admin classes also write a chained entry for every account or group added, changed
(password, groups, superuser flag...) or deleted there, in the same transaction.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import models, transaction
from django.http import HttpRequest

from vigil.audit.chain import record
from vigil.cases.roles import role_of


def changed_fields(message: Any) -> list[str]:
    """The field names in an admin change message (a JSON list of {"changed": {"fields": [...]}})."""
    try:
        parts = json.loads(message) if isinstance(message, str) else message
    except ValueError:
        return []
    fields: list[str] = []
    for part in parts or []:
        for change in part.values() if isinstance(part, dict) else []:
            if isinstance(change, dict):
                fields.extend(str(name) for name in change.get("fields", []))
    return fields


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Writes ``<kind>.create``, ``<kind>.change`` and ``<kind>.delete`` beside Django's LogEntry."""

    kind = ""

    def detail(self, obj: Any, message: Any) -> dict[str, Any]:
        return {"fields": changed_fields(message), "via": "admin"}

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        with transaction.atomic():
            record(
                f"{self.kind}.create",  # the actions are listed in docs/security-model.md
                acting_user=request.user,
                instance=obj,
                detail=self.detail(obj, message),
            )
            return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        with transaction.atomic():
            record(
                f"{self.kind}.change",
                acting_user=request.user,
                instance=obj,
                detail=self.detail(obj, message),
            )
            return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> Any:
        with transaction.atomic():
            for obj in queryset:
                record(
                    f"{self.kind}.delete",
                    acting_user=request.user,
                    object_type=obj._meta.label_lower,
                    object_id=str(obj.pk),
                    detail={"name": str(obj), "via": "admin"},
                )
            return super().log_deletions(request, queryset)


class AuditedUserAdmin(AuditedAdmin, UserAdmin):  # type: ignore[type-arg]
    """Django's user pages, with every change in the chain (the role after it, too), and the
    accounts pages' rule: no change leaves the store without an active admin, and no admin
    disables, demotes or deletes their own account (``keep_an_admin``)."""

    kind = "user"

    def detail(self, obj: Any, message: Any) -> dict[str, Any]:
        return {**super().detail(obj, message), "role": role_of(obj) or ""}

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form
        return guarded(form, obj, request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not may_remove(obj, request):
            return False
        return bool(super().has_delete_permission(request, obj))

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = dict(super().get_actions(request))
        actions.pop("delete_selected", None)  # one account at a time, each checked
        return actions


def may_remove(account: User, request: HttpRequest) -> bool:
    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.actions.users import keep_an_admin

    try:
        keep_an_admin(account, acting_user=request.user, still_admin=False)
    except NotAllowed:
        return False
    return account.pk != request.user.pk


def guarded(form: Any, account: User, request: HttpRequest) -> Any:
    """The admin's change form of ``account``, refusing a change that loses the last admin."""
    from django.core.exceptions import ValidationError

    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.actions.users import keep_an_admin

    class GuardedForm(form):  # type: ignore[misc]
        def clean(self) -> dict[str, Any]:
            data: dict[str, Any] = super().clean()
            groups = data.get("groups")
            admin_after = bool(data.get("is_superuser", account.is_superuser)) or (
                groups is not None and any(group.name == "admin" for group in groups)
            )
            try:
                keep_an_admin(
                    account,
                    acting_user=request.user,
                    still_admin=admin_after and bool(data.get("is_active", account.is_active)),
                )
            except NotAllowed as exc:
                raise ValidationError(str(exc)) from None
            return data

    return GuardedForm


class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    """Django's group pages (a role is a group), with every change in the chain."""

    kind = "group"


def register() -> None:
    """Replace the admin's user and group pages by the audited ones."""
    for model, admin_class in ((User, AuditedUserAdmin), (Group, AuditedGroupAdmin)):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
        admin.site.register(model, admin_class)
