"""Django app configuration of appeals."""

from django.apps import AppConfig


class AppealsConfig(AppConfig):
    """Appeals: organisation profile, authorities registry, composition and rendering."""

    name = "vigil.appeals"
    label = "appeals"
    default_auto_field = "django.db.models.BigAutoField"
