"""How a follow-up is named where it leaves Vigil (a calendar program, an e-mail).

Calendars are often synchronised by a calendar service and e-mail crosses other people's
servers, so neither may carry a defender's name: a follow-up is named by its kind and its
case's number, and by the case's title only when the case is public.
"""

from __future__ import annotations

from vigil.cases.models import Confidentiality, FollowUp


def case_label(followup: FollowUp) -> str:
    case = followup.case
    if case.confidentiality == Confidentiality.PUBLIC:
        return f"case {case.pk}: {case.title}"
    return f"case {case.pk}"


def followup_label(followup: FollowUp) -> str:
    """``Hearing — case 12`` (the title too for a public case)."""
    return f"{followup.get_kind_display().capitalize()} — {case_label(followup)}"


def case_url(base_url: str, followup: FollowUp) -> str:
    from django.urls import reverse

    return base_url.rstrip("/") + reverse("case-detail", args=[followup.case_id])
