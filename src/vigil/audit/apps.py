"""Django app configuration of the audit trail."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit app: the AuditEvent model and its chain."""

    name = "vigil.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from vigil.audit.signin import connect

        connect()
