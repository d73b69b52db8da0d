"""The words an appeal is made of, in one language: names, roles, countries, dates, durations.

Everything here agrees with the people it is about: a form key (``f``, ``m``, ``pl``, ``pl_f``)
chooses the gendered phrase, and in Russian a phrase is put in the case the sentence needs.
A fixed phrase comes from the library; text from the record that the library cannot
translate comes through :class:`Words`, which looks it up in the appeal's own translations
and otherwise keeps it as written and notes it as not translated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit

from vigil.appeals import russian
from vigil.appeals.facts import DefenderFacts, OrganisationFacts
from vigil.followups.rules import parse_duration

BABEL_LOCALE = {"en": "en_GB", "fr": "fr", "es": "es", "ru": "ru"}
PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
Value = str | Callable[[str], str]


@cache
def library(name: str) -> dict[str, Any]:
    text = resources.files("vigil.appeals").joinpath(f"library/{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"library/{name}.yaml is not a mapping")
    return data


def fill(template: str, values: Mapping[str, Value]) -> str:
    """``template`` with ``{name}`` or ``{name:case}`` replaced; a callable value takes the case."""

    def replace(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        return value(match.group(2) or "nomn") if callable(value) else value

    return PLACEHOLDER.sub(replace, template)


def form_of(genders: list[str]) -> str:
    """The agreement key for people of these genders: f, m, pl (mixed or men) or pl_f."""
    if len(genders) == 1:
        return "f" if genders[0] == "female" else "m"
    return "pl_f" if genders and all(g == "female" for g in genders) else "pl"


def pick(forms: Mapping[str, str], form: str) -> str:
    """The phrase for ``form``; a feminine plural falls back to the plural where they agree."""
    if form in forms:
        return str(forms[form])
    return str(forms["pl" if form.startswith("pl") else "m"])


def joined(items: list[str], language: str) -> str:
    return str(format_list(items, locale=BABEL_LOCALE[language])) if items else ""


def long_date(date: dt.date, language: str) -> str:
    return str(format_date(date, format="long", locale=BABEL_LOCALE[language]))


def dates_phrase(dates: list[dt.date], precision: str, language: str) -> str:
    """ "28 February 2025", "19 and 21 February 2025", "October 2024", "2023"."""
    first = dates[0]
    if precision == "year":
        return str(first.year)
    if precision == "month":
        if language == "ru":
            return f"{library('narrative')['ru_months_prepositional'][first.month - 1]} {first.year} г."
        pattern = "LLLL 'de' y" if language == "es" else "LLLL y"
        return str(format_date(first, format=pattern, locale=BABEL_LOCALE[language]))
    if len(dates) > 1 and len({(d.year, d.month) for d in dates}) == 1:
        last = long_date(dates[-1], language)
        days = joined([str(d.day) for d in dates], language)
        return re.sub(r"^\d+", days, last)
    return joined([long_date(d, language) for d in dates], language)


def country_name(code: str, language: str) -> str:
    return str(Locale.parse(BABEL_LOCALE[language]).territories.get(code, code)) if code else ""


FRENCH_PLURAL_COUNTRIES = {
    "États-Unis",
    "Philippines",
    "Pays-Bas",
    "Émirats arabes unis",
    "Comores",
    "Maldives",
    "Seychelles",
}
FRENCH_MASCULINE_IN_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname", "Bangladesh"}
FRENCH_ISLANDS = {
    "Cuba",
    "Madagascar",
    "Bahreïn",
    "Singapour",
    "Malte",
    "Chypre",
    "Haïti",
    "Maurice",
    "Sri Lanka",
    "Israël",
}


def french_country(name: str, preposition: str) -> str:
    """ "au Kazakhstan", "en Russie", "aux Philippines", "à Cuba"; "du Kazakhstan", "de la Russie"."""
    vowel = name[:1].lower() in "aeiouyéèêâîôûh"
    if name in FRENCH_ISLANDS:
        return f"{preposition} {name}"
    if name in FRENCH_PLURAL_COUNTRIES:
        return f"{'aux' if preposition == 'à' else 'des'} {name}"
    feminine = name.endswith("e") and name not in FRENCH_MASCULINE_IN_E
    if preposition == "à":
        return f"en {name}" if feminine or vowel else f"au {name}"
    if vowel:
        return f"de l’{name}"
    return f"de la {name}" if feminine else f"du {name}"


def russian_country(code: str) -> Callable[[str], str]:
    name = country_name(code, "ru")
    return lambda case: russian.decline_phrase(name, case)


def duration_value(text: str, language: str, *, arrest: bool = False) -> Value:
    """ "10 days" in ``language``; in Russian a callable giving the case ("к 10 суткам")."""
    delta = parse_duration(text)
    if delta is None:
        return text
    for unit, amount in (
        ("year", delta.years),
        ("month", delta.months),
        ("week", delta.days // 7 if delta.days % 7 == 0 and delta.days else 0),
        ("day", delta.days),
    ):
        if not amount:
            continue
        if language == "ru":
            units = library("narrative")["ru_units"]
            noun = str(units["arrest_day" if arrest and unit == "day" else unit])
            return counted(amount, noun)
        return str(format_unit(amount, f"duration-{unit}", length="long", locale=BABEL_LOCALE[language]))
    return text


def counted(number: int, noun: str) -> Callable[[str], str]:
    """A Russian count of a noun, in the case the sentence asks for."""

    def in_case(case: str) -> str:
        return russian.with_number(number, noun, case)

    return in_case


@dataclass
class Words:
    """Record text in one language: the appeal's own translation, else as written (flagged)."""

    language: str
    translations: Mapping[str, str] = field(default_factory=dict)
    not_translated: list[str] = field(default_factory=list)

    def text(self, original: str, *, written_in: str = "en") -> tuple[str, bool]:
        """The text in this language and whether it is translated (or needed no translation)."""
        if not original or written_in == self.language or (self.language == "en" and not written_in):
            return original, True
        if original in self.translations:
            return self.translations[original], True
        if self.language == "ru" and russian.is_cyrillic(original):
            return original, True
        if original not in self.not_translated:
            self.not_translated.append(original)
        return original, False

    def place(self, place: str) -> tuple[str, bool]:
        if self.language == "ru":
            if place in self.translations:
                return self.translations[place], True
            cyrillic = russian.cyrillic_place(place)
            return cyrillic, russian.is_cyrillic(cyrillic) or self.text(place)[1]
        return self.translations.get(place, place), True


