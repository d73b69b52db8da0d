"""Find dates in sentences and resolve them to partial dates.

The common written forms (``28 February 2025``, ``April 15, 2025``, ``28.02.2025``,
``2025-02-28``, ``on 19 and 21 February``, ``from 3 to 5 May``, ``October 2024``,
``mid-March``, ``in 2019``) are read by regular expressions built from the month names of
``vocab/dates.yaml``; relative ones (``the same day``, ``two days later``, ``yesterday``,
``last Tuesday``) are resolved against the last date mentioned or the publication date.
:func:`parse_date_line` falls back to dateparser for a lone dateline in another form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from vigil_extract import vocab
from vigil_extract.components.calendar import as_date, months_before, shift
from vigil_extract.document import PartialDate, Span

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|ᵉʳ)?"
YEAR = r"(?:19[5-9]\d|20\d\d)"
LIST_JOINER = r"\s*(?:,|and|&|et|y|и|or|ou|-|–|—|to|au|al|по|until|through)\s*(?:the\s+)?"
RANGE_WORDS = {"-", "–", "—", "to", "au", "al", "по", "until", "through"}
RANGE_OPENERS = r"(?i:from|between|du|del|entre|с|from\s+the)"
QUALIFIERS = (
    r"(?i:early|mid|late|the\s+beginning\s+of|the\s+end\s+of|the\s+middle\s+of|beginning\s+of|"
    r"end\s+of|début|fin|mi|a\s+mediados\s+de|a\s+principios\s+de|a\s+finales\s+de|"
    r"mediados\s+de|principios\s+de|finales\s+de|en|in|since|during|until|by|from|since|"
    r"в|с|до|desde|durante|hasta|depuis|de|à\s+partir\s+de)"
)
YEAR_QUALIFIERS = (
    r"(?i:in|since|during|early|late|mid|en|desde|durante|depuis|в|с|around|by|until|до|hasta|"
    r"throughout|the\s+end\s+of|the\s+beginning\s+of|end\s+of|beginning\s+of)"
)
RANGE_OPENED = re.compile(rf"{RANGE_OPENERS}\s+(?:(?i:the)\s+)?$")
QUALIFIED = re.compile(rf"{QUALIFIERS}[\s-]+(?:(?i:de)\s+)?$")
UNTIL_BEFORE = re.compile(
    r"(?i:until|till|through|jusqu'au|jusqu’au|jusqu'à|hasta\s+el|hasta|до|by|before|avant\s+le|antes\s+del)\s*$"
)
# "adjourned to 13 December", "fixé au 26 mars", "которое состоится 14 августа": announced.
ANNOUNCED_BEFORE = re.compile(
    r"(?i:scheduled\s+for|set\s+for|adjourned\s+(?:to|until)|postponed\s+(?:to|until)|"
    r"(?:fixée?|prévue?|programmée?|reportée?|renvoyée?|ajournée?)s?\s+(?:au|à|pour|le)|"
    r"(?:programad|previst|fijad|aplazad|pospuest|señalad)[oa]s?\s+(?:para\s+)?(?:el|al|hasta\s+el)|"
    r"назначен\w*\s+на|отложен\w*\s+на|перенесен\w*\s+на|состоится|состоятся)"
    r"(?:\s+(?:the|le|el|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?)*\s*$"
)
LAW_AFTER = re.compile(r"^\s*(?:Act|Law|Code|Penal|Criminal|Constitution|on\s+the|,\s*which\s+criminal)")
# "the ICT Act, 2006 (amended in 2009)", "la loi du 15 juillet 2010", "Закон от 12 июня 2012":
# a year of a law, not of a happening.
LAW_BEFORE = re.compile(
    r"(?:\b(?i:amended|modifiée?|modificad[oa]|в\s+редакции)\s*(?:in|en|le|el|от)?\s*|"
    r"\b(?:Act|Law|Code|Decree|Proclamation|Ordinance|[Ll]oi|[Ll]ey|[Dd]écret|[Dd]ecreto|[Oo]rdonnance|"
    r"[Cc]ódigo|[Зз]акон\w*|[Кк]одекс\w*|[Уу]каз\w*|[Пп]остановлени\w*)"
    r"(?:\s*(?:No\.?|n[°º]|№)?\s*[\d/.-]+)?\s*(?:,|of|du|de|del|от)\s*(?:the\s+)?)"
    r"(?:\d{1,2}(?:er)?\s+)?[(]?$"
)


DAY_AFTER_WEEKDAY = re.compile(r",?\s+(?:the\s+)?\d")
NEEDS_DIGIT = {"iso", "numeric", "day_month", "month_day", "year"}
NEEDS_MONTH = {"day_month", "month_day", "month_year", "month_last_year", "month_this_year"}
WORDS = re.compile(r"[^\W\d_]+")
DIGIT = re.compile(r"\d")


def patterns_worth_running(text: str, words: set[str]) -> set[str]:
    """Skip the costly patterns a sentence cannot match: no digit, or no month name."""
    has_digit = DIGIT.search(text) is not None
    has_month = not month_table().keys().isdisjoint(words)
    return {
        name
        for name, _ in compiled_patterns()
        if (has_digit or name not in NEEDS_DIGIT) and (has_month or name not in NEEDS_MONTH)
    }


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


@cache
def month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for names in vocab.load("dates")["months"].values():
        table.update(names)
    return table


@cache
def month_pattern() -> str:
    """Every month name as one case-insensitive trie-shaped alternation (fast to scan).

    English names must be capitalised ("may" is a verb); :func:`read_match` checks that.
    """
    return "(?i:" + trie_regex(list(month_table())) + r")(?![a-zа-яё])"


def trie_regex(words: list[str]) -> str:
    """An alternation of ``words`` with common prefixes factored out, longest match first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return render(trie)


