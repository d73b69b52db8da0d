"""The story an appeal tells: one sentence per day (or per repeated event), true to the facts.

Each sentence says only what the event's fields say: who it happened to (the defenders or
organisations it names), what (the verb for its type; a neutral sentence for ``other``), when,
where, by whom (a hedge such as "reportedly" kept in grammatical form), under which law, for
what conduct, and the penalty. The same event on several dates is one sentence ("fined on 19
and 21 February 2025").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vigil.appeals import russian
from vigil.appeals.facts import DefenderFacts, EventFacts
from vigil.appeals.wording import (
    Value,
    Words,
    dates_phrase,
    duration_value,
    fill,
    form_of,
    joined,
    library,
    names_value,
    organisation_name,
    pick,
    role_form,
)

HEDGES = (("reportedly ", "reportedly"), ("allegedly ", "allegedly"), ("persons believed to be ", "believed"))
SENTENCING = {"sentence", "conviction"}
HOLDING = {"arrest", "detention"}
JUDICIAL = {
    "arrest",
    "detention",
    "charge",
    "judicial_harassment",
    "trial",
    "hearing",
    "conviction",
    "sentence",
}
CONTEXT_DAYS = 60


@dataclass
class Told:
    """An event as told, with every date it happened on."""

    event: EventFacts
    dates: list[dt.date] = field(default_factory=list)


def told(events: list[EventFacts]) -> list[Told]:
    """Dated events in order, the same event on several dates told once."""
    result: list[Told] = []
    for event in sorted(events, key=lambda e: e.date or dt.date.min):
        if event.date is None:
            continue
        same = next((t for t in result if repeats(t.event, event)), None)
        if same is not None:
            same.dates.append(event.date)
        else:
            result.append(Told(event, [event.date]))
    return result


def repeats(first: EventFacts, other: EventFacts) -> bool:
    keys = (
        "type",
        "victims",
        "organisations",
        "agent",
        "place",
        "legal_basis",
        "conduct",
        "penalty",
        "precision",
    )
    return first.precision == "day" and all(getattr(first, k) == getattr(other, k) for k in keys)


def story_and_context(events: list[Told]) -> tuple[list[Told], list[Told]]:
    """The story that leads to the latest events, and earlier incidents apart from it.

    The story is everything within ``CONTEXT_DAYS`` of the latest date, and any earlier
    arrest, charge or protest that a later judicial step in it follows from.
    """
    if not events:
        return [], []
    latest = max(t.dates[-1] for t in events)
    cutoff = latest - dt.timedelta(days=CONTEXT_DAYS)
    recent = [t for t in events if t.dates[-1] >= cutoff]
    judicial = any(t.event.type in JUDICIAL - {"arrest"} for t in recent)
    story = [t for t in events if t in recent or (judicial and t.event.type in JUDICIAL | {"protest"})]
    return story, [t for t in events if t not in story]


def same_day(events: list[Told]) -> list[list[Told]]:
    """Single-date events on the same day to the same people, grouped; order kept."""
    groups: list[list[Told]] = []
    for item in events:
        last = groups[-1][0] if groups else None
        if (
            last is not None
            and len(item.dates) == 1
            and len(last.dates) == 1
            and last.dates == item.dates
            and (last.event.victims, last.event.organisations)
            == (item.event.victims, item.event.organisations)
        ):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


@dataclass
class Teller:
    """Tells events in one language, for the defenders of one version."""

    defenders: list[DefenderFacts]
    words: Words
    today: dt.date
    introduced: set[str] = field(default_factory=set)

    @property
    def language(self) -> str:
        return self.words.language

    @property
    def frames(self) -> dict[str, object]:
        frames: dict[str, object] = library("narrative")[self.language]["frames"]
        return frames

    def frame(self, key: str, raw: bool = False) -> str:
        if raw and f"{key}_raw" in self.frames:
            return str(self.frames[f"{key}_raw"])
        return str(self.frames[key])

    def sentence(self, group: list[Told]) -> str:
        """One sentence: the date, who, and what happened to them that day."""
        first = group[0]
        people = [d for d in self.defenders if d.name in first.event.victims]
        opening = (
            fill(
                self.frame("days" if len(first.dates) > 1 else first.event.precision),
                {"date": dates_phrase(first.dates, first.event.precision, self.language)},
            )
            if first.event.precision in ("day", "month", "year")
            else ""
        )
        subject, form, person_subject = self.subject(first.event, people)
        said: set[str] = set()
        clauses = [self.clause(t.event, form, person_subject, said) for t in group]
        text = finish(f"{opening}{subject} {self.joined_clauses(clauses)}")
        held = [self.held_in(t.event, people) for t in group if t.event.detention_place and people]
        return " ".join([text, *held])

    def subject(self, event: EventFacts, people: list[DefenderFacts]) -> tuple[str, str, bool]:
        """Who the event happened to, the agreement form, and whether they are people."""
        organisations = [organisation_name(o, self.language) for o in event.organisations]
        if not people:
            return joined(organisations, self.language), "sg" if len(organisations) == 1 else "pl", False
        first_time = any(p.name not in self.introduced for p in people)
        self.introduced.update(p.name for p in people)
        value = names_value(people, self.language, with_role=first_time)
        names = value("nomn") if callable(value) else value
        if organisations:
            return joined([names, *organisations], self.language), "pl", True
        return names, role_form(people) if len(people) == 1 else form_of([p.gender for p in people]), True

    def verb(self, event_type: str, form: str, person_subject: bool) -> str:
        table = library("narrative")[self.language]
        if person_subject:
            return pick(table["verbs"].get(event_type, table["verbs"]["other"]), form)
        forms = table["organisation_verbs"].get(event_type, table["organisation_verbs"]["other"])
        return str(forms[form])

    def clause(self, event: EventFacts, form: str, person_subject: bool, said: set[str]) -> str:
        before = event.type == "hearing" and bool(event.agent) and person_subject
        text = self.verb("hearing_before" if before else event.type, form, person_subject)
        text += self.penalty(event)
        text += self.agent(event, frame="before" if before else "")
        if event.place and event.place not in event.agent and event.place not in said:
            place, ok = self.words.place(event.place)
            text += fill(self.frame("place", raw=not ok), {"place": self.declinable(place, ok)})
            said.add(event.place)
        for key, value in (("law", event.legal_basis), ("conduct", event.conduct)):
            if value:
                translated, ok = self.words.text(value, written_in=event.language or "en")
                text += fill(self.frame(key, raw=not ok), {key: self.declinable(translated, ok)})
        return text

    def penalty(self, event: EventFacts) -> str:
        if not event.duration or event.type not in SENTENCING | HOLDING:
            return ""
        arrest = event.penalty == "administrative_arrest"
        duration = duration_value(event.duration, self.language, arrest=arrest)
        if event.type in HOLDING:
            return fill(self.frame("held_for"), {"duration": duration})
        if event.penalty:
            penalty = str(library("narrative")[self.language]["penalties"][event.penalty])
            return fill(
                self.frame("penalty"), {"duration": duration, "penalty": self.declinable(penalty, True)}
            )
        return fill(self.frame("term"), {"duration": duration})

    def agent(self, event: EventFacts, frame: str = "") -> str:
        agent = event.agent.strip()
        if not agent:
            return ""
        hedge = next((kind for prefix, kind in HEDGES if agent.lower().startswith(prefix)), "")
        if hedge:
            agent = agent[len(next(p for p, k in HEDGES if k == hedge)) :]
        agent = lower_article(agent)
        translated, ok = self.words.text(agent, written_in=event.language or "en")
        value = self.declinable(translated, ok)
        if hedge:
            hedged = self.frames["hedged"]
            assert isinstance(hedged, dict)
            template = (
                str(hedged[hedge]) if ok or "hedged_raw" not in self.frames else self.frame("hedged_raw")
            )
            return fill(template, {"agent": value})
        key = frame or ("by_other" if event.type == "other" else "by")
        if self.language == "ru" and key == "by" and ok and not self.passive(event):
            key = "by_active"
        return fill(self.frame(key, raw=not ok), {"agent": value})

    def passive(self, event: EventFacts) -> bool:
        """Whether the Russian verb is a passive participle (агент в творительном падеже)."""
        verb = pick(library("narrative")["ru"]["verbs"].get(event.type, {"m": ""}), "m")
        return verb.startswith(tuple(library("narrative")["ru"]["auxiliaries"])) or verb.endswith(
            ("ён", "ан", "ен")
        )

    def declinable(self, text: str, translated: bool) -> Value:
        if self.language == "ru" and translated and russian.is_cyrillic(text):
            return lambda case: russian.decline_phrase(text, case)
        return text

    def joined_clauses(self, clauses: list[str]) -> str:
        """ "was arrested, charged and sentenced": a shared auxiliary is said once."""
        auxiliaries = library("narrative")[self.language]["auxiliaries"]
        first = clauses[0]
        auxiliary = next((a for a in auxiliaries if first.startswith(a)), None)
        rest = [c[len(auxiliary) :] if auxiliary and c.startswith(auxiliary) else c for c in clauses[1:]]
        return joined([first, *rest], self.language)

    def held_in(self, event: EventFacts, people: list[DefenderFacts]) -> str:
        place, ok = self.words.text(event.detention_place, written_in=event.language or "en")
        frames = self.frames["held_in_raw" if not ok and "held_in_raw" in self.frames else "held_in"]
        assert isinstance(frames, dict)
        return fill(
            pick(frames, role_form(people) if len(people) == 1 else form_of([p.gender for p in people])),
            {"place": self.declinable(place, ok)},
        )


def lower_article(text: str) -> str:
    """ "The Court in Almaty" reads "the Court in Almaty" inside a sentence."""
    return text[0].lower() + text[1:] if re.match(r"(The|A|An|Les?|La|El|Los|Las) ", text) else text


def finish(text: str) -> str:
    """Capitalised, one full stop, no comma before it."""
    text = re.sub(r"[,\s]+$", "", text.strip())
    text = re.sub(r",\s*,", ",", text)
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."
