"""Confidentiality levels and the abstract base every record shares."""

from __future__ import annotations

from django.db import models


class Confidentiality(models.TextChoices):
    """Who may see a record: anyone, staff, or the people named on it."""

    PUBLIC = "public", "public"
    RESTRICTED = "restricted", "restricted (staff)"
    CONFIDENTIAL = "confidential", "confidential (named people only)"


class Record(models.Model):
    """Fields every record carries: its confidentiality and when it was created and changed."""

    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.RESTRICTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
