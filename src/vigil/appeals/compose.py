"""Composing an urgent appeal from a case's facts, in the target language.

Fixed phrases come from Django's catalogues (``src/vigil/locale``); the narrative is built
from ``library/narrative.yaml`` (a verb phrase per event type and gender) with dates,
countries and durations localised by Babel. Text an editor typed stays as typed and, when
rendered in another language, is listed in ``not_translated``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vigil.appeals.choices import LANGUAGES
from vigil.appeals.facts import CaseFacts, DefenderFacts, EventFacts
from vigil.followups.rules import parse_duration

BABEL_LOCALE = {"en": "en_GB", "fr": "fr", "es": "es", "ru": "ru"}
DEPRIVATION = {"arrest", "detention", "abduction", "enforced_disappearance"}
CONTEXT_DAYS = 60


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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def library(name: str) -> dict[str, Any]:
    text = resources.files("vigil.appeals").joinpath(f"library/{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def gender_key(defenders: list[DefenderFacts]) -> str:
    if len(defenders) > 1:
        return "pl"
    return "f" if defenders and defenders[0].gender == "female" else "m"


def context_of(defenders: list[DefenderFacts]) -> str:
    """The pgettext context for phrases that agree with the defenders' gender and number."""
    return {"pl": "plural", "f": "female", "m": "male"}[gender_key(defenders)]


def long_date(date: dt.date, language: str) -> str:
    return format_date(date, format="long", locale=BABEL_LOCALE[language])


def event_date(event: EventFacts, language: str) -> str:
    assert event.date is not None
    if event.precision == "year":
        return str(event.date.year)
    if event.precision == "month":
        if language == "ru":
            months = library("narrative")["ru_months_prepositional"]
            return f"{months[event.date.month - 1]} {event.date.year} г."
        pattern = "LLLL 'de' y" if language == "es" else "LLLL y"
        return format_date(event.date, format=pattern, locale=BABEL_LOCALE[language])
    return long_date(event.date, language)


def country_name(code: str, language: str) -> str:
    return str(Locale.parse(BABEL_LOCALE[language]).territories.get(code, code)) if code else ""