@cache
def english_months() -> frozenset[str]:
    return frozenset(vocab.load("dates")["months"]["en"])


@cache
def compiled_patterns() -> list[tuple[str, re.Pattern[str]]]:
    month = month_pattern()
    return [
        ("iso", re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])")),
        (
            "numeric",
            re.compile(r"(?<![\d.,/])(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4})(?!\d)"),
        ),
        (
            "day_month",
            re.compile(
                rf"(?<![\d.,:])(?P<days>{DAY}(?:{LIST_JOINER}{DAY})*)\s+(?:(?i:of|de)\s+)?(?P<month>{month})\.?"
                rf"(?:,?\s+(?:(?i:of|de|del)\s+)?(?P<year>{YEAR})(?!\d)(?:\s*г\.|\s+года)?)?"
            ),
        ),
        (
            "month_day",
            re.compile(
                rf"(?P<month>{month})\.?\s+(?P<days>{DAY}(?:{LIST_JOINER}{DAY})*)(?![\d:])"
                rf"(?:,?\s+(?P<year>{YEAR})(?!\d))?"
            ),
        ),
        (
            "month_last_year",
            re.compile(
                rf"(?P<month>{month})\s+(?:of\s+)?(?i:last\s+year|l'année\s+dernière|del\s+año\s+pasado|прошлого\s+года)"
            ),
        ),
        (
            "month_this_year",
            re.compile(
                rf"(?P<month>{month})\s+(?:of\s+)?(?i:this\s+year|de\s+cette\s+année|de\s+este\s+año|этого\s+года)"
            ),
        ),
        (
            "month_named_last",  # "last April", "en mars dernier", "el pasado mes de marzo"
            re.compile(
                rf"(?i:last|this\s+past|(?:el\s+)?pasado(?:\s+mes\s+de)?)\s+(?P<month>{month})(?![\s,]+\d)"
                rf"|(?P<month_fr>{month})\s+(?i:dernier)"
            ),
        ),
        (
            "month_year",
            re.compile(
                rf"(?P<month>{month})"
                rf"(?:,?\s+(?:(?i:of|de|del)\s+)?(?P<year>{YEAR})(?!\d))?"
            ),
        ),
        (
            "year",
            re.compile(
                rf"(?<![\w-])(?P<qual>{YEAR_QUALIFIERS})[\s-]+(?P<year>{YEAR})(?!\d)(?:\s*(?:году|года|г\.))?"
            ),
        ),
    ]


@cache
def relative_patterns(language: str) -> list[tuple[re.Pattern[str], dict[str, object]]]:
    rules = vocab.load("dates")["relative"].get(language, [])
    return [(re.compile(rule["pattern"], re.IGNORECASE), rule) for rule in rules]


@cache
def relative_keywords(language: str) -> frozenset[str]:
    return frozenset(vocab.load("dates")["relative_keywords"].get(language, []))


@cache
def any_relative(language: str) -> re.Pattern[str]:
    """All relative phrases of a language in one pattern: one scan decides whether to look closer."""
    plain = [
        re.sub(r"\(\?P<\w+>", "(?:", rule["pattern"])
        for rule in vocab.load("dates")["relative"].get(language, [])
    ]
    return re.compile("|".join(plain) or "(?!)", re.IGNORECASE)


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
        return (RawDate(None, month, None, relative=name.removeprefix("month_")),)
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
        return PartialDate(published.year - (raw.month > (published.month or 12)), raw.month)
    if raw.relative in ("months_ago", "years_ago"):
        return months_before(published, raw.days, whole_year=raw.relative == "years_ago")
    if raw.relative == "same":
        return anchor
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