def person_name(defender: DefenderFacts, language: str) -> str:
    return defender.cyrillic if language == "ru" and defender.cyrillic else defender.name


def organisation_name(organisation: OrganisationFacts, language: str) -> str:
    return organisation.cyrillic if language == "ru" and organisation.cyrillic else organisation.name


def role_label(defenders: list[DefenderFacts], language: str, *, capital: bool = False) -> str:
    """ "woman human rights defender", "défenseures des droits humains", "правозащитники"."""
    genders = [d.gender for d in defenders]
    form = form_of(genders)
    female = form in ("f", "pl_f") or any("woman human rights defender" in d.roles for d in defenders)
    labels = library("wording")["role_label"][language]
    label = pick(labels, form if form.startswith("pl") else ("f" if female else "m"))
    return label[:1].upper() + label[1:] if capital else label


def named_label(defenders: list[DefenderFacts], language: str, role: str) -> str:
    """The defenders' label: a role from roles.yaml when given (one person), else the defender label."""
    entry = library("roles")["roles"].get(role) if role and len(defenders) == 1 else None
    if entry is None:
        return role_label(defenders, language)
    forms = entry[language]
    return (
        str(forms) if isinstance(forms, str) else pick(forms, "f" if defenders[0].gender == "female" else "m")
    )


def names_value(defenders: list[DefenderFacts], language: str, *, with_role: bool, role: str = "") -> Value:
    """The defenders' names (after their role when ``with_role``), declinable in Russian."""
    label = named_label(defenders, language, role)
    if language != "ru":
        names = joined([person_name(d, language) for d in defenders], language)
        if not with_role:
            return names
        form = role_form(defenders) if not role else ("f" if defenders[0].gender == "female" else "m")
        article = pick(library("wording")["role_article"][language], form)
        return f"{article}{label} {names}".strip()

    def declined(case: str) -> str:
        names = [russian.decline_name(person_name(d, "ru"), case, d.gender) for d in defenders]
        latin = any(not russian.is_cyrillic(n) for n in names)
        text = joined(names, "ru")
        if with_role or (latin and case not in ("nomn",)):
            return f"{russian.decline_phrase(label, case)} {text}"
        return text

    return declined


def role_form(defenders: list[DefenderFacts]) -> str:
    form = form_of([d.gender for d in defenders])
    if form == "m" and any("woman human rights defender" in d.roles for d in defenders):
        return "f"
    return form
