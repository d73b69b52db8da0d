"""Find dates in sentences and resolve them to partial dates.

:mod:`~vigil_extract.components.date_forms` holds the written forms; here what they find is
read into :class:`RawDate` (parts may be missing, or relative) and resolved against the last
date mentioned or the publication date. :func:`parse_date_line` falls back to dateparser for a
lone dateline in another form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from vigil_extract import vocab
from vigil_extract.components.calendar import as_date, months_after, months_before, shift
from vigil_extract.components.date_forms import (
    ANNOUNCED_BEFORE,
    DAY,
    DAY_AFTER_WEEKDAY,
    LAW_AFTER,
    LAW_BEFORE,
    QUALIFIED,
    RANGE_OPENED,
    RANGE_WORDS,
    UNTIL_BEFORE,
    WORDS,
    any_relative,
    compiled_patterns,
    english_months,
    month_table,
    patterns_worth_running,
    relative_keywords,
    relative_patterns,
)
from vigil_extract.document import PartialDate, Span


@dataclass(frozen=True)
class RawDate:
    """A date as written: parts may be missing, or it may be relative to another date."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None
    days: int = 0
    weekday: int | None = None


@dataclass(frozen=True)
class RawMention:
    """The dates written at one place in a sentence, before resolution."""

    span: Span
    dates: tuple[RawDate, ...]
    until: bool = False


def find_dates(text: str, offset: int = 0, language: str = "en") -> list[RawMention]:
    """Every date written in ``text``; spans are shifted by ``offset`` (a sentence the document
    repeats, a running header say, is read once)."""
    found = dates_in(text, language)
    return [replace(m, span=Span(m.span.start + offset, m.span.end + offset)) for m in found]


@lru_cache(maxsize=4096)
def dates_in(text: str, language: str) -> tuple[RawMention, ...]:
    offset = 0
    found: list[tuple[int, int, RawMention]] = []
    words = set(WORDS.findall(text.lower()))
    needed = patterns_worth_running(text, words)
    for name, pattern in compiled_patterns():
        if name not in needed:
            continue
        for match in pattern.finditer(text):
            dates = read_match(name, match)
            if dates:
                found.append((match.start(), match.end(), mention(text, match, dates, offset)))
    languages = (language, "en") if language != "en" else ("en",)
    rules = [
        rule
        for lang in languages
        if not words.isdisjoint(relative_keywords(lang)) and any_relative(lang).search(text)
        for rule in relative_patterns(lang)
    ]
    for pattern, rule in rules:
        for match in pattern.finditer(text):
            date = relative_date(match, rule, language)
            if date is not None and date.weekday is not None and DAY_AFTER_WEEKDAY.match(text, match.end()):
                continue  # "on Friday, 1 July 2016": the weekday of the date written right after it
            if date is not None:
                found.append((match.start(), match.end(), mention(text, match, (date,), offset)))
    return tuple(without_overlaps(found))


def mention(text: str, match: re.Match[str], dates: tuple[RawDate, ...], offset: int) -> RawMention:
    until = bool(
        UNTIL_BEFORE.search(text[max(0, match.start() - 15) : match.start()])
        or ANNOUNCED_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
    )
    return RawMention(Span(offset + match.start(), offset + match.end()), dates, until)


def without_overlaps(found: list[tuple[int, int, RawMention]]) -> list[RawMention]:
    """Keep the longest of overlapping matches."""
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, RawMention]] = []
    for start, end, item in found:
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end, item)
            continue
        kept.append((start, end, item))
    return [item for _, _, item in kept]


def read_match(name: str, match: re.Match[str]) -> tuple[RawDate, ...]:
    if LAW_BEFORE.search(match.string[max(0, match.start() - 40) : match.start()]):
        return ()
    groups = match.groupdict()
    if name == "iso":
        return valid((int(groups["y"]), int(groups["m"]), int(groups["d"])))
    if name == "numeric":
        first, second, full_year = int(groups["a"]), int(groups["b"]), int(groups["y"])
        day, month_number = (second, first) if second > 12 >= first else (first, second)
        return valid((full_year, month_number, day))
    year = int(groups["year"]) if groups.get("year") else None
    if name == "year":
        if LAW_AFTER.match(match.string[match.end() :]):
            return ()
        return (RawDate(year),)
    written = (match.group("month") or match.group("month_fr")).rstrip(".")
    month = month_table().get(written.lower())
    if month is None or (written.lower() in english_months() and not written[0].isupper()):
        return ()
    if name in ("day_month", "month_day"):
        days = [int(re.sub(r"\D", "", d)) for d in re.findall(DAY, groups["days"])]
        if is_range(opens_range(match), groups["days"]):
            days = days[:1]
        return tuple(RawDate(year, month, day) for day in days if 1 <= day <= 31)
    if name in ("month_last_year", "month_this_year", "month_named_last"):
        named_day = int(groups["day_fr"]) if groups.get("day_fr") else None  # "le 17 mars dernier"
        if named_day is not None and not 1 <= named_day <= 31:
            return ()
        return (RawDate(None, month, named_day, relative=name.removeprefix("month_")),)
    if name == "month_year":
        if year is None and not QUALIFIED.search(match.string[max(0, match.start() - 30) : match.start()]):
            return ()
        if year is not None and LAW_AFTER.match(match.string[match.end() :]):
            return ()
        return (RawDate(year, month),)
    return ()


