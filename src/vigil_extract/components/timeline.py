"""The dates of a document in reading order: relative dates resolved against what came before.

A date told in the pluperfect ("she had participated in a protest on 13 May 2024") is
background: it does not become the reference of a later "on the same day". Dates after
publication, "until" dates, a UN-style dateline and "today condemned ..." date something other
than a happening and are flagged as such.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vigil_extract.components.calendar import is_after
from vigil_extract.components.dates import RawMention, find_dates, resolve
from vigil_extract.document import DateMention, Document, PartialDate

# "UN experts today condemned ...": the day of the statement, not of anything it reports.
REPORTING_AFTER = re.compile(
    r"^\s+(?:expressed|condemned|said|called|urged|welcomed|voiced|raised|stated|denounced|announced|"
    r"warned|issued|published|released\s+a|exprim\w*|condamn\w*|expres\w*|conden\w*|заявил\w*)\b",
    re.IGNORECASE,
)
BACKGROUND = re.compile(r"\bhad\s+(?:\w+ly\s+|not\s+)?(?:been\s+)?\w+(?:ed|en|ne|wn|ght|id)\b")


def is_offset(found: RawMention) -> bool:
    return any(raw.relative == "offset" for raw in found.dates)


def mark_dates(doc: Document) -> Document:
    """Find and resolve the dates of every content sentence, in reading order."""
    anchor = doc.published
    latest_day: PartialDate | None = None  # the story's latest day, for "the day after" said later
    language = doc.language or "en"
    for index, sentence in enumerate(doc.sentences):
        if sentence.boilerplate:
            continue
        mentions: list[DateMention] = []
        for raw_mention in find_dates(sentence.text, sentence.span.start, language):
            local_anchor = mentions[-1].dates[-1] if mentions else anchor
            if local_anchor is not None and local_anchor.day is None and latest_day is not None:
                local_anchor = latest_day if is_offset(raw_mention) else local_anchor
            resolved = tuple(
                date
                for raw in raw_mention.dates
                if (date := resolve(raw, anchor=local_anchor, published=doc.published)) is not None
            )
            if not resolved:
                continue
            local_end = raw_mention.span.end - sentence.span.start
            future = (
                raw_mention.until
                or bool(doc.published and any(is_after(d, doc.published) for d in resolved))
                or REPORTING_AFTER.match(sentence.text[local_end:]) is not None
                or (doc.dateline is not None and doc.dateline.contains(raw_mention.span))
            )
            relative = any(raw.relative for raw in raw_mention.dates)
            background = bool(BACKGROUND.search(sentence.text))
            mentions.append(DateMention(raw_mention.span, resolved, relative, future, background))
            if not future and not background:
                anchor = resolved[-1] if relative else replace(resolved[0])
                days = [d for d in resolved if d.day is not None]
                if days and (latest_day is None or max(days) > latest_day):
                    latest_day = max(days)
        if mentions:
            doc.dates[index] = mentions
    return doc
