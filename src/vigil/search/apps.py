"""Django app configuration of search."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search: the index table is created by this app's migration for either database."""

    name = "vigil.search"
    label = "search"
