"""Places and the country of the incidents, by weighing all the evidence the text gives.

Country names come from pycountry in English, French, Spanish and Russian (official names
such as "Republic of Kenya" included), plus the short forms and demonyms of
``vocab/places.yaml``; cities come from the shipped gazetteer (:mod:`vigil_extract.gazetteer`).
All are matched in one pass with an Aho-Corasick automaton. The country is chosen by votes:
names and demonyms weigh most ("Bahraini authorities" more), a city weighs by its size and
votes for the country the rest of the text supports when its name exists in several.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import NamedTuple

import ahocorasick
import pycountry

from vigil_extract import gazetteer, vocab
from vigil_extract.components.names import word_list
from vigil_extract.document import Document, Finding, Sentence, Span
from vigil_extract.gazetteer import is_cyrillic

LANGUAGES = ("en", "fr", "es", "ru")
CYRILLIC_ENDINGS = gazetteer.CYRILLIC_ENDINGS
TITLE_WEIGHT = 4.0
MAX_ENDING = 3  # letters a Russian case ending may add to a stem ("Перм" + "и", "Москв" + "ой")
KIND_RANK = {"country": 3, "demonym": 2, "city": 1}
CONSONANT_CASE_ENDING = re.compile(r"(?:ом|ем|а|у|е|я|ю)(?![\w-])")
STATE_NOUNS = re.compile(
    r"^\s+(?:authorities|government|police|security|army|military|state|officials|courts?|"
    r"judiciary|regime|forces|prosecutors?|intelligence|president|parliament)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlaceMatch:
    """A place name found in the text: what kind, which country, where."""

    kind: str
    code: str
    span: Span
    name: str
    weight: float = 1.0
    others: tuple[str, ...] = ()


class Entry(NamedTuple):
    """What one spelling names: the best guess and, for a city, the other countries it is in."""

    kind: str
    code: str
    stem: bool
    case_sensitive: bool
    population: int = 0
    capital: bool = False
    others: tuple[str, ...] = ()


@cache
def automaton() -> ahocorasick.Automaton:
    """Every place name, keyed in lowercase; built once per process. A city's value is its
    gazetteer row, parsed only when met; a country name or demonym replaces a city's spelling."""
    blocked = {name.lower() for name in vocab.load("places")["not_cities"]}
    machine = ahocorasick.Automaton()
    for row in gazetteer.rows():
        key = row[: row.index("\t")]
        if key not in blocked:
            machine.add_word(key, (key, row))
    for key, entry in sorted(country_entries(), key=lambda item: KIND_RANK[item[1].kind]):
        machine.add_word(key, (key, entry))
    machine.make_automaton()
    return machine


@lru_cache(maxsize=8192)
def city_entry(row: str) -> Entry:
    city = gazetteer.parse_row(row)
    return Entry("city", city.code, city.stem, True, city.population, city.capital, city.others)


def country_entries() -> list[tuple[str, Entry]]:
    data = vocab.load("places")
    found: list[tuple[str, Entry]] = []

    def add(name: str, code: str, kind: str, case_sensitive: bool) -> None:
        stem = name.endswith("*")
        name = name.rstrip("*")
        inflects = is_cyrillic(name) and len(name) > 4 and " " not in name and name[-1] in CYRILLIC_ENDINGS
        if inflects and not stem:
            name, stem = name[:-1], True  # "Кения" is also "Кении", "Кенией"
        found.append((name.lower(), Entry(kind, code, stem, case_sensitive)))

    translations = {lang: translator(lang) for lang in LANGUAGES if lang != "en"}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        names.add(getattr(country, "official_name", country.name))
        for name in list(names):
            for translate in translations.values():
                names.add(translate(name))
        for name in names:
            if "," not in name:
                add(name, country.alpha_2, "country", True)
    for section, kind in (("names", "country"), ("demonyms", "demonym")):
        for language, table in data[section].items():
            for code, names in table.items():
                for name in names:
                    add(name, code, kind, language == "en" or kind == "country")
                    if language == "en" and kind == "demonym" and not name.endswith(("s", "ese", "sh")):
                        add(name + "s", code, kind, True)  # "Bahrainis", "Kenyans"
    return found


def translator(language: str) -> Callable[[str], str]:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext


def find_places(text: str, offset: int = 0) -> list[PlaceMatch]:
    """Place names in ``text`` on word boundaries, longest first where they overlap; spans
    shifted by ``offset``."""
    if not offset:
        return list(places_in(text))
    return [replace(m, span=Span(m.span.start + offset, m.span.end + offset)) for m in places_in(text)]


