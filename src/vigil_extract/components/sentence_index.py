"""What the events component asks about one sentence, found once per sentence.

A sentence may hold thousands of triggers (a block repeated without a full stop, as a
damaged or hostile file gives). Asked trigger by trigger, "is there a semicolon between",
"does another trigger stand between", "which legal article", "which duration" and "which
part of the sentence is the subject" each read the whole sentence, and the component grew
with the square of its length. Here each is read once and answered by binary search, so a
trigger costs the words near it. Every answer is the one the plain slice-and-search gives;
offsets are the document's, as in :class:`~vigil_extract.document.Span`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from vigil_extract.components.triggers import Trigger
from vigil_extract.document import DateMention, Sentence

# The splitter of a perpetrator's subject ("police came, then officers arrested her"); the
# index's copy captures how far the look-ahead after "and" reads.
SUBJECT_SPLIT = re.compile(r",|\bthen\b|\band\b(?=\s+(?:then\s+)?\w+ed\b)")
SEPARATOR = re.compile(r",|\bthen\b|\band\b(?=(\s+(?:then\s+)?\w+ed\b))")
# The same at the first character of a subject, where a slice has no character before it.
FIRST_SEPARATOR = re.compile(r",|then\b|and\b(?=(\s+(?:then\s+)?\w+ed\b))")
# The longest preposition phrase ATTACHED_AFTER of the events module accepts ("during the
# afternoon of") has 20 letters; a stretch holding more cannot match it, whatever its spaces.
ATTACHED_LETTERS = 20
STRIPPED = " ,"


def is_word(char: str) -> bool:
    """A character ``\\w`` matches in a ``str`` pattern."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class Separator:
    """A place where a subject splits; ``reach`` is the end of what its match read."""

    start: int
    end: int
    reach: int


