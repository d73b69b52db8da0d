"""Composing an urgent appeal from one view of a case's facts, in one language.

``compose`` reads only the :class:`CaseFacts` it is given: the public version is composed
from ``gather(case, public=True)`` and nothing else. Sentences come from ``library/``
(``narrative.yaml`` for what happened, ``wording.yaml`` for the appeal's own sentences,
``demands.yaml`` for demands, ``roles.yaml`` for who the defenders are); text from the record
that the library cannot translate is looked up in the appeal's translations and otherwise
kept as written and listed in ``not_translated``. Every sentence is typeset for its language.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from vigil.appeals.choices import LANGUAGES
from vigil.appeals.demands import DemandItem, from_facts, worded
from vigil.appeals.facts import CaseFacts, DefenderFacts, EventFacts
from vigil.appeals.narrative import SENTENCING, Teller, Told, finish, same_day, story_and_context, told
from vigil.appeals.typography import typeset
from vigil.appeals.wording import (
    Words,
    country_name,
    duration_value,
    fill,
    french_country,
    joined,
    library,
    long_date,
    names_value,
    organisation_name,
    person_name,
    pick,
    role_form,
    russian_country,
)

DEPRIVATION = {"arrest", "detention", "abduction", "enforced_disappearance"}
SEVERITY = (
    "killing", "enforced_disappearance", "abduction", "sentence", "conviction", "detention", "arrest",
    "physical_attack", "charge", "travel_ban", "raid", "threat", "fine", "release",
)  # fmt: skip


class NothingToSay(ValueError):
    """The facts allowed in this version name no defender, so there is no appeal to write."""


@dataclass
class Appeal:
    """An appeal's text in one language, section by section."""

    language: str
    headline: str
    dateline: str
    summary: list[str]
    background: list[str]
    narrative: list[str]
    context: list[str]
    position: str
    demands_intro: str
    demands: list[str]
    addressees: list[dict[str, str]] = field(default_factory=list)
    act_before: str = ""
    not_translated: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    footer: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Appeal:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def texts(self) -> list[str]:
        """Every sentence of the appeal, for checks over the whole text."""
        out = [self.headline, self.dateline, self.position, self.demands_intro, self.act_before]
        out += self.summary + self.background + self.narrative + self.context + self.demands + self.stale
        out += [value for a in self.addressees for value in a.values()]
        return out


def compose(
    facts: CaseFacts,
    *,
    language: str,
    organisation: str,
    published: dt.date,
    addressees: list[dict[str, str]] | None = None,
    demands: list[DemandItem] | None = None,
    translations: Mapping[str, str] | None = None,
    act_before: dt.date | None = None,
    registration: str = "",
) -> Appeal:
    """The appeal for ``facts`` in ``language``; ``demands`` as edited, else from the facts.

    ``registration`` is the publisher's footer, written in English; in another language it is
    the appeal's translation of it, or as written and flagged.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
    if not facts.defenders:
        raise NothingToSay(
            "this version has no defender to write about: for a public appeal, mark the case's "
            "defenders and events public first"
        )
    words = Words(language, dict(translations or {}))
    teller = Teller(facts.defenders, words, published)
    events = told(facts.events)
    story, earlier = story_and_context(events)
    days = same_day(story)
    latest = lead(days)
    summary = [teller.sentence(group) for group in latest] + after_summary(facts, teller, published)
    narrative = [teller.sentence(group) for group in days if group not in latest]
    context = [teller.sentence(group) for group in same_day(earlier)]
    items = demands if demands is not None else from_facts(facts)
    demand_texts = [worded(item, facts, words)[0] for item in items]
    appeal = Appeal(
        language=language,
        headline=headline(facts, language),
        dateline=long_date(published, language),
        summary=summary,
        background=background(facts.defenders, words),
        narrative=narrative,
        context=context,
        position=position(facts.defenders, organisation, language),
        demands_intro=demands_intro(facts.country, organisation, language),
        demands=demand_texts,
        addressees=[translated_addressee(a, words) for a in addressees or []],
        act_before=long_date(act_before, language) if act_before else "",
        not_translated=words.not_translated,
        stale=staleness(facts, published, language),
        footer=words.text(registration)[0] if registration else "",
    )
    return typeset_appeal(appeal)


def translated_addressee(addressee: dict[str, str], words: Words) -> dict[str, str]:
    """An authority's title and institution in the appeal's language (flagged when not translated)."""
    out = dict(addressee)
    for key in ("title", "institution"):
        if out.get(key):
            out[key] = words.text(out[key])[0]
    return out


def typeset_appeal(appeal: Appeal) -> Appeal:
    """Every sentence with its language's typography (quotes, spaces, apostrophes)."""
    lang = appeal.language
    for name in ("headline", "position", "demands_intro", "footer"):
        setattr(appeal, name, typeset(getattr(appeal, name), lang))
    for name in ("summary", "background", "narrative", "context", "demands", "stale"):
        setattr(appeal, name, [typeset(text, lang) for text in getattr(appeal, name)])
    return appeal