def opens_range(match: re.Match[str]) -> bool:
    """ "from 3 to 5 May", "between 6 and 8 April": the words before the days open a range."""
    return RANGE_OPENED.search(match.string[max(0, match.start() - 20) : match.start()]) is not None


def is_range(opened: bool, days: str) -> bool:
    if opened:
        return True
    joiners = set(re.findall(r"[^\d\s,a-zа-я]+|\b[a-zа-я]+\b", days.lower()))
    return bool(joiners & RANGE_WORDS)


def valid(parts: tuple[int, int, int]) -> tuple[RawDate, ...]:
    try:
        dt.date(*parts)
    except ValueError:
        return ()
    return (RawDate(*parts),)


def relative_date(match: re.Match[str], rule: dict[str, object], language: str) -> RawDate | None:
    kind = str(rule["kind"])
    days = int(rule.get("days", 0))  # type: ignore[call-overload]
    groups = match.groupdict()
    if groups.get("n"):
        numbers = vocab.load("dates")["numbers"]
        word = groups["n"].lower()
        count = int(word) if word.isdigit() else numbers.get(language, {}).get(word)
        if count is None:
            count = numbers["en"].get(word)
        if count is None:
            return None
        unit = (groups.get("unit") or "").lower()
        days = count * (7 if unit.startswith(("week", "semaine", "semana", "недел")) else 1)
    if kind == "period_later":  # "a year later", "deux mois plus tard", "год спустя"
        unit = (groups.get("unit") or "").lower()
        kind = "months_later" if unit.startswith(("month", "mois", "mes", "месяц")) else "years_later"
        days = days or 1
    weekday = None
    if groups.get("weekday"):
        table: dict[str, int] = {}
        for names in vocab.load("dates")["weekdays"].values():
            table.update(names)
        weekday = table.get(groups["weekday"].lower())
    return RawDate(relative=kind, days=days, weekday=weekday)


def resolve(raw: RawDate, *, anchor: PartialDate | None, published: PartialDate | None) -> PartialDate | None:
    """Turn a written date into a partial date, or None when the text does not fix it."""
    if raw.relative is None:
        if raw.year is not None:
            return PartialDate(raw.year, raw.month, raw.day)
        base = anchor or published
        return PartialDate(base.year, raw.month, raw.day) if base else None
    if raw.relative in ("last_year", "this_year"):
        back = 1 if raw.relative == "last_year" else 0
        return PartialDate(published.year - back, raw.month) if published else None
    if raw.relative == "named_last" and raw.month is not None:  # the latest such month
        if published is None:
            return None
        latest = published.year - ((raw.month, raw.day or 0) > (published.month or 12, published.day or 31))
        return PartialDate(latest, raw.month, raw.day)
    if raw.relative in ("months_ago", "years_ago"):
        return months_before(published, raw.days, whole_year=raw.relative == "years_ago")
    if raw.relative == "same":
        return anchor
    if raw.relative in ("years_later", "months_later"):
        return months_after(anchor, raw.days, whole_year=raw.relative == "years_later")
    if raw.relative == "offset":
        return shift(anchor, raw.days)
    if raw.relative == "published":
        return shift(published, raw.days)
    if raw.relative in ("weekday", "weekday_recent") and raw.weekday is not None:
        reference = as_date(published)
        if reference is None:
            return None
        back = (reference.weekday() - raw.weekday) % 7  # "charged Monday" in Monday's news: that day
        back = back or (7 if raw.relative == "weekday" else 0)
        day = reference - dt.timedelta(days=back)
        return PartialDate(day.year, day.month, day.day)
    return None


def parse_date_line(line: str, language: str = "en", *, fallback: bool = True) -> PartialDate | None:
    """The single full date of a dateline; dateparser reads forms the fast path does not."""
    for found in find_dates(line, 0, language):
        for raw in found.dates:
            if raw.relative is None and raw.year and raw.day:
                return PartialDate(raw.year, raw.month, raw.day)
    cleaned = line.strip()
    if not fallback:
        return None
    if not (6 <= len(cleaned) <= 40) or not re.search(r"\d", cleaned):
        return None
    import dateparser  # the slow fallback, loaded only when needed

    parsed = dateparser.parse(
        cleaned,
        languages=[language],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return PartialDate(parsed.year, parsed.month, parsed.day) if parsed else None
