"""Secrets handed to a person once and kept only as a hash: API tokens and calendar feed URLs.

A secret is 256 random bits after a short kind prefix (``vigil_api_…``, ``vigil_cal_…``), so
it can be recognised in a leaked file and revoked. The store keeps its SHA-256 (no salt is
needed for a random value of this size, and a lookup by digest is one indexed query) and its
first characters, to tell secrets apart in a list without being usable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone

SHOWN = 12
TOUCH_EVERY = dt.timedelta(minutes=1)


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


S = TypeVar("S", bound=RevocableSecret)


def find_live(model: type[S], value: str, kind: str) -> S | None:
    """The live secret whose value is ``value``: not revoked, not expired, its account active.

    Its last use is written at most once a minute, so a busy client does not turn every read
    into a write.
    """
    if not value.startswith(f"vigil_{kind}_") or len(value) > 200:
        return None
    found = model._default_manager.select_related("user").filter(digest=digest_of(value)).first()
    now = timezone.now()
    if found is None or found.revoked_at is not None or not found.user.is_active:
        return None
    expires = getattr(found, "expires_at", None)
    if expires is not None and expires <= now:
        return None
    if found.last_used_at is None or now - found.last_used_at > TOUCH_EVERY:
        model._default_manager.filter(pk=found.pk).update(last_used_at=now)
    return found
