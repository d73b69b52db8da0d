"""The case store in Django's admin: read-only, because every write must go through a ``do_*``
action with its audit entry. Only admins (staff) reach the admin at all."""

from __future__ import annotations

from django.contrib import admin

from vigil.audit.admin import ReadOnlyAdmin
from vigil.cases.models import (
    Case,
    Demand,
    Event,
    FollowUp,
    Intervention,
    Organisation,
    Person,
    Source,
    Suggestion,
)


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    """Cases with their situation and level."""

    list_display = ("id", "title", "country", "situation", "confidentiality", "opened")
    list_filter = ("situation", "confidentiality", "country")


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    """People; contact and risk notes are not listed."""

    list_display = ("id", "name", "gender", "country", "confidentiality")
    exclude = ("contact_notes", "risk_notes")


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    """Events in date order."""

    list_display = ("id", "case", "date", "type", "place", "confidentiality")
    list_filter = ("type", "confidentiality")
    exclude = ("description",)


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    """Sources without their (encrypted) original and text."""

    list_display = ("id", "title", "publisher", "published", "language", "confidentiality")
    exclude = ("original", "text")


for model in (Organisation, Suggestion, Intervention, Demand, FollowUp):
    admin.site.register(model, ReadOnlyAdmin)
