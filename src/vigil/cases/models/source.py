"""Source: a document (appeal, report, news, testimony) with its original and extracted text.

The original file and its text are always encrypted by the application, whatever the
database; only the content hash, kind and metadata stay in the clear.
"""

from __future__ import annotations

from django.db import models

from vigil.cases.models.case import Case
from vigil.cases.models.confidentiality import Record
from vigil.crypto.fields import EncryptedBinaryField, EncryptedCharField, EncryptedTextField


class SourceKind(models.TextChoices):
    """What kind of document a source is."""

    APPEAL = "appeal", "appeal"
    REPORT = "report", "report"
    NEWS = "news", "news"
    TESTIMONY = "testimony", "testimony"


class Source(Record):
    """A document Vigil has read, kept whole so every fact can point back to its sentence."""

    kind = models.CharField(max_length=12, choices=SourceKind.choices, default=SourceKind.APPEAL)
    title = EncryptedCharField(max_length=400, blank=True)
    publisher = EncryptedCharField(max_length=300, blank=True)
    url = EncryptedCharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    format = models.CharField(max_length=8, blank=True)
    filename = EncryptedCharField(max_length=300, blank=True)
    # HMAC of the original's SHA-256 under the store's key (crypto/fingerprints.py): a copy
    # of the database cannot confirm that a known document is stored.
    fingerprint = models.CharField(max_length=64, unique=True)
    original = EncryptedBinaryField(null=True, blank=True)
    text = EncryptedTextField(blank=True, null=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [models.Index(fields=["created_at"], name="source_created")]

    def __str__(self) -> str:
        return self.title or self.filename or f"source {self.pk}"

    def excerpt(self, start: int, end: int) -> str:
        """The evidence text between two offsets of the extracted text."""
        return (self.text or "")[start:end]
