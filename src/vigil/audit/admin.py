"""The audit trail in the admin, and the read-only admin base that other apps share.

Records that only ``do_*`` actions may write (the audit trail, the case store) are shown in the
admin but never added, changed or deleted there.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from vigil.audit.models import AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Shows records; adding, changing and deleting happen through Vigil's actions only."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Lists audit events; nothing can be edited here."""

    list_display = ("seq", "at", "actor", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "action", "object_id")


def _register_accounts() -> None:
    from vigil.audit.accounts import register

    register()


_register_accounts()
