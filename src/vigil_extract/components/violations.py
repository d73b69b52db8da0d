"""Violations: what the text documents, derived from every event it tells and named outright.

Each event type documents a violation (``vocab/event_types.yaml``) and may imply others
(``vocab/violations.yaml``: a sentence passed in a trial is judicial harassment too). Events
without a date still document a violation: every factual trigger in a sentence about a
defender (or naming nobody) counts, for the violations a text tells as a state of affairs.
And the text may name the violation itself ("arbitrary detention", "harcèlement
judiciaire"), in a demand too.
"""

from __future__ import annotations

import re
from functools import cache

from vigil_extract import vocab
from vigil_extract.components.names import name_runs, same_person
from vigil_extract.components.triggers import NEGATED, WORD, find_triggers, phrase_pattern
from vigil_extract.document import Document, Finding, Sentence

# An undated trigger about the defenders documents violations a text tells as a state of
# affairs ("she is detained", "he was sentenced") and those real texts often tell without a
# year ("police searched his home", "fined 20,000 roubles"); attacks, threats and the rest need
# a dated event (texts tell them of others and as patterns: "defenders are then attacked").
WITHOUT_DATE = {
    "arbitrary_detention",
    "judicial_harassment",
    "enforced_disappearance",
    "sentence",
    "travel_ban",
    "raid",
    "fine",
}


Cue = tuple[str, re.Pattern[str]]  # the violation a phrase names, and the phrase


@cache
def cue_index(language: str) -> tuple[dict[str, list[Cue]], list[tuple[str, str, re.Pattern[str]]]]:
    """Cue phrases compiled one by one and indexed by their first word (stems apart): a sentence
    is searched only for the phrases whose first word it holds."""
    table = vocab.load("violations")["cues"].get(language) or vocab.load("violations")["cues"]["en"]
    by_word: dict[str, list[Cue]] = {}
    stems: list[tuple[str, str, re.Pattern[str]]] = []
    for violation, phrases in table.items():
        for phrase in phrases:
            first = phrase.split()[0]
            pattern = re.compile(phrase_pattern(phrase), re.IGNORECASE)
            if first.endswith("*"):
                stems.append((first.rstrip("*").lower(), violation, pattern))
            else:
                by_word.setdefault(first.lower(), []).append((violation, pattern))
    return by_word, stems


def cues_in(text: str, language: str) -> list[tuple[str, re.Match[str]]]:
    """Every cue phrase of the language in ``text``, with the violation it names."""
    lowered = text.lower()
    by_word, stems = cue_index(language)
    patterns = [entry for word in set(WORD.findall(lowered)) & by_word.keys() for entry in by_word[word]]
    patterns += [(violation, pattern) for stem, violation, pattern in stems if stem in lowered]
    return [(violation, match) for violation, pattern in patterns for match in pattern.finditer(text)]


def documented(event_type: str) -> list[str]:
    """The violations one event of ``event_type`` documents."""
    own = vocab.load("event_types")["event_types"].get(event_type)
    implied = vocab.load("violations")["implies"].get(event_type, [])
    return ([own] if own else []) + [v for v in implied if v != own]


def violations(doc: Document) -> Document:
    """The violation types the text documents, in order of first appearance."""
    found: list[tuple[int, str, Finding]] = []
    language = doc.language or "en"
    for event in doc.events:
        cue = Finding(f"{event.type} event: {event.trigger}", 0.85)
        found.extend((event.evidence.start, v, cue) for v in documented(event.type))
    demanded = [d.evidence for d in doc.demands]
    for sentence in doc.content_sentences():
        wished = any(sentence.span.start < d.end and d.start < sentence.span.end for d in demanded)
        about = not wished and about_the_defenders(doc, sentence)
        for trigger in find_triggers(sentence.text, language) if about else ():
            undated = [v for v in documented(trigger.type) if v in WITHOUT_DATE]
            cue = Finding(f"undated {trigger.type}: {sentence.text[trigger.start : trigger.end]}", 0.6)
            found.extend((sentence.span.start + trigger.start, v, cue) for v in undated)
        for violation, match in cues_in(sentence.text, language):
            if not NEGATED.search(sentence.text[max(0, match.start() - 30) : match.start()]):
                cue = Finding(f"phrase: {match.group()}", 0.75)
                found.append((sentence.span.start + match.start(), violation, cue))
    findings: dict[str, Finding] = {}
    for _, violation, cue in sorted(found, key=lambda item: item[0]):
        if violation not in findings or cue.confidence > findings[violation].confidence:
            findings[violation] = cue
    doc.violations = list(findings)
    doc.violation_findings = findings
    return doc


def about_the_defenders(doc: Document, sentence: Sentence) -> bool:
    """A sentence that names a defender, or names nobody (it speaks of those already named)."""
    runs = sentence.names if sentence.names is not None else name_runs(sentence.text)
    if not runs:
        return bool(doc.defenders)
    tokens = [tuple(d.name.split()) for d in doc.defenders]
    return any(same_person(run.tokens, t) for run in runs for t in tokens)
