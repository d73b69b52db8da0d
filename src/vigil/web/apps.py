"""Django app configuration of the web UI."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    """Views, templates and vendored static files (no CDN)."""

    name = "vigil.web"
    label = "web"
