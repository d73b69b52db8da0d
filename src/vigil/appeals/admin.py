"""The organisation profile and the authorities registry in the admin; every save is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from vigil.appeals.models import Authority, OrganisationProfile
from vigil.audit.chain import record


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Configuration edited in the admin, each change written with its audit entry."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            action = f"{obj._meta.model_name}.{'change' if change else 'create'}"
            record(action, acting_user=request.user, instance=obj)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            record(f"{obj._meta.model_name}.delete", acting_user=request.user, instance=obj)
            super().delete_model(request, obj)


@admin.register(OrganisationProfile)
class OrganisationProfileAdmin(AuditedAdmin):
    """The letterhead, boards and footer of the appeals."""

    list_display = ("name", "email")


@admin.register(Authority)
class AuthorityAdmin(AuditedAdmin):
    """Addressees of appeals, per country."""

    list_display = ("country", "title", "name", "institution", "email")
    list_filter = ("country",)
