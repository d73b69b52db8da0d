"""LevelDecision: a coordinator's decision to change who may see a record, with its reason.

The reason is kept encrypted beside the decision (the audit chain holds only digests), so
the case page can say when a record was made public, by whom and why.
"""

from __future__ import annotations

from django.db import models

from vigil.crypto.fields import EncryptedTextField


class LevelDecision(models.Model):
    """One change of a record's confidentiality level."""

    object_type = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    before = models.CharField(max_length=12)
    after = models.CharField(max_length=12)
    reason = EncryptedTextField()
    decided_by = models.CharField(max_length=150)
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_id}: {self.before} → {self.after}"
