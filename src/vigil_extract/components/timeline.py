"""The dates of a document in reading order: relative dates resolved against what came before.

A date told in the pluperfect ("she had participated in a protest on 13 May 2024") is
background: it does not become the reference of a later "on the same day". Dates after
publication, "until" dates, a UN-style dateline and "today condemned ..." date something other
than a happening and are flagged as such.

A day or month written without its year ("on 29 May", "in January") takes the year of a date
told nearby (the same sentence, the same paragraph, the sentence before); failing that the
year of the item's own date (the year before for a month well after it). An item without a
date of its own lets the last month and year told anywhere pin it, never a bare year told
elsewhere ("founded in 1996"), and a "since 2019" pins nothing. An item without a date of its
own also lets a year written later in the same paragraph pin a day told before it ("arrested on
17 March ... the trial is set for 26 March 2015").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from vigil_extract.components.calendar import is_after
from vigil_extract.components.dates import RawDate, RawMention, find_dates, resolve
from vigil_extract.document import DateMention, Document, PartialDate, Sentence

# "UN experts today condemned ...": the day of the statement, not of anything it reports.
REPORTING_AFTER = re.compile(  # matched where the date ends
    r"\s+(?:expressed|condemned|said|called|urged|welcomed|voiced|raised|stated|denounced|announced|"
    r"warned|issued|published|released\s+a|exprim\w*|condamn\w*|expres\w*|conden\w*|заявил\w*)\b",
    re.IGNORECASE,
)
BACKGROUND = re.compile(r"\bhad\s+(?:\w+ly\s+|not\s+)?(?:been\s+)?\w+(?:ed|en|ne|wn|ght|id)\b")
# "since 2019", "desde 2013": where a state of things began, not a day of the story.
SINCE = re.compile(r"^(?:since|desde|depuis|с)\b", re.IGNORECASE)
NEARBY_SENTENCES = 1


@dataclass(frozen=True)
class Anchor:
    """The date later relative and year-less dates are read against, and where it was told."""

    date: PartialDate
    block: int
    index: int
    year_written: bool = True

    def pins_year_of(self, sentence: Sentence, index: int, published: PartialDate | None) -> bool:
        """A year told in the same paragraph pins a year-less date; a month and year also from
        the sentence before, or from anywhere when the item has no date of its own. A year the
        text did not write (taken from the item's date) pins nothing."""
        if published is not None and not self.year_written:
            return False
        if sentence.block == self.block:
            return True
        if self.date.month is None:
            return False
        return published is None or index - self.index <= NEARBY_SENTENCES


def is_offset(found: RawMention) -> bool:
    return any(raw.relative == "offset" for raw in found.dates)


def mark_dates(doc: Document) -> Document:
    """Find and resolve the dates of every content sentence, in reading order."""
    anchor: Anchor | None = None
    latest_day: PartialDate | None = None  # the story's latest day, for "the day after" said later
    language = doc.language or "en"
    waiting: list[tuple[int, int, RawMention]] = []  # year-less days no year before pinned
    for index, sentence in enumerate(doc.sentences):
        if sentence.boilerplate:
            continue
        mentions: list[DateMention] = []
        last_dated: DateMention | None = None  # the sentence's last mention with a date
        background_sentence: bool | None = None  # found once per sentence, when first asked
        for raw_mention in find_dates(sentence.text, sentence.span.start, language):
            dated = last_dated is not None
            local_anchor = last_dated.dates[-1] if last_dated else anchor.date if anchor else doc.published
            if local_anchor is not None and local_anchor.day is None and latest_day is not None:
                local_anchor = latest_day if is_offset(raw_mention) else local_anchor
            pinned = bool(dated) or bool(anchor and anchor.pins_year_of(sentence, index, doc.published))
            resolved = tuple(
                date
                for raw in raw_mention.dates
                if (date := resolve_one(raw, local_anchor, pinned, doc.published)) is not None
            )
            if not resolved:
                if any(raw.month for raw in raw_mention.dates):  # a day the text does not pin
                    if doc.published is None:
                        waiting.append((index, len(mentions), raw_mention))
                    mentions.append(DateMention(raw_mention.span, ()))
                continue
            local_end = raw_mention.span.end - sentence.span.start
            future = (
                raw_mention.until
                or bool(doc.published and any(is_after(d, doc.published) for d in resolved))
                or REPORTING_AFTER.match(sentence.text, local_end) is not None
                or (doc.dateline is not None and doc.dateline.contains(raw_mention.span))
            )
            relative = any(raw.relative for raw in raw_mention.dates)
            if background_sentence is None:
                background_sentence = bool(BACKGROUND.search(sentence.text))
            background = background_sentence
            last_dated = DateMention(raw_mention.span, resolved, relative, future, background)
            mentions.append(last_dated)
            since = SINCE.match(doc.text[raw_mention.span.start : raw_mention.span.end]) is not None
            if not future and not background and not since:
                written = any(raw.year is not None for raw in raw_mention.dates)
                date = resolved[-1] if relative else replace(resolved[0])
                anchor = Anchor(date, sentence.block, index, written or relative)
                days = [d for d in resolved if d.day is not None]
                if days and (latest_day is None or max(days) > latest_day):
                    latest_day = max(days)
        if mentions:
            doc.dates[index] = mentions
        waiting = pin_waiting(doc, waiting, sentence.block, mentions)
    return doc


def pin_waiting(
    doc: Document, waiting: list[tuple[int, int, RawMention]], block: int, mentions: list[DateMention]
) -> list[tuple[int, int, RawMention]]:
    """Give the year of the first date written with its year in the paragraph to the year-less
    days told before it there; a day from an earlier paragraph is never pinned so."""
    waiting = [w for w in waiting if doc.sentences[w[0]].block == block]
    year = next(
        (
            date.year
            for mention in mentions
            if not mention.relative and mention.dates and not mention.background
            for date in mention.dates[:1]
            if date.month is not None
        ),
        None,
    )
    if year is None or not waiting:
        return waiting
    for index, number, raw_mention in waiting:
        dates = tuple(PartialDate(year, raw.month, raw.day) for raw in raw_mention.dates if raw.month)
        old = doc.dates[index][number]
        doc.dates[index][number] = DateMention(old.span, dates)
    return []


def resolve_one(
    raw: RawDate, anchor: PartialDate | None, pinned: bool, published: PartialDate | None
) -> PartialDate | None:
    """Resolve ``raw``; a date written without its year takes the anchor's only when the anchor
    was told nearby (``pinned``), else the year of publication, else none. A day more than a
    month after publication is last year's ("on 28 December" in a February item); one just
    after is announced ("a hearing set for 20 March" in a 3 March item)."""
    if raw.relative is not None or raw.year is not None or pinned:
        return resolve(raw, anchor=anchor, published=published)
    if published is None or raw.month is None:
        return None
    months_after = raw.month - (published.month or 12)
    year = published.year - 1 if months_after > 1 else published.year
    return PartialDate(year, raw.month, raw.day)
