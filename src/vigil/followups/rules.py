"""Deadline rules: turn an event's date and a written duration into the date to watch.

``expected_release(28 February 2025, "10 days")`` is 10 March 2025: the duration is added to
the start date, as appeals count it (whether the first day counts is not assumed).
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "a": 1,
    "an": 1,
}
UNIT_WORDS = {
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
}
DURATION = re.compile(r"^\s*(\d+|[a-z]+)\s+(days?|weeks?|months?|years?)['’]?\s*$", re.IGNORECASE)


def parse_duration(text: str) -> relativedelta | None:
    """``"10 days"``, ``"five years"``, ``"18 months"`` as a relativedelta; None otherwise."""
    match = DURATION.match(text or "")
    if not match:
        return None
    number, unit = match.group(1).lower(), UNIT_WORDS[match.group(2).lower()]
    count = int(number) if number.isdigit() else NUMBER_WORDS.get(number)
    if count is None:
        return None
    if unit == "days":
        return relativedelta(days=count)
    if unit == "weeks":
        return relativedelta(weeks=count)
    if unit == "months":
        return relativedelta(months=count)
    return relativedelta(years=count)


def expected_release(start: dt.date, duration: str) -> dt.date | None:
    """The day a detention of ``duration`` that began on ``start`` ends."""
    delta = parse_duration(duration)
    return start + delta if delta is not None else None
