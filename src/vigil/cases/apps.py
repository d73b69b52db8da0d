"""Django app configuration of the case store."""

from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The case store: people, organisations, cases, events, sources, suggestions."""

    name = "vigil.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"