def lead(days: list[list[Told]]) -> list[list[Told]]:
    """The day the appeal leads with: the latest day of a telling event (an arrest, not a hearing)."""
    telling = [g for g in days if any(t.event.type in SEVERITY for t in g)]
    return (telling or days)[-1:]


def after_summary(facts: CaseFacts, teller: Teller, today: dt.date) -> list[str]:
    """When the defenders are expected out, or the next hearing."""
    out: list[str] = []
    frames = library("narrative")[teller.language]["frames"]
    form = role_form(facts.defenders) if len(facts.defenders) == 1 else "pl"
    for followup in facts.followups:
        date = long_date(followup.due, teller.language)
        if followup.kind == "expected_release":
            key = "release_due" if followup.due >= today else "release_was_due"
            out.append(fill(pick(frames[key], form), {"date": date}))
        elif followup.kind == "hearing" and followup.due >= today:
            out.append(fill(frames["hearing_due"], {"date": date}))
    return out


def what_happened(facts: CaseFacts, language: str) -> str:
    """The headline's verb: what the latest telling events did to the defenders."""
    table = library("narrative")[language]["headline"]
    form = role_form(facts.defenders) if len(facts.defenders) == 1 else form_for(facts.defenders)
    dated = [e for e in facts.events if e.date is not None and e.type in SEVERITY and e.victims]
    if not dated:
        return pick(table["other"], form)
    latest = max(e.date for e in dated if e.date)
    today = [e for e in dated if e.date == latest]
    worst = min(today, key=lambda e: SEVERITY.index(e.type))
    key, duration = headline_key(worst, today)
    if key == "charge" and any(e.type == "physical_attack" for e in dated if e.date and e.date < latest):
        key = "attacked_and_charged"
    values = {"duration": duration_value(duration, language, arrest=key == "administrative_arrest")}
    return fill(pick(table[key], form), values)


def headline_key(worst: EventFacts, today: list[EventFacts]) -> tuple[str, str]:
    duration = next((e.duration for e in today if e.duration), "")
    penalty = next((e.penalty for e in today if e.penalty), "")
    if worst.type in SENTENCING | DEPRIVATION and duration:
        if penalty == "administrative_arrest":
            return "administrative_arrest", duration
        if penalty == "imprisonment":
            return "imprisonment", duration
        return ("sentenced_to" if worst.type in SENTENCING else "detained_for"), duration
    return ("sentence" if worst.type == "conviction" else worst.type), ""


def form_for(defenders: list[DefenderFacts]) -> str:
    return "pl_f" if all(d.gender == "female" for d in defenders) else "pl"


def headline(facts: CaseFacts, language: str) -> str:
    who = names_value(facts.defenders, language, with_role=True)
    subject = who("nomn") if callable(who) else who
    text = fill(
        library("wording")["headline"][language],
        {
            "country": country_name(facts.country, language),
            "subject": subject[:1].upper() + subject[1:] if language == "en" else subject,
            "what": what_happened(facts, language),
        },
    )
    return text


def background(defenders: list[DefenderFacts], words: Words) -> list[str]:
    """Who the defenders are: roles and organisations; people with the same ones in one sentence."""
    language = words.language
    groups: dict[tuple[object, ...], list[DefenderFacts]] = {}
    for defender in defenders:
        same = (defender.roles, defender.affiliations, defender.gender == "female")
        groups.setdefault(same, []).append(defender)
    paragraphs = []
    for group in groups.values():
        several = len(group) > 1
        roles = role_phrases(group[0], words, plural=several)
        if not roles:
            continue
        listed = joined(roles, language)
        if language == "en" and not several:
            listed = ("an " if listed[:1].lower() in "aeiou" or listed.startswith("LGBT") else "a ") + listed
        template = library("wording")["background_plural" if several else "background"][language]
        names = joined([person_name(d, language) for d in group], language)
        paragraphs.append(finish(fill(template, {"name": names, "roles": listed})))
    return paragraphs


