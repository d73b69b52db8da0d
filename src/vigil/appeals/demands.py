"""Demands that say the same thing in every language.

A demand is either a key of ``library/demands.yaml`` (printed from the library in each
language, with the defenders' names put in place and declined) or a text as someone wrote
it, kept as written in other languages and flagged until the appeal's translations hold it.
A case's own demand (from a source appeal, or typed) becomes a key only when it reads exactly
as that key's text in its language, the names aside: then the translations say what it says.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from vigil.appeals.facts import LEVEL_ORDER, CaseFacts, DefenderFacts
from vigil.appeals.wording import (
    Value,
    Words,
    country_name,
    fill,
    french_country,
    library,
    names_value,
    pick,
    role_form,
    russian_country,
)
from vigil.cases.vocabulary import violation_of


@dataclass(frozen=True)
class DemandItem:
    """One demand: a library key, or a text as written in ``language``; and its level."""

    key: str = ""
    text: str = ""
    language: str = "en"
    level: str = "public"
    with_role: bool = False
    names: tuple[str, ...] = ()
    role: str = ""  # a roles.yaml key the demand names them by ("journalist"); "" for the defender label

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DemandItem:
        return cls(**{**data, "names": tuple(data.get("names", ()))})  # older items lack "role": default


def table() -> dict[str, dict[str, Any]]:
    demands: dict[str, dict[str, Any]] = library("demands")["demands"]
    return demands


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip().rstrip(".;,").strip().casefold()


@cache
def pattern(key: str, language: str) -> re.Pattern[str] | None:
    """The key's text in ``language`` as a pattern: {who} is any names, other slots any words."""
    template = table()[key].get(language)
    if not template:
        return None
    parts = re.split(r"(\{\w+(?::\w+)?\})", normalise(template))
    regex = "".join(
        "(?P<who>.+?)"
        if part.startswith("{who")
        else r"[\w' -]+?"
        if part.startswith("{")
        else re.escape(part)
        for part in parts
        if part
    )
    return re.compile(f"^{regex}$")


def recognise(text: str, language: str, defenders: list[DefenderFacts], level: str) -> DemandItem:
    """A written demand as a library key when it reads as one; else as written."""
    normal = normalise(text)
    for key in table():
        compiled = pattern(key, language)
        match = compiled.match(normal) if compiled else None
        if match is None:
            continue
        who = match.groupdict().get("who", "")
        named = tuple(d.name for d in defenders if d.name.casefold() in who)
        if "who" in match.groupdict() and (not named or not only_names(who, defenders, language)):
            continue
        with_role = bool(who) and not any(who.startswith(d.name.casefold()) for d in defenders)
        role = named_role(who, language) if with_role else ""
        return DemandItem(
            key=key, language=language, level=level, with_role=with_role, names=named, role=role
        )
    return DemandItem(text=text.strip().rstrip(".;"), language=language, level=level)


def role_labels(language: str) -> dict[str, str]:
    """Role words in ``language`` → the roles.yaml key ("" for the defender label), longest first."""
    labels = {str(label).casefold(): "" for label in library("wording")["role_label"][language].values()}
    for key, entry in library("roles")["roles"].items():
        forms = [entry[language]] if isinstance(entry[language], str) else list(entry[language].values())
        labels.update(
            {
                str(form).casefold(): key
                for form in forms
                if key not in ("human rights defender", "woman human rights defender")
            }
        )
    return dict(sorted(labels.items(), key=lambda item: -len(item[0])))


def named_role(who: str, language: str) -> str:
    return next((key for label, key in role_labels(language).items() if label in who), "")


def only_names(who: str, defenders: list[DefenderFacts], language: str) -> bool:
    """Whether ``who`` is nothing but the defenders' names, their role and "and"."""
    rest = who
    for name in sorted((d.name.casefold() for d in defenders), key=len, reverse=True):
        rest = rest.replace(name, " ")
    for label in role_labels(language):
        rest = rest.replace(label, " ")
    leftovers = set(re.findall(r"\w+", rest)) - {
        "and",
        "et",
        "y",
        "и",
        "the",
        "la",
        "le",
        "les",
        "el",
        "las",
        "a",
    }
    return not leftovers


def from_facts(facts: CaseFacts) -> list[DemandItem]:
    """The case's own demands when it has some; else the library's for its violations."""
    if facts.demands:
        return [recognise(d.text, d.language, facts.defenders, d.level) for d in facts.demands]
    items = []
    for key, entry in table().items():
        levels = [e.level for e in facts.events if violation_of(e.type) in entry.get("for", [])]
        if levels or entry.get("always"):
            level = min(levels, key=LEVEL_ORDER.__getitem__) if levels else "public"
            items.append(DemandItem(key=key, level=level, with_role=key in ("release", "release_acquit")))
    return items


def worded(item: DemandItem, facts: CaseFacts, words: Words) -> tuple[str, bool]:
    """The demand in ``words.language`` and whether it is translated."""
    if not item.key:
        return words.text(item.text, written_in=item.language)
    template = table()[item.key].get(words.language)
    if not template:
        return words.text(fill(table()[item.key]["en"], slots(item, facts, "en")), written_in="en")
    return fill(template, slots(item, facts, words.language)), True


def slots(item: DemandItem, facts: CaseFacts, language: str) -> dict[str, Value]:
    people = [d for d in facts.defenders if d.name in item.names] or facts.defenders
    form = (
        role_form(people)
        if len(people) == 1
        else ("pl_f" if all(p.gender == "female" for p in people) else "pl")
    )
    pronouns = library("wording")["pronouns"][language]
    values: dict[str, Value] = {key: pick(forms, form) for key, forms in pronouns.items()}
    values["who"] = names_value(people, language, with_role=item.with_role, role=item.role)
    values["country"] = (
        russian_country(facts.country) if language == "ru" else country_name(facts.country, language)
    )
    if language == "fr":
        values["in_country"] = french_country(country_name(facts.country, "fr"), "à")
    return values
