"""Django app configuration of intake."""

from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """Intake has no models of its own: it writes Sources and Suggestions of the case store."""

    name = "vigil.intake"
    label = "intake"
