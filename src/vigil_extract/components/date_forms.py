"""The written forms of dates: month and weekday names, and the patterns that find them.

The common forms (``28 February 2025``, ``April 15, 2025``, ``28.02.2025``, ``2025-02-28``,
``on 19 and 21 February``, ``from 3 to 5 May``, ``October 2024``, ``mid-March``, ``in 2019``)
are regular expressions built from the month names of ``vocab/dates.yaml``; the relative
phrases (``the same day``, ``a year later``, ``last Tuesday``) are that file's own patterns.
:mod:`~vigil_extract.components.dates` reads what these find.
"""

from __future__ import annotations

import re
from functools import cache

from vigil_extract import vocab

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
            "month_named_last",  # "last April", "(le 17) mars dernier", "el pasado mes de marzo"
            re.compile(
                rf"(?i:last|this\s+past|(?:el\s+)?pasado(?:\s+mes\s+de)?)\s+(?P<month>{month})(?![\s,]+\d)"
                rf"|(?:(?P<day_fr>[0-3]?\d)(?:er)?\s+)?(?P<month_fr>{month})\s+(?i:dernier)"
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