def localised_duration(text: str, language: str) -> str:
    """ "10 days" as "10 дней"; a duration the rules cannot read stays as written."""
    delta = parse_duration(text)
    if delta is None:
        return text
    for unit, value in (
        ("year", delta.years),
        ("month", delta.months),
        ("week", delta.days // 7 if delta.days % 7 == 0 and delta.days else 0),
        ("day", delta.days),
    ):
        if value:
            return str(format_unit(value, f"duration-{unit}", length="long", locale=BABEL_LOCALE[language]))
    return text


def names_of(defenders: list[DefenderFacts], language: str) -> str:
    return format_list([d.name for d in defenders], locale=BABEL_LOCALE[language]) if defenders else ""


AUXILIARIES = {
    "en": ("was ", "were "),
    "fr": ("a été ", "ont été "),
    "es": ("fue ", "fueron "),
    "ru": ("была ", "был ", "были "),
}
ARTICLES = ("The ", "A ", "An ", "Les ", "Le ", "La ", "El ", "Los ", "Las ")


def clause(event: EventFacts, victims: list[DefenderFacts], language: str, said: set[str]) -> str:
    """What happened in one event, without the date or the names: "was sentenced to 10 days"."""
    frames = library("narrative")["frames"][language]
    text = str(library("narrative")[language][event.type][gender_key(victims)])
    same_language = event.language == language
    if event.duration and event.type in frames["duration"]:
        text += frames["duration"][event.type].format(duration=localised_duration(event.duration, language))
    agent = event.agent if same_language and frames["by"] else ""
    if agent:
        agent = agent[0].lower() + agent[1:] if agent.startswith(ARTICLES) else agent
        text += frames["by"].format(agent=agent)
    if event.place and event.place not in agent and event.place not in said:
        text += frames["place"].format(place=event.place)
    said.add(event.place)
    if event.legal_basis and same_language:
        text += frames["law"].format(law=event.legal_basis)
    return text


def joined_clauses(clauses: list[str], language: str) -> str:
    """ "was arrested, charged and sentenced": a shared auxiliary is said once."""
    first = clauses[0]
    auxiliary = next((a for a in AUXILIARIES.get(language, ()) if first.startswith(a)), None)
    rest = [c[len(auxiliary) :] if auxiliary and c.startswith(auxiliary) else c for c in clauses[1:]]
    return str(format_list([first, *rest], locale=BABEL_LOCALE[language]))


def day_sentence(
    events: list[EventFacts], defenders: list[DefenderFacts], language: str, *, introduce: bool = False
) -> str:
    """Everything that happened to the same people on one date, as one sentence."""
    first = events[0]
    frames = library("narrative")["frames"][language]
    victims = [d for d in defenders if d.name in first.victims] or defenders
    names = names_of(victims, language)
    if introduce:
        names = introduced(victims, names, language)
    opening = ""
    if first.date is not None:
        key = first.precision if first.precision in ("day", "month", "year") else "day"
        opening = frames[key].format(date=event_date(first, language))
    said: set[str] = set()
    clauses = [clause(e, victims, language, said) for e in events]
    text = opening + names + " " + joined_clauses(clauses, language)
    return text[0].upper() + text[1:] + "."


def introduced(victims: list[DefenderFacts], names: str, language: str) -> str:
    """ "woman human rights defender Zhanar Sekerbayeva", "la défenseure des droits humains ..."."""
    if language == "en":
        return f"{role_phrase(victims).lower()} {names}"
    return pgettext(context_of(victims), "human rights defender %(names)s") % {"names": names}


def by_day(events: list[EventFacts]) -> list[list[EventFacts]]:
    """Events grouped by date and victims, in date order."""
    groups: dict[tuple[object, tuple[str, ...]], list[EventFacts]] = {}
    for event in events:
        groups.setdefault((event.date, event.victims), []).append(event)
    return list(groups.values())


def role_phrase(defenders: list[DefenderFacts]) -> str:
    """ "Woman human rights defender", "Human rights defenders", in the active language."""
    if len(defenders) > 1:
        return _("Human rights defenders")
    if defenders and (defenders[0].gender == "female" or "woman human rights defender" in defenders[0].roles):
        return _("Woman human rights defender")
    return _("Human rights defender")


def what_happened(facts: CaseFacts, defenders: list[DefenderFacts], language: str) -> str:
    """The headline's verb: what the latest telling events did to the defenders."""
    dated = [e for e in facts.events if e.date is not None and e.type != "protest"]
    if not dated:
        return pgettext(context_of(defenders), "at risk")
    latest = max(e.date for e in dated if e.date)
    today = [e for e in dated if e.date == latest]
    types = {e.type for e in today}
    duration = next((e.duration for e in today if e.duration and parse_duration(e.duration)), "")
    context = context_of(defenders)
    length = localised_duration(duration, language) if duration else ""
    if types & DEPRIVATION and length:
        return pgettext(context, "detained for %(duration)s") % {"duration": length}
    if "sentence" in types or "conviction" in types:
        if length:
            return pgettext(context, "sentenced to %(duration)s") % {"duration": length}
        return pgettext(context, "sentenced")
    if types & DEPRIVATION:
        return pgettext(context, "detained")
    for kind, phrase in (
        ("killing", pgettext(context, "killed")),
        ("physical_attack", pgettext(context, "attacked")),
        ("threat", pgettext(context, "threatened")),
        ("charge", pgettext(context, "charged")),
        ("release", pgettext(context, "released")),
    ):
        if kind in types:
            return phrase
    return pgettext(context, "targeted")


def headline(facts: CaseFacts, language: str) -> str:
    defenders = facts.defenders
    return _("%(country)s: %(role)s %(names)s %(what)s") % {
        "country": country_name(facts.country, language),
        "role": role_phrase(defenders),
        "names": names_of(defenders, language),
        "what": what_happened(facts, defenders, language),
    }


def background(defenders: list[DefenderFacts], language: str) -> list[str]:
    paragraphs = []
    for defender in defenders:
        roles = [translated for r in defender.roles if (translated := translated_role(r))]
        if roles:
            paragraphs.append(
                _("%(name)s is a %(roles)s.")
                % {"name": defender.name, "roles": format_list(roles, locale=BABEL_LOCALE[language])}
            )
        if defender.organisations:
            paragraphs.append(
                _("%(name)s works with %(organisations)s.")
                % {
                    "name": defender.name,
                    "organisations": format_list(list(defender.organisations), locale=BABEL_LOCALE[language]),
                }
            )
    return paragraphs


ROLE_MSGIDS = {
    "woman human rights defender": "woman human rights defender",
    "human rights defender": "human rights defender",
    "journalist": "journalist",
    "lawyer": "lawyer",
    "activist": "activist",
    "lgbtqi+ activist": "LGBTQI+ activist",
    "lgbti+ activist": "LGBTI+ activist",
    "environmental defender": "environmental defender",
    "trade unionist": "trade unionist",
    "researcher": "researcher",
    "poet": "poet",
    "co-founder": "co-founder of a human rights organisation",
    "founder": "founder of a human rights organisation",
    "coordinator": "coordinator of a human rights organisation",
    "paralegal": "paralegal",
    "community leader": "community leader",
    "indigenous leader": "Indigenous leader",
}


def translated_role(role: str) -> str:
    """A role in the active language; roles outside the vocabulary are left out."""
    msgid = ROLE_MSGIDS.get(role.lower())
    return _(msgid) if msgid else ""


def split_by_recency(events: list[EventFacts]) -> tuple[list[EventFacts], list[EventFacts]]:
    """Recent events (the narrative) and earlier incidents (the context)."""
    dated = [e for e in events if e.date is not None]
    if not dated:
        return [], []
    latest = max(e.date for e in dated if e.date)
    cutoff = latest - dt.timedelta(days=CONTEXT_DAYS)
    recent = [e for e in dated if e.date and e.date >= cutoff]
    earlier = [e for e in dated if e.date and e.date < cutoff]
    return recent, earlier


def compose(
    facts: CaseFacts,
    *,
    language: str,
    organisation: str,
    published: dt.date,
    addressees: list[dict[str, str]] | None = None,
    demands: list[str] | None = None,
    demands_language: str = "",
    act_before: dt.date | None = None,
) -> Appeal:
    """The appeal for ``facts`` in ``language``; ``demands`` as edited, else from facts or library."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
    if not facts.defenders:
        raise NothingToSay(
            "this version has no defender to write about: for a public appeal, mark the case's "
            "defenders and events public first"
        )
    with translation.override(language):
        defenders = facts.defenders
        recent, earlier = split_by_recency(facts.events)
        country = country_name(facts.country, language)
        chosen_demands, demands_from = choose_demands(facts, language, demands, demands_language)
        appeal = Appeal(
            language=language,
            headline=headline(facts, language),
            dateline=long_date(published, language),
            summary=[
                day_sentence(group, defenders, language, introduce=True) for group in by_day(recent)[-1:]
            ],
            background=background(defenders, language),
            narrative=[day_sentence(group, defenders, language) for group in by_day(recent)[:-1]],
            context=[day_sentence(group, defenders, language) for group in by_day(earlier)],
            position=pgettext(
                context_of(defenders),
                "%(organisation)s strongly condemns the targeting of %(names)s, which it believes "
                "to be a reprisal for peaceful and legitimate human rights work.",
            )
            % {"organisation": organisation, "names": names_of(defenders, language)},
            demands_intro=_("%(organisation)s urges the authorities of %(country)s to:")
            % {"organisation": organisation, "country": country},
            demands=chosen_demands,
            addressees=addressees or [],
            act_before=long_date(act_before, language) if act_before else "",
        )
        if demands_from and demands_from != language:
            appeal.not_translated.append("demands")
    return appeal


def choose_demands(
    facts: CaseFacts, language: str, edited: list[str] | None, edited_language: str
) -> tuple[list[str], str]:
    """Edited demands as typed; else the source's demands in its language; else the library's."""
    if edited:
        return edited, edited_language
    if facts.demands and facts.demands_language == language:
        return facts.demands, language
    names = names_of(facts.defenders, language)
    country = country_name(facts.country, language)
    table = library("demands")[language]
    chosen = [  # in the library's order: release first, general guarantees last
        text.format(names=names, country=country)
        for violation, texts in table.items()
        if violation in facts.violations
        for text in texts
    ]
    chosen += [text.format(names=names, country=country) for text in table["always"]]
    return chosen, language