def role_phrases(defender: DefenderFacts, words: Words, *, plural: bool) -> list[str]:
    """ "woman human rights defender", "co-founder of Feminita": each role once, with its organisation."""
    language = words.language
    roles_table = library("roles")
    form = role_form([defender])
    roles: list[str] = []
    local = {
        name: (cyrillic if language == "ru" and cyrillic else name)
        for name, _, cyrillic in defender.affiliations
    }
    affiliated = {role.casefold(): name for name, role, _ in defender.affiliations if role}
    said: set[str] = set()
    used: set[str] = set()
    pairs = [(r, "") for r in defender.roles] + [(r or "member", o) for o, r, _ in defender.affiliations]
    for role, named in pairs:
        key = role.casefold()
        organisation = named or affiliated.get(key, "") or unnamed_affiliation(defender, key)
        if (key in said and (not named or organisation in used)) or (
            key == "member" and organisation in used
        ):
            continue
        said.add(key)
        used.add(organisation)
        entry = roles_table["roles"].get(key)
        if entry is None:
            label = words.text(role)[0]
        else:
            label = entry["en"] if language == "en" else pick(entry[language], form)
            label = pluralised(label, language) if plural else label
        roles.append(with_organisation(label, local[organisation], language) if organisation else label)
    return roles


PREPOSITIONS = {"of", "de", "du", "des", "del", "à", "a", "d’", "d'"}


def pluralised(label: str, language: str) -> str:
    """A role label in the plural: "land rights defenders", "défenseures du droit à la terre"."""
    from vigil.appeals import russian

    words = label.split(" ")
    if language == "ru":
        return russian.plural_phrase(label)
    if language == "en":
        index = len(words) - 1
        words[index] = words[index][:-1] + "ies" if words[index].endswith("y") else words[index] + "s"
        return " ".join(words)
    out = []
    for position, word in enumerate(words):
        if word in PREPOSITIONS or word.startswith(("d’", "d'")) or (position and word.isupper()):
            out.extend(words[position:])
            break
        if word.endswith(("s", "x")):
            out.append(word)
        elif word.endswith("z"):
            out.append(word[:-1] + "ces")
        elif language == "es" and word[-1:] not in "aeiouáéíóú":
            out.append(strip_accent(word) + "es")
        else:
            out.append(word + "s")
    return " ".join(out)


def strip_accent(word: str) -> str:
    """ "líder" → "líder", "guardián" → "guardian" (the plural moves the stress mark)."""
    return word.translate(str.maketrans("áéíóú", "aeiou")) if word[-2:-1] in "áéíóú" else word


def unnamed_affiliation(defender: DefenderFacts, role: str) -> str:
    """The organisation of an affiliation recorded without a role, for an "of" role ("co-founder")."""
    if role == "member" or not library("roles")["roles"].get(role, {}).get("of"):
        return ""
    return next((name for name, r, _ in defender.affiliations if not r), "")


def with_organisation(role: str, organisation: str, language: str) -> str:
    from vigil.appeals import russian

    template = library("roles")["of"][language]
    value: Any = organisation
    if language == "ru" and russian.is_cyrillic(organisation):
        value = lambda case: russian.decline_phrase(organisation, case)  # noqa: E731
    return fill(template, {"role": role, "organisation": value})


def position(defenders: list[DefenderFacts], organisation: str, language: str) -> str:
    form = role_form(defenders) if len(defenders) == 1 else form_for(defenders)
    template = pick(library("wording")["position"][language], form)
    who = names_value(defenders, language, with_role=True)
    return fill(template, {"organisation": organisation, "who": who})


def demands_intro(country: str, organisation: str, language: str) -> str:
    name = country_name(country, language)
    values: dict[str, Any] = {"organisation": organisation, "country": name}
    if language == "fr":
        values["of_country"] = french_country(name, "de")
    if language == "ru":
        values["country"] = russian_country(country)
    return fill(library("wording")["demands_intro"][language], values)


def staleness(facts: CaseFacts, today: dt.date, language: str) -> list[str]:
    """Why the facts may be out of date: an expected release passed, no event for a long time."""
    table = library("wording")["stale"][language]
    reasons = [
        fill(table["release_passed"], {"date": long_date(f.due, language)})
        for f in facts.followups
        if f.kind == "expected_release" and f.due < today
    ]
    dated = [e.date for e in facts.events if e.date is not None]
    quiet_days = int(os.environ.get("VIGIL_APPEAL_STALE_DAYS", "90"))
    if dated and (today - max(dated)).days > quiet_days:
        reasons.append(fill(table["quiet"], {"date": long_date(max(dated), language)}))
    if not reasons:
        return []
    return [fill(table["intro"], {"reasons": "; ".join(reasons)})]


def summary_names(defenders: list[DefenderFacts], language: str) -> str:
    return joined([person_name(d, language) for d in defenders], language)


__all__ = ["Appeal", "NothingToSay", "compose", "organisation_name", "summary_names"]
