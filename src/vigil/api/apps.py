"""Django app configuration of the API."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The API's one model is its bearer tokens; everything else it reads and writes is the case store's."""

    name = "vigil.api"
    label = "api"
