"""Arithmetic on partial dates: days later, months before, and which of two dates is later."""

from __future__ import annotations

import datetime as dt

from vigil_extract.document import PartialDate

__all__ = ["as_date", "is_after", "months_after", "months_before", "shift"]


def months_before(published: PartialDate | None, count: int, *, whole_year: bool) -> PartialDate | None:
    """ "last month", "this year", "last year": to the month (or year) of publication."""
    if published is None:
        return None
    if whole_year:
        return PartialDate(published.year - count)
    if published.month is None:
        return None
    index = published.year * 12 + published.month - 1 - count
    return PartialDate(index // 12, index % 12 + 1)


def months_after(anchor: PartialDate | None, count: int, *, whole_year: bool) -> PartialDate | None:
    """ "a year later", "two months later": at the precision the phrase gives, never finer."""
    if anchor is None:
        return None
    if whole_year:
        return PartialDate(anchor.year + count)
    if anchor.month is None:
        return None
    index = anchor.year * 12 + anchor.month - 1 + count
    return PartialDate(index // 12, index % 12 + 1)


def as_date(date: PartialDate | None) -> dt.date | None:
    if date is None or date.day is None or date.month is None:
        return None
    return dt.date(date.year, date.month, date.day)


def shift(date: PartialDate | None, days: int) -> PartialDate | None:
    base = as_date(date)
    if base is None:
        return None
    moved = base + dt.timedelta(days=days)
    return PartialDate(moved.year, moved.month, moved.day)


def is_after(date: PartialDate, limit: PartialDate) -> bool:
    """True when ``date`` certainly falls after ``limit`` at the precision both share."""
    a = (date.year, date.month or 0, date.day or 0)
    b = (limit.year, limit.month or 0, limit.day or 0)
    if date.month is None or limit.month is None:
        return date.year > limit.year
    if date.day is None or limit.day is None:
        return a[:2] > b[:2]
    return a > b
