"""Extraction components grow with their text, not with its square (issue 10).

A damaged or hostile file can hold one block repeated thousands of times without a full
stop: one sentence with thousands of triggers and names. The work is counted, not timed:
every Python and C call the component makes (``sys.setprofile``), and the characters handed
to the regular expressions of its modules that scan a string (search, finditer, split, sub;
an anchored match reads what it matches, and is counted once). Four times the text may cost
a little over four times the work, never sixteen. Segmentation's last word before a full
stop, read backwards, is checked against the split it replaces.

Every text is fictional, written for these tests."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from types import FrameType, ModuleType
from typing import Any

import pytest

from vigil_extract.components import events, mentions, people, segment, sentence_index, timeline
from vigil_extract.document import Document
from vigil_extract.pipeline import COMPONENTS, DEFAULT_ORDER

HEAD = "3 April 2025\n\nTarvelia: teacher Lena Fictiva detained\n\n"
SHAPES: dict[str, Callable[[int], str]] = {
    # One date, then the block again and again (the hostile generator's inputs 28 and 156).
    "one date": lambda n: (
        HEAD
        + "On 2 April 2025, officers detained the teacher Lena Fictiva"
        + " and officers detained the teacher Lena Fictiva" * n
        + ".\n"
    ),
    # A date in every block: every trigger has dates before and after it.
    "a date in each block": lambda n: (
        HEAD
        + "".join(
            f"on {day % 28 + 1} March 2025 guards detained Lena Fictiva in Orvane and " for day in range(n)
        )
        + "she stayed.\n"
    ),
    # A date in a clause about something else in every block ("which took place on").
    "a side clause's date in each block": lambda n: (
        HEAD
        + "".join(
            f"guards detained Lena Fictiva at rallies which took place on {day % 28 + 1} March 2025 and "
            for day in range(n)
        )
        + "she stayed.\n"
    ),
    # Commas and "then": a subject split in many parts before each trigger.
    "commas": lambda n: (
        HEAD
        + "On 2 April 2025, in Orvane"
        + ", a crowd gathered, then officers detained Lena Fictiva" * n
        + ".\n"
    ),
}
SCANS = ("search", "finditer", "findall", "split", "sub", "subn")


class Counted:
    """A compiled pattern that tallies the characters its scans may read, then scans."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self.pattern, self.tally = pattern, tally

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.pattern, name)
        if name not in SCANS and name not in ("match", "fullmatch"):
            return method

        def counted(*args: Any, **kwargs: Any) -> Any:
            if name in SCANS:
                string = args[1] if name in ("sub", "subn") else args[0]
                pos = args[1] if name not in ("sub", "subn", "split") and len(args) > 1 else 0
                endpos = args[2] if name not in ("sub", "subn", "split") and len(args) > 2 else len(string)
                self.tally[0] += max(0, min(endpos, len(string)) - pos)
            else:
                self.tally[0] += 1
            return method(*args, **kwargs)

        return counted


COMPONENT_MODULES: dict[str, tuple[ModuleType, ...]] = {
    "dates": (timeline,),
    "events": (events, sentence_index),
    "people": (people, mentions),
}


def prepared(text: str, component: str = "events") -> Document:
    """The document as the pipeline hands it to ``component``."""
    doc = Document(text=text, source="scale.txt", format="text")
    for name in DEFAULT_ORDER[: DEFAULT_ORDER.index(component)]:
        doc = COMPONENTS[name](doc)
    return doc


def patterns(module: ModuleType) -> Iterator[tuple[str, re.Pattern[str]]]:
    for name, value in vars(module).items():
        if isinstance(value, re.Pattern):
            yield name, value


def work(text: str, monkeypatch: pytest.MonkeyPatch, component: str = "events") -> tuple[int, int, Document]:
    """(calls, characters scanned, document) of one run of ``component``."""
    doc = prepared(text, component)
    tally = [0]
    with monkeypatch.context() as patch:
        for module in COMPONENT_MODULES[component]:
            for name, pattern in patterns(module):
                patch.setattr(module, name, Counted(pattern, tally))
        legal = events.legal_patterns
        patch.setattr(events, "legal_patterns", lambda language: [Counted(p, tally) for p in legal(language)])
        calls = [0]

        def count(frame: FrameType, event: str, arg: object) -> None:
            if event in ("call", "c_call"):
                calls[0] += 1

        sys.setprofile(count)
        try:
            COMPONENTS[component](doc)
        finally:
            sys.setprofile(None)
    return calls[0], tally[0], doc


@pytest.mark.parametrize("component", COMPONENT_MODULES)
@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_is_about_four_times_the_work(
    shape: str, component: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    work(SHAPES[shape](10), monkeypatch, component)  # vocabularies and patterns loaded first
    small_calls, small_chars, small = work(SHAPES[shape](60), monkeypatch, component)
    large_calls, large_chars, large = work(SHAPES[shape](240), monkeypatch, component)
    # The texts are what the test says: one long sentence with a trigger in every block, about
    # a defender, dated.
    sentence = max(large.sentences, key=lambda s: len(s.text))
    assert len(events.find_triggers(sentence.text, "en")) >= 240
    assert large.dates
    assert component == "dates" or [d.name for d in large.defenders] == ["Lena Fictiva"]
    assert component != "events" or (small.events and large.events)
    assert large_calls <= 4.5 * small_calls, (small_calls, large_calls)
    assert large_chars <= 4.5 * small_chars, (small_chars, large_chars)


def test_the_same_events_whatever_the_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """Repeating a block adds nothing to tell: the events of 60 and 240 repeats are the same."""
    for shape in SHAPES:
        small = prepared(SHAPES[shape](60))
        large = prepared(SHAPES[shape](240))
        events.find_events(small)
        events.find_events(large)
        assert [(e.date, e.type, e.perpetrator) for e in small.events] == [
            (e.date, e.type, e.perpetrator) for e in large.events
        ], shape


def test_the_letter_bound_of_a_preposition_alone_holds() -> None:
    """The index skips trigger ends more than ATTACHED_LETTERS letters before a date, because
    the events module's ATTACHED_AFTER ("only a preposition between") cannot match there: its
    longest phrase without the spaces must fit the bound."""
    from re import _parser  # type: ignore[attr-defined]

    letters_only = re.sub(r"\\s[*+]", "", events.ATTACHED_AFTER.pattern)
    assert _parser.parse(letters_only).getwidth()[1] <= sentence_index.ATTACHED_LETTERS
    assert events.ATTACHED_AFTER.match(" during  the afternoon\tof ")


@pytest.mark.parametrize(
    "fragment",
    [
        "",
        ".",
        " . .",
        "Ms.",
        "said Ms.",
        "Sept.",
        "in Sept.",
        "x . .",
        "(Dr.",
        "a\u00a0b.",
        "word\n\t...",
        "the end!",
    ],
)
def test_the_last_word_read_backwards_is_the_split_one(fragment: str) -> None:
    """Segmentation reads a fragment's last word back from its end (a fragment grows over every
    abbreviation it passes, "Ms. X, Ms. Y, ..."): the word is the one splitting it gives."""
    words = fragment.rstrip(".").split()
    padded = "Ms. Example, " + fragment
    assert segment.last_word(padded, len(padded) - len(fragment), len(padded)) == (
        words[-1] if words else None
    )