@lru_cache(maxsize=4096)
def places_in(text: str) -> tuple[PlaceMatch, ...]:
    offset = 0
    lowered = text.lower()
    found: list[PlaceMatch] = []
    for end_index, (key, value) in automaton().iter(lowered):
        entry = city_entry(value) if isinstance(value, str) else value
        start, end = end_index - len(key) + 1, end_index + 1
        if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] == "-"):
            continue
        if entry.stem:
            while end < len(text) and text[end].isalpha() and end - (end_index + 1) < MAX_ENDING:
                end += 1
            if end < len(text) and text[end].isalpha():
                continue  # a longer word that merely starts like the place
        elif end < len(text) and (text[end].isalnum()):
            ending = CONSONANT_CASE_ENDING.match(lowered, end) if is_cyrillic(key[-1]) else None
            if ending is None or key[-1] in CYRILLIC_ENDINGS:
                continue
            end = ending.end()  # "в Нукусе", "из Ташкента": a city ending in a consonant, declined
        written = text[start:end]
        if (entry.case_sensitive and not written[:1].isupper()) or text.startswith("-based", end):
            continue  # lowercase, or "London-based": where an organisation sits, not the case
        if entry.kind == "city" and (after_a_name_word(text, start) or before_a_name_word(text, end)):
            continue  # "Rocío San Miguel", "Justicia y Perdón", "Saba Saba": part of a longer name
        span = Span(offset + start, offset + end)
        strength = weight(entry, text, end)
        found.append(PlaceMatch(entry.kind, entry.code, span, written, strength, entry.others))
    found.sort(key=lambda m: (m.span.start, -(m.span.end - m.span.start), -KIND_RANK[m.kind]))
    kept: list[PlaceMatch] = []
    for match in found:
        if kept and match.span.start < kept[-1].span.end:
            continue
        kept.append(match)
    return tuple(kept)


def sentence_places(sentence: Sentence) -> list[PlaceMatch]:
    """The places of a sentence, found once and kept on it (countries and event places share them)."""
    if sentence.places is None:
        sentence.places = find_places(sentence.text, sentence.span.start)
    return sentence.places


NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-ÞА-ЯЁ][\w'’-]+)[ \t]+$")


def after_a_name_word(text: str, start: int) -> bool:
    """The place name follows a capitalised word that is not a function word ("In", "May")."""
    match = NAME_WORD_BEFORE.search(text[max(0, start - 40) : start])
    return match is not None and match.group(1).lower() not in word_list("stopwords")


NAME_WORD_AFTER = re.compile(
    r"[ \t]+(?:(?:y|e|and|et|de|del|of|la|el|da|do)[ \t]+)?([A-ZÀ-ÞА-ЯЁ][\w'’-]*)"
)


def before_a_name_word(text: str, end: int) -> bool:
    """The place name is followed by a capitalised word that does not say what kind of place it
    is ("Justicia y Perdón", "Saba Saba"; not "Nairobi County", "Kitwe District")."""
    match = NAME_WORD_AFTER.match(text, end)
    if match is None:
        return False
    word = match.group(1).lower()
    return word not in word_list("place_kinds") and word not in word_list("stopwords")


def weight(entry: Entry, text: str, end: int) -> float:
    """How much one mention says about the country: a name or demonym more than a city, a
    demonym before "authorities" most; a city by its size (a capital as much as a large city)."""
    if entry.kind == "demonym":
        return 1.5 if STATE_NOUNS.match(text, end) else 1.0
    if entry.kind == "country":
        return 1.0
    if entry.capital or entry.population >= 1_000_000:
        return 0.7
    return 0.6 if entry.population >= 100_000 else 0.4


def mark_country(doc: Document) -> Document:
    """Vote for the country of the incidents: title mentions weigh most, boilerplate none.

    Names and demonyms vote first; then each city votes for the country of its name that the
    names support ("Victoria" is in a dozen countries), else for its most populous namesake,
    at half weight when the names point elsewhere."""
    votes: defaultdict[str, float] = defaultdict(float)
    first_named: dict[str, PlaceMatch] = {}
    cities: list[tuple[PlaceMatch, float]] = []
    for sentence in doc.content_sentences():
        in_title = doc.title_span is not None and doc.title_span.contains(sentence.span)
        for match in sentence_places(sentence):
            factor = TITLE_WEIGHT if in_title else 1.0
            if match.kind == "city":
                cities.append((match, factor))
            else:
                votes[match.code] += match.weight * factor
                first_named.setdefault(match.code, match)
    named = dict(votes)
    for match, factor in cities:
        supported = [code for code in (match.code, *match.others) if named.get(code)]
        code = max(supported, key=lambda c: named[c]) if supported else match.code
        elsewhere = bool(named) and not supported
        votes[code] += match.weight * factor * (0.5 if elsewhere else 1.0)
        first_named.setdefault(code, match)
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    doc.countries_seen = {code: round(score, 2) for code, score in ranked}
    doc.country = ranked[0][0] if ranked else None
    if ranked:
        winner = first_named[ranked[0][0]]
        share = ranked[0][1] / sum(score for _, score in ranked)
        doc.country_finding = Finding(f"{winner.kind}: {winner.name}", round(share, 2))
    return doc


def first_city(sentence: Sentence) -> str | None:
    """The first city named in a sentence, as written."""
    for match in sentence_places(sentence):
        if match.kind == "city":
            return match.name
    return None


@lru_cache(maxsize=4096)
def country_of_name(name: str) -> str | None:
    """The country code a name alone refers to (``Kazakhstan``, ``Россия``), if any."""
    for match in find_places(name):
        if match.kind == "country" and match.span.end - match.span.start >= len(name.strip()) - 1:
            return match.code
    return None
