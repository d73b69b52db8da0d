"""Intervention: an appeal, letter or statement with its ordered demands."""

from __future__ import annotations

from django.db import models

from vigil.cases.models.case import Case
from vigil.cases.models.confidentiality import Record
from vigil.cases.models.source import Source
from vigil.crypto.fields import EncryptedCharField, EncryptedJSONField, EncryptedTextField


class InterventionStatus(models.TextChoices):
    """The review workflow of an intervention."""

    DRAFT = "draft", "draft"
    IN_REVIEW = "in_review", "in review"
    APPROVED = "approved", "approved"
    PUBLISHED = "published", "published"


class Intervention(Record):
    """An appeal (ours, or another publisher's read from a source) made about a case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interventions")
    kind = models.CharField(max_length=20, default="appeal")
    title = EncryptedCharField(max_length=400, blank=True)
    publisher = EncryptedCharField(max_length=300, blank=True)
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(
        max_length=10, choices=InterventionStatus.choices, default=InterventionStatus.DRAFT
    )
    addressees = EncryptedJSONField(default=list, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL)
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )
    sections = EncryptedJSONField(default=dict, blank=True)
    act_before = models.DateField(null=True, blank=True)

    @property
    def is_ours(self) -> bool:
        """An appeal this organisation composed (not another publisher's, read from a source)."""
        return self.source_id is None

    def __str__(self) -> str:
        return self.title or f"{self.kind} {self.pk}"


class Demand(models.Model):
    """One demand of an intervention, in its place in the list, with its evidence span."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="demands")
    position = models.PositiveIntegerField()
    text = EncryptedTextField()
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["intervention", "position"]
        unique_together = [("intervention", "position")]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"
