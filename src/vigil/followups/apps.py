"""Django app configuration of follow-ups."""

from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    """Follow-ups reach people: the calendar feeds are this app's one model."""

    name = "vigil.followups"
    label = "followups"
