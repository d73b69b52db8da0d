"""Translated labels for the values records hold (situations, levels, event types...).

The models keep plain English labels (the command line and exports use them); the web UI
shows these instead, in the reader's language. ``{{ value|label }}`` looks a value up here.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LABELS: dict[str, Promise] = {
    # situations
    "at_risk": _("at risk"),
    "detained": _("detained"),
    "sentenced": _("sentenced"),
    "released": _("released"),
    "in_exile": _("in exile"),
    "disappeared": _("disappeared"),
    "killed": _("killed"),
    "safe": _("safe"),
    "closed": _("closed"),
    # levels
    "public": _("public"),
    "restricted": _("restricted"),
    "confidential": _("confidential"),
    # genders
    "female": _("female"),
    "male": _("male"),
    "other": _("other"),
    "unknown": _("unknown"),
    # date precision
    "day": _("day"),
    "month": _("month"),
    "year": _("year"),
    "range": _("range"),
    # follow-ups
    "expected_release": _("expected release"),
    "hearing": _("hearing"),
    "reply_due": _("reply due"),
    "act_before": _("act before"),
    "check_in": _("check-in"),
    "open": _("open"),
    "done": _("done"),
    "cancelled": _("cancelled"),
    # appeal status
    "draft": _("draft"),
    "in_review": _("in review"),
    "approved": _("approved"),
    "published": _("published"),
    # suggestion status and fields
    "pending": _("pending"),
    "accepted": _("accepted"),
    "edited": _("corrected"),
    "rejected": _("rejected"),
    "title": _("title"),
    "publisher": _("publisher"),
    "published_on": _("published on"),
    "language": _("language"),
    "country": _("country"),
    "defender": _("defender"),
    "event": _("event"),
    "demand": _("demand"),
    "violation": _("violation"),
    # source kinds
    "appeal": _("appeal"),
    "report": _("report"),
    "news": _("news"),
    "testimony": _("testimony"),
    # organisation kinds
    "ngo": _("NGO"),
    "initiative": _("initiative"),
    "state_body": _("state body"),
    "court": _("court"),
    "party": _("political party"),
    "non_state": _("non-state group"),
    # record kinds
    "case": _("case"),
    "person": _("person"),
    "organisation": _("organisation"),
    "followup": _("follow-up"),
    "source": _("source"),
    # event types
    "arrest": _("arrest"),
    "detention": _("detention"),
    "abduction": _("abduction"),
    "enforced_disappearance": _("enforced disappearance"),
    "charge": _("charge"),
    "judicial_harassment": _("judicial harassment"),
    "trial": _("trial"),
    "conviction": _("conviction"),
    "sentence": _("sentence"),
    "fine": _("fine"),
    "release": _("release"),
    "acquittal": _("acquittal"),
    "killing": _("killing"),
    "physical_attack": _("physical attack"),
    "threat": _("threat"),
    "raid": _("raid"),
    "travel_ban": _("travel ban"),
    "surveillance": _("surveillance"),
    "smear_campaign": _("smear campaign"),
    "harassment": _("harassment"),
    "protest": _("protest"),
}


def label(value: object) -> str:
    """The translated label of a stored value; the value itself (spaces for underscores) if none."""
    text = str(value)
    found = LABELS.get(text)
    return str(found) if found is not None else text.replace("_", " ")


def choices(values: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """Form choices for stored values, labelled in the reader's language (evaluated per request)."""
    return [(v, label(v)) for v in values]
