"""Confidentiality levels and the abstract base every record shares.

Records are deleted softly: a deleted record keeps its row, with who deleted it, when and
why, and can be restored. The default manager (``objects``) leaves deleted records out, and
so does every relation that goes through it (``case.events``, ``case.defenders``...);
``all_objects`` includes them, for restoring and for the bin.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models

from vigil.crypto.fields import EncryptedTextField


class Confidentiality(models.TextChoices):
    """Who may see a record: anyone, staff, or the people named on it."""

    PUBLIC = "public", "public"
    RESTRICTED = "restricted", "restricted (staff)"
    CONFIDENTIAL = "confidential", "confidential (named people only)"


M = TypeVar("M", bound=models.Model)


class LiveRecords(models.Manager[M]):
    """Records that are not deleted."""

    def get_queryset(self) -> models.QuerySet[M]:
        return super().get_queryset().filter(deleted_at__isnull=True)


class Record(models.Model):
    """Fields every record carries: its level, when it was created and changed, who entered it
    by hand (empty when it came from a source) and, once deleted, when, by whom and why."""

    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.RESTRICTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    entered_by = models.CharField(max_length=150, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.CharField(max_length=150, blank=True)
    deleted_reason = EncryptedTextField(null=True, blank=True)

    objects = LiveRecords()
    all_objects = models.Manager()  # noqa: DJ012 (a manager, not a field)

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
