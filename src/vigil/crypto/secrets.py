"""Secrets handed to a person once and kept only as a hash: API tokens and calendar feed URLs.

A secret is 256 random bits after a short kind prefix (``vigil_api_…``, ``vigil_cal_…``), so
it can be recognised in a leaked file and revoked. The store keeps its SHA-256 (no salt is
needed for a random value of this size, and a lookup by digest is one indexed query) and its
first characters, to tell secrets apart in a list without being usable.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models

SHOWN = 12


@dataclass(frozen=True)
class Issued:
    """A new secret: the value to hand over once, what to show of it later, and its digest."""

    value: str
    prefix: str
    digest: str


def digest_of(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def issue(kind: str) -> Issued:
    """A fresh secret of ``kind`` (``api``, ``cal``)."""
    value = f"vigil_{kind}_{secrets.token_urlsafe(32)}"
    return Issued(value, value[:SHOWN], digest_of(value))


class RevocableSecret(models.Model):
    """What every stored secret keeps: whose it is, its label, its hash, and its life."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=100)
    prefix = models.CharField(max_length=SHOWN)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.label} ({self.prefix}…)"
