"""Where each kind of record lives in the web UI."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def home_of(record: Any) -> str:
    """The page a record is shown on (a case's events and follow-ups on the case page)."""
    kind = record._meta.model_name
    if kind == "case":
        return reverse("case-list") if record.is_deleted else reverse("case-detail", args=[record.pk])
    if kind in ("event", "followup"):
        return reverse("case-detail", args=[record.case_id]) + f"#{kind}-{record.pk}"
    if kind == "person":
        return reverse("defender-detail", args=[record.pk])
    if kind == "organisation":
        return reverse("organisation-detail", args=[record.pk])
    if kind == "source":
        return reverse("review-source", args=[record.pk])
    raise ValueError(f"no page for {kind}")


def actor(label: str) -> str:
    """``user:maria`` → ``maria``; ``operator:root`` → ``operator (root)``."""
    kind, _, name = label.partition(":")
    if kind == "user":
        return name
    return f"operator ({name})" if name else kind
