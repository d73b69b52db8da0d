"""What a reviewer may write into a suggested fact: each field's shape, checked before it is kept.

A correction is checked here with the same rules a record would be (a known event type, a
gender from the list, a date that exists), so a corrected suggestion always accepts cleanly.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vigil.cases.models import Gender
from vigil.cases.vocabulary import event_types

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EVENT_TEXT = ("location", "perpetrator", "legal_basis", "duration")
LIMITS = {"location": 200, "perpetrator": 300, "legal_basis": 300, "duration": 100}


class CorrectionError(ValueError):
    """A correction that does not fit its field (an unknown type, an impossible date...)."""


def partial_date(text: str, what: str) -> str | None:
    """``2025``, ``2025-02`` or ``2025-02-19`` as written, checked; empty means unknown."""
    text = text.strip()
    if not text:
        return None
    if not PARTIAL_DATE.match(text):
        raise CorrectionError(f"{what}: write the date as YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise CorrectionError(f"{what}: {text} is not a date") from None
    return text


def names(value: Any) -> list[str]:
    """A list of names from a list or from text with one per line or comma-separated."""
    if isinstance(value, str):
        value = re.split(r"[\n,;]", value)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise CorrectionError("names are given as text or a list of texts")
    return [v.strip() for v in value if v.strip()]


def has_nul(value: Any) -> bool:
    """Whether a NUL character hides anywhere in ``value`` (no database stores it in text)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(has_nul(v) for v in value)
    return False


def clean_value(field: str, value: Any, current: Any) -> Any:
    """The correction of a suggestion of ``field``, checked; ``current`` supplies parts not given."""
    if has_nul(value):
        raise CorrectionError(f"{field}: the text holds a NUL character")
    structured = field in ("defender", "event")
    if structured != isinstance(value, dict):
        shape = "an object of its parts" if structured else "text"
        raise CorrectionError(f"{field}: a correction is {shape}")
    if field in ("title", "publisher", "demand", "violation", "language", "country"):
        text = str(value).strip()
        if not text:
            raise CorrectionError(f"{field}: empty; reject the suggestion instead")
        if field == "country":
            text = text.upper()
            if not re.fullmatch(r"[A-Z]{2}", text):
                raise CorrectionError(f"country: a two-letter code (KZ, KE...), not {text!r}")
        return text
    if field == "published":
        published = partial_date(str(value), "published")
        if published is None:
            raise CorrectionError("published: empty; reject the suggestion instead")
        return published
    if field == "defender":
        return clean_defender({**current, **value})
    if field == "event":
        return clean_event({**current, **value})
    raise CorrectionError(f"a {field} suggestion cannot be corrected")


def clean_defender(value: dict[str, Any]) -> dict[str, Any]:
    name = str(value.get("name", "")).strip()
    if not name:
        raise CorrectionError("defender: a name is required")
    gender = value.get("gender") or Gender.UNKNOWN
    if gender not in Gender.values:
        raise CorrectionError(f"defender: gender {gender!r} is not one of {', '.join(Gender.values)}")
    cleaned = {
        "name": name[:300],
        "gender": gender,
        "roles": names(value.get("roles", [])),
        "organisations": [n[:300] for n in names(value.get("organisations", []))],
    }
    if value.get("person_id"):
        if not str(value["person_id"]).isdigit():
            raise CorrectionError("defender: person_id is a number")
        cleaned["person_id"] = int(value["person_id"])
    kept = {
        n: int(pk) for n, pk in (value.get("organisation_ids") or {}).items() if n in cleaned["organisations"]
    }
    if kept:
        cleaned["organisation_ids"] = kept
    return cleaned


def clean_event(value: dict[str, Any]) -> dict[str, Any]:
    kind = value.get("type")
    if kind not in event_types():
        raise CorrectionError(f"event: type {kind!r} is not in the vocabulary")
    cleaned: dict[str, Any] = {
        "type": kind,
        "date": partial_date(str(value.get("date") or ""), "event date"),
        "victims": names(value.get("victims", [])),
    }
    for key in EVENT_TEXT:
        text = str(value.get(key) or "").strip()
        cleaned[key] = text[: LIMITS[key]] or None
    end = partial_date(str(value.get("date_end") or ""), "event end date")
    if end:
        if not cleaned["date"] or len(end) != 10 or len(cleaned["date"]) != 10:
            raise CorrectionError("event: a range needs a full start date and a full end date")
        if end < cleaned["date"]:
            raise CorrectionError("event: the range ends before it starts")
        cleaned["date_end"] = end
    return cleaned
