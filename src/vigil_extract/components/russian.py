"""Russian names back to the nominative: "Эмира-Усеина Куку" is the person "Эмир-Усеин Куку".

A text may name a person only in oblique cases ("задержали Хуршеда Фозилова"). Russian
personal names decline by a handful of regular paradigms, so rules suffice: the form of the
name the text writes that looks most like a nominative is kept, and when none does, the
endings are undone — by the given name's ending, the surname's suffix (-ов/-ев/-ин,
-ский/-цкий) and the person's gender where the text states it. The given-name gazetteer
(:mod:`vigil_extract.given_names`) tells which form of a given name is its nominative and which
paradigm it follows ("Игоря" is Игорь's genitive, so "Ильяша" is Ильяш's); only a form that
stays ambiguous asks pymorphy3 for the given name's gender, loading it then (decisions 0010, 0011).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from vigil_extract import given_names

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
VOWELS = "аеёиоуыэюя"
# Endings that mark an oblique case on a name word (never a nominative one, or almost never).
OBLIQUE = re.compile(
    r"(?:ого|его|ому|ему|ым|им|ой|ову|еву|иной|овой|евой|ину|ыну|ом|ем|ую|ую)$|(?<=[бвгджзклмнпрстфхцчшщ])у$"
)
SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е|ой)?$|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$")


def is_russian(tokens: tuple[str, ...]) -> bool:
    return any(CYRILLIC.search(token) for token in tokens)


def oblique_score(tokens: tuple[str, ...]) -> int:
    """How many words of a name carry an oblique ending."""
    return sum(1 for token in tokens for part in token.split("-") if OBLIQUE.search(part.lower()))


def best_form(variants: list[tuple[str, ...]], gender: str) -> tuple[str, ...]:
    """The written form of a name that looks most like a nominative, or one put back into it
    when the person's gender (stated by the text, by a feminine surname, or by the given name
    the gazetteer knows) says how."""
    longest = max(len(v) for v in variants)
    full = [v for v in variants if len(v) == longest]
    chosen = min(full, key=lambda v: (given_names.gender_of(v[0]) is None, oblique_score(v), len("".join(v))))
    gender = gender if gender != "unknown" else gender_of_surname(chosen[-1])
    known = known_given_name(chosen[0])
    if gender == "unknown" and known is not None:
        gender = known[1]
    if gender == "unknown" and oblique_score(chosen) + ambiguous_ending(chosen):
        gender = gender_of_given_name(chosen[0])
    if known is not None and gender == "male" and known[1] == "female":
        # "Валентина Стефановича", "мужа Александра": a man's given name in the genitive, which
        # is also a woman's nominative
        masculine = masculine_given(chosen[0])
        if masculine != chosen[0] and given_names.gender_of(masculine) == "male":
            known = (masculine, "male")
    oblique_given = known is not None and known[0] != chosen[0]
    if gender == "unknown" or (looks_nominative(chosen, gender) and not oblique_given):
        return chosen
    case = case_ending(chosen[0], known[0] if known else None)
    words = [nominative(token, index, len(chosen), gender, case) for index, token in enumerate(chosen)]
    if known is not None and known[1] == gender:
        words[0] = known[0]
    return tuple(words)


def known_given_name(word: str) -> tuple[str, str] | None:
    """The nominative and grammatical gender of a given name the gazetteer knows, written as is
    or in an oblique case ("Игоря" → Игорь, male; "Анны" → Анна, female)."""
    for candidate in (word, masculine_given(word), *feminine_given(word)):
        found = given_names.gender_of(candidate)
        if found in ("female", "male"):
            return candidate, found
    return None


def feminine_given(word: str) -> list[str]:
    lower = word.lower()
    forms = [
        word[: len(word) - len(end)] + nominative for end, nominative in FEMALE_GIVEN if lower.endswith(end)
    ]
    if lower.endswith(("и", "ью")):  # Любови, Любовью → Любовь
        forms.append(word[: len(word) - (1 if lower.endswith("и") else 2)] + "ь")
    return forms


def case_ending(given: str, nominative_given: str | None) -> str:
    """The oblique ending the given name carries ("Игоря": "я"), so the surname sheds the same."""
    if nominative_given is None or given == nominative_given:
        return ""
    common = 0
    while common < min(len(given), len(nominative_given)) and given[common] == nominative_given[common]:
        common += 1
    return given[common:].lower()


def ambiguous_ending(tokens: tuple[str, ...]) -> int:
    """A given name in -а/-я with a surname in -ова/-ева/-ина: a woman, or a man in the genitive."""
    given, surname = tokens[0].lower(), tokens[-1].lower()
    return int(len(tokens) > 1 and given.endswith(("а", "я")) and surname.endswith(("ова", "ева", "ина")))


def gender_of_given_name(word: str) -> str:
    """The gender of a given name as the dictionary knows it (pymorphy3, loaded only when a
    Russian name's form is ambiguous and the text does not say; see docs/decisions/0010)."""
    names = [parse for parse in analyser().parse(word) if "Name" in parse.tag]
    best = max(names, key=lambda parse: parse.score, default=None)
    return {"masc": "male", "femn": "female"}.get(best.tag.gender if best else "", "unknown")


@cache
def analyser() -> Any:
    import pymorphy3  # 0.3-0.5 s to load: only for the few names the rules cannot settle

    return pymorphy3.MorphAnalyzer(lang="ru")


def gender_of_surname(surname: str) -> str:
    lower = surname.lower()
    if lower.endswith(("овой", "евой", "иной", "ской", "цкой", "ская", "цкая", "скую", "цкую")):
        return "female"
    if lower.endswith(("ского", "цкого", "скому", "цкому", "овым", "евым", "вича", "вичу", "вичем")):
        return "male"
    return "unknown"


def declined_gender(variants: list[tuple[str, ...]]) -> str | None:
    """The gender every unambiguous declined surname the text writes agrees on ("Склеминой",
    "Чернявскую": a woman; "Тажимуратовым": a man), or None."""
    said = {gender_of_surname(v[-1]) for v in variants if len(v) > 1} - {"unknown"}
    return said.pop() if len(said) == 1 else None


def grammatical_gender(nominative_tokens: tuple[str, ...]) -> str:
    """The gender a Russian surname in the nominative states by its suffix ("Славникова",
    "Чернявская": a woman; "Титиев", "Гаджиев": a man). A form that could be a man's genitive
    was settled by the given name's case before (:func:`best_form`)."""
    if len(nominative_tokens) < 2:
        return "unknown"
    surname = nominative_tokens[-1].lower()
    if surname.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")):
        return "female"
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
        return "male"
    return "unknown"


def looks_nominative(tokens: tuple[str, ...], gender: str) -> bool:
    if oblique_score(tokens):
        return False
    if gender == "male":  # "Хуршеда Фозилова" about a man is a genitive
        return not any(t.lower().endswith(("ова", "ева", "ина", "ына")) for t in tokens[1:]) and not (
            tokens[0].lower().endswith(("а", "я")) and not tokens[0].lower().endswith(("ья", "ия"))
        )
    return True


def nominative(token: str, index: int, count: int, gender: str, case: str = "") -> str:
    """One word of a name put back into the nominative (hyphenated parts one by one)."""
    is_surname = index == count - 1 and count > 1
    return "-".join(
        undo_ending(part, is_surname=is_surname, gender=gender, case=case) for part in token.split("-")
    )


# The ending a surname of another paradigm sheds when the given name shows its case:
# "Игоря Ильяша" → Ильяш, "Талгата Аяна" → Аян, "Анны Голеты" → Голета.
CASE_OF_SURNAME = {
    "male": {"а": "а", "я": "а", "у": "у", "ю": "у", "ом": "ом", "ем": "ом", "ём": "ом", "е": "е"},
    "female": {"ы": "ы", "и": "ы", "е": "е", "у": "у", "ю": "у", "ой": "ой", "ей": "ой"},
}


def undo_ending(word: str, *, is_surname: bool, gender: str, case: str = "") -> str:
    lower = word.lower()
    female = gender == "female"
    if is_surname or SURNAME.search(lower):
        for ending, masculine, feminine in SURNAME_ENDINGS:
            if lower.endswith(ending):
                stem = word[: len(word) - len(ending)]
                return stem + (feminine if female else masculine)
        shed = CASE_OF_SURNAME.get(gender, {}).get(case)
        if is_surname and shed and lower.endswith(shed) and len(word) - len(shed) >= 3:
            return word[: len(word) - len(shed)] + ("а" if female else "")
        return word
    if female:
        for ending, nominative_ending in FEMALE_GIVEN:
            if lower.endswith(ending):
                return word[: len(word) - len(ending)] + nominative_ending
        return word
    return masculine_given(word)


SURNAME_ENDINGS = (  # (oblique ending, masculine nominative, feminine nominative)
    ("ского", "ский", "ская"),
    ("скому", "ский", "ская"),
    ("ским", "ский", "ская"),
    ("ском", "ский", "ская"),
    ("скую", "ская", "ская"),
    ("ской", "ский", "ская"),
    ("цкого", "цкий", "цкая"),
    ("цкому", "цкий", "цкая"),
    ("цким", "цкий", "цкая"),
    ("цкую", "цкая", "цкая"),
    ("цкой", "цкий", "цкая"),
    ("овой", "ов", "ова"),
    ("евой", "ев", "ева"),
    ("иной", "ин", "ина"),
    ("овым", "ов", "ова"),
    ("евым", "ев", "ева"),
    ("иным", "ин", "ина"),
    ("ову", "ов", "ова"),
    ("еву", "ев", "ева"),
    ("ину", "ин", "ина"),
    ("ова", "ов", "ова"),
    ("ева", "ев", "ева"),
    ("ёва", "ёв", "ёва"),
    ("ина", "ин", "ина"),
    ("ове", "ов", "ова"),
    ("еве", "ев", "ева"),
    ("ине", "ин", "ина"),
)
FEMALE_GIVEN = (
    ("ией", "ия"),
    ("ию", "ия"),
    ("ии", "ия"),
    ("ой", "а"),
    ("ей", "я"),
    ("у", "а"),
    ("ю", "я"),
    ("ы", "а"),
)


def masculine_given(word: str) -> str:
    """ "Дмитрия" → "Дмитрий", "Алеся" → "Алесь", "Хуршеда" → "Хуршед", "Игорем" → "Игорь"."""
    lower = word.lower()
    for ending in ("ом", "ем", "ём", "у", "ю", "а", "я", "е"):
        if not lower.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        if ending in ("я", "ю", "ем", "ём", "е") and stem[-1].lower() in VOWELS:
            return stem + "й"  # Андрея, Андрею, Андреем → Андрей
        if ending in ("я", "ю", "ем", "ём"):
            return stem + "ь"  # Игоря, Игорем → Игорь
        return stem
    return word
