"""Suggestion: a fact proposed by extraction, waiting for a person to accept, edit or reject it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vigil.cases.models.source import Source
from vigil.crypto.fields import EncryptedJSONField


class SuggestionStatus(models.TextChoices):
    """Where a suggestion stands in review."""

    PENDING = "pending", "pending"
    ACCEPTED = "accepted", "accepted"
    EDITED = "edited", "edited"
    REJECTED = "rejected", "rejected"


class Suggestion(models.Model):
    """One proposed fact (a defender, an event, a demand...) with its evidence span.

    ``original`` keeps what extraction proposed once a reviewer corrects ``value``;
    ``record`` names what the accepted fact became (``{"model": "event", "id": 7}``).
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="suggestions")
    field = models.CharField(max_length=40)
    value = EncryptedJSONField()
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(default=0.5)
    status = models.CharField(
        max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    original = EncryptedJSONField(null=True, blank=True)
    record = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["source", "position"]

    def __str__(self) -> str:
        return f"{self.field}: {self.value}"