@dataclass
class SentenceIndex:
    """A sentence's trigger offsets, semicolons and separators, for binary search."""

    sentence: Sentence
    triggers: tuple[Trigger, ...]
    trigger_starts: list[int]  # document offsets, sorted
    trigger_ends: list[int]
    mentions: list[DateMention]  # the sentence's dates that may date a trigger
    _memo: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of(
        cls, sentence: Sentence, triggers: tuple[Trigger, ...], mentions: list[DateMention]
    ) -> SentenceIndex:
        """The index of ``sentence``, its triggers and the mentions that may date them."""
        base = sentence.span.start
        return cls(
            sentence,
            triggers,
            sorted(base + t.start for t in triggers),
            sorted(base + t.end for t in triggers),
            mentions,
        )

    def mention_order(self, name: str, without: Callable[[DateMention], bool]) -> MentionOrder:
        """The mentions but those ``without`` rejects, ordered (``name`` names the choice)."""
        key = f"mentions {name}"
        if key not in self._memo:
            kept = [n for n, m in enumerate(self.mentions) if not without(m)]
            self._memo[key] = MentionOrder.of(self.sentence, self.mentions, kept)
        order: MentionOrder = self._memo[key]  # type: ignore[assignment]
        return order

    @cached_property
    def mention_starts(self) -> list[int] | None:
        """Where the mentions start, when they are listed in that order (else None)."""
        starts = [m.span.start for m in self.mentions]
        return starts if starts == sorted(starts) else None

    def mentions_from(self, offset: int) -> Iterator[DateMention]:
        """The mentions, less those at the head that start before ``offset`` when in order."""
        starts = self.mention_starts
        first = 0 if starts is None else bisect_left(starts, offset)
        for at in range(first, len(self.mentions)):
            yield self.mentions[at]

    # Slices, as ``text[max(start - base, 0) : max(end - base, 0)]`` gives them.
    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence-local [i, j) the document range [start, end) covers, clipped."""
        size, base = len(self.sentence.text), self.sentence.span.start
        i, j = min(max(start - base, 0), size), min(max(end - base, 0), size)
        return i, max(i, j)

    def length(self, start: int, end: int) -> int:
        i, j = self.bounds(start, end)
        return j - i

    def slice(self, start: int, end: int) -> str:
        i, j = self.bounds(start, end)
        return self.sentence.text[i:j]

    def trigger_starts_in(self, low: int, high: int) -> bool:
        """Does a trigger start at a document offset in [low, high)?"""
        return bisect_left(self.trigger_starts, high) > bisect_left(self.trigger_starts, low)

    def trigger_ends_in(self, low: int, high: int) -> bool:
        """Does a trigger end at a document offset in [low, high]?"""
        return bisect_right(self.trigger_ends, high) > bisect_left(self.trigger_ends, low)

    def trigger_ends_from(self, low: int, high: int) -> list[int]:
        """Trigger ends (document offsets) in [low, high], in order."""
        ends = self.trigger_ends
        return ends[bisect_left(ends, low) : bisect_right(ends, high)]

    @cached_property
    def semicolons(self) -> list[int]:
        return [m.start() for m in re.finditer(";", self.sentence.text)]

    def semicolon_in(self, start: int, end: int) -> bool:
        """Is there a ";" in the slice between two document offsets?"""
        i, j = self.bounds(start, end)
        return bisect_left(self.semicolons, j) > bisect_left(self.semicolons, i)

    def attached_from(self, end: int) -> int:
        """A document offset before which no trigger end can be separated from ``end`` by a
        preposition alone: the text between would hold more than ATTACHED_LETTERS letters."""
        text, base = self.sentence.text, self.sentence.span.start
        position = min(max(end - base, 0), len(text))
        letters = 0
        while position > 0:
            position -= 1
            if not text[position].isspace():
                letters += 1
                if letters > ATTACHED_LETTERS:
                    return base + position + 1
        return base

    def memo(self, key: str, compute: Callable[[], object]) -> object:
        """``compute()`` the first time ``key`` is asked of this sentence."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # The subject of a perpetrator: split as re.split(SUBJECT_SPLIT, text[a:b]) splits it.
    @cached_property
    def separators(self) -> list[Separator]:
        found = []
        for match in SEPARATOR.finditer(self.sentence.text):
            found.append(Separator(match.start(), match.end(), max(match.end(1), match.end())))
        return found

    @cached_property
    def separator_starts(self) -> list[int]:
        return [s.start for s in self.separators]

    @cached_property
    def reach_so_far(self) -> list[int]:
        """The furthest reach of the separators up to each one."""
        furthest, out = -1, []
        for separator in self.separators:
            furthest = max(furthest, separator.reach)
            out.append(furthest)
        return out

    def fitting_chunks(self, nouns: re.Pattern[str]) -> list[int]:
        """Separator numbers k whose following chunk (up to separator k + 1) fits: stripped
        of spaces and commas it is under 120 characters and ``nouns`` finds a word in it."""
        key = f"fitting {nouns.pattern}"
        if key not in self._memo:
            seps = self.separators
            self._memo[key] = [
                k for k in range(len(seps) - 1) if self.fits(seps[k].end, seps[k + 1].start, nouns)
            ]
        found: list[int] = self._memo[key]  # type: ignore[assignment]
        return found

    def fits(self, start: int, end: int, nouns: re.Pattern[str]) -> bool:
        chunk = self.short_stripped(start, end)
        return chunk is not None and nouns.search(chunk) is not None

    def short_stripped(self, start: int, end: int) -> str | None:
        """``text[start:end].strip(" ,")`` when under 120 characters, without copying a long one."""
        text = self.sentence.text
        if end - start >= 120:
            lead = start
            while lead < end and text[lead] in STRIPPED and end - lead >= 120:
                lead += 1
            trail = end
            while trail > lead and text[trail - 1] in STRIPPED and trail - lead >= 120:
                trail -= 1
            if trail - lead >= 120:
                return None
            start, end = lead, trail
        chunk = text[start:end].strip(STRIPPED)
        return chunk if len(chunk) < 120 else None

    def subject_chunks(self, a: int, b: int, nouns: re.Pattern[str]) -> Iterator[tuple[int, int]] | None:
        """Sentence-local chunks of ``text[a:b]`` split at SUBJECT_SPLIT, last first; of the
        whole chunks between the first and the last, only the last that fits (see
        ``fitting_chunks``). None when only the plain split is exact (a subject ending
        inside a word)."""
        text = self.sentence.text
        if a >= b or (b < len(text) and is_word(text[b - 1]) and is_word(text[b])):
            return None
        return self._chunks(a, b, nouns)

    def _chunks(self, a: int, b: int, nouns: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        text, seps = self.sentence.text, self.separators
        low = bisect_right(self.separator_starts, a)  # separators after a; the one at a apart
        k = bisect_left(self.separator_starts, b) - 1
        right = b
        # Separators whose look-ahead reads past b: matched again as the slice ends at b.
        while k >= low and self.reach_so_far[k] > b:
            separator = seps[k]
            if separator.reach <= b or SEPARATOR.match(text, separator.start, b):
                yield separator.end, right
                right = separator.start
            k -= 1
        if k >= low:
            yield seps[k].end, right
            fitting = self.fitting_chunks(nouns)
            at = bisect_right(fitting, k - 1) - 1
            if at >= 0 and fitting[at] >= low:
                whole = fitting[at]
                yield seps[whole].end, seps[whole + 1].start
                # A fitting chunk ends the search; the chunks before it are never read.
                return
            right = seps[low].start
        first = FIRST_SEPARATOR.match(text, a, b)
        if first is None:
            yield a, right
        else:
            yield first.end(), right
            yield a, a


@dataclass(frozen=True)
class MentionOrder:
    """Some of a sentence's mentions (their numbers in its list) ordered by where they end."""

    by_end: list[tuple[int, int]]  # (document end, number)
    longest: int
    outside: list[int]  # numbers of mentions not within the sentence

    @classmethod
    def of(cls, sentence: Sentence, mentions: list[DateMention], kept: list[int]) -> MentionOrder:
        span = sentence.span
        return cls(
            sorted((mentions[n].span.end, n) for n in kept),
            max((mentions[n].span.end - mentions[n].span.start for n in kept), default=0),
            [n for n in kept if not span.contains(mentions[n].span)],
        )

    def ending_by(self, offset: int) -> Iterator[tuple[int, int]]:
        """(end, number) of the mentions ending at or before ``offset``, the latest first."""
        for at in range(bisect_right(self.by_end, (offset, sys.maxsize)) - 1, -1, -1):
            yield self.by_end[at]

    def starting_by(self, after: int, limit: int) -> Iterator[int]:
        """Numbers of the mentions ending after ``after`` that may start by ``limit``."""
        for at in range(bisect_right(self.by_end, (after, sys.maxsize)), len(self.by_end)):
            end, number = self.by_end[at]
            if end - self.longest > limit:
                break
            yield number
        yield from self.outside
