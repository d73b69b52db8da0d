"""The document being read and the facts found in it, each with its evidence span.

Offsets are character offsets into ``Document.text``, the decoded text that
``vigil extract --text FILE`` prints, so a reviewer can always see where a fact came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in the document text."""

    start: int
    end: int

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass
class Sentence:
    """A sentence (or list item, or heading line) with its place in the text."""

    span: Span
    text: str
    block: int
    is_heading: bool = False
    is_list_item: bool = False
    boilerplate: bool = False
    places: list[Any] | None = field(default=None, repr=False, compare=False)
    names: list[Any] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence, resolved to one or more partial dates (none when the text
    does not pin its year: the triggers near it then stay undated)."""

    span: Span
    dates: tuple[PartialDate, ...]
    relative: bool = False
    future: bool = False
    background: bool = False


@dataclass
class Defender:
    """A human rights defender the document is about."""

    name: str
    gender: str = "unknown"
    roles: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    evidence: Span | None = None
    mentions: list[Span] = field(default_factory=list)
    cue: str = ""
    confidence: float = 0.0


@dataclass
class Event:
    """One dated happening, read from one sentence."""

    date: PartialDate | None
    type: str
    evidence: Span
    location: str | None = None
    perpetrator: str | None = None
    victims: list[str] = field(default_factory=list)
    legal_basis: str | None = None
    duration: str | None = None
    trigger: str = ""
    confidence: float = 0.0


@dataclass
class Demand:
    """A demand made of the authorities, as written."""

    text: str
    evidence: Span
    cue: str = ""
    confidence: float = 0.0


@dataclass(frozen=True)
class Finding:
    """Why a document-level fact (a violation, the country) was found: the cue and how sure."""

    cue: str
    confidence: float


@dataclass
class Document:
    """A decoded document and everything the pipeline has found in it so far."""

    text: str
    source: str = ""
    format: str = "text"
    sentences: list[Sentence] = field(default_factory=list)
    language: str | None = None
    title: str | None = None
    title_span: Span | None = None
    dateline: Span | None = None
    published: PartialDate | None = None
    publisher: str | None = None
    country: str | None = None
    countries_seen: dict[str, float] = field(default_factory=dict)
    dates: dict[int, list[DateMention]] = field(default_factory=dict)
    defenders: list[Defender] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    violation_findings: dict[str, Finding] = field(default_factory=dict)
    country_finding: Finding | None = None
    demands: list[Demand] = field(default_factory=list)
    named_people: list[Span] = field(default_factory=list)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def content_sentences(self) -> list[Sentence]:
        """Sentences that may carry facts: not letterhead, footer or other boilerplate."""
        return [s for s in self.sentences if not s.boilerplate]
