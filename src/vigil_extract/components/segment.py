"""Split a document into blocks, lines and sentences, keeping character offsets.

Blocks are separated by blank lines. A block of short lines (a letterhead, a list, an
address) is kept line by line; a wrapped paragraph is one unit split into sentences.
"""

from __future__ import annotations

import re
from itertools import pairwise

from vigil_extract.document import Document, Sentence, Span

BLOCK_SEPARATOR = re.compile(r"\n[ \t\u00a0]*\n+|\f")
LIST_MARKER = re.compile(
    r"^\s*(?:[-–—•·*▪●◦]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|\(?(?:i{1,3}|iv|v|vi{0,3})[.)])\s+"
)
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“«(\[*]*[A-ZÀ-ÖØ-ÞА-ЯЁ0-9¿¡])")
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "nos",
    "art",
    "arts",
    "p.m",
    "a.m",
    "e.g",
    "i.e",
    "etc",
    "vs",
    "prof",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
    "jr",
    "sr",
    "sra",
    "mme",
    "mlle",
    "me",
    "m",
    "op",
    "para",
    "ch",
    "vol",
    "pp",
    "p",
    "inc",
    "ltd",
    "co",
    "dept",
    "gov",
    "г",
    "ул",
    "ст",
    "им",
    "т.е",
    "т.д",
    "д",
    "ч",
    "п",
    "approx",
    "ca",
    "cf",
    "u.s",
    "u.n",
}
# "Jan. 18, 2018": a month's abbreviation before its day ends no sentence.
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
MAX_HEADING_CHARS = 160


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences`` with every sentence, heading and list item of the text."""
    sentences: list[Sentence] = []
    for block_index, (start, end) in enumerate(block_spans(doc.text)):
        for unit_start, unit_end in unit_spans(doc.text, start, end):
            sentences.extend(split_unit(doc.text, unit_start, unit_end, block_index))
    doc.sentences = sentences
    return doc


def block_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in BLOCK_SEPARATOR.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    blocks = [trimmed for s, e in spans if (trimmed := trim(text, s, e))[0] < trimmed[1]]
    return join_broken_paragraphs(text, blocks)


def join_broken_paragraphs(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a paragraph cut by a page break: no closing punctuation, then a lowercase start."""
    joined: list[tuple[int, int]] = []
    for start, end in blocks:
        if joined and text[start].islower() and text[joined[-1][1] - 1].isalnum():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def unit_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph is one unit; a block of list items or short lines gives one unit per line."""
    lines, position = [], start
    for raw in text[start:end].split("\n"):
        lines.append(trim(text, position, position + len(raw)))
        position += len(raw) + 1
    lines = [line for line in lines if line[0] < line[1]]
    if len(lines) == 1:
        return lines
    line_texts = [text[s:e] for s, e in lines]
    if is_wrapped_heading(line_texts):
        return [(start, end)]
    if (
        any(LIST_MARKER.match(t) for t in line_texts)
        or all(len(t) < 60 for t in line_texts)
        or (len(line_texts) >= 3 and not any(continues_prose(a, b) for a, b in pairwise(line_texts)))
    ):
        return merge_continuations(text, lines)
    return [(start, end)]


def continues_prose(line: str, following: str) -> bool:
    """A wrapped sentence: the line stops mid-phrase and the next goes on in lowercase."""
    return (
        bool(line) and bool(following) and (line[-1].isalpha() or line[-1] == ",") and following[0].islower()
    )


def is_wrapped_heading(lines: list[str]) -> bool:
    """A headline wrapped onto a second short line: one heading, not two."""
    return (
        len(lines) == 2
        and len(lines[0]) >= 60
        and len(lines[1]) < 40
        and sum(map(len, lines)) <= MAX_HEADING_CHARS
        and not any(line.rstrip().endswith((".", ";", ",", ":")) for line in lines)
        and not LIST_MARKER.match(lines[0])
    )


def merge_continuations(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a wrapped list item's continuation lines onto the item they belong to."""
    units: list[tuple[int, int]] = []
    for line_start, line_end in lines:
        line = text[line_start:line_end]
        previous = text[units[-1][0] : units[-1][1]] if units else ""
        continues = (
            units
            and not LIST_MARKER.match(line)
            and LIST_MARKER.match(previous)
            and (line[:1].islower() or not previous.rstrip().endswith((".", ";", ":", "!", "?")))
        )
        if continues:
            units[-1] = (units[-1][0], line_end)
        else:
            units.append((line_start, line_end))
    return units


def split_unit(text: str, start: int, end: int, block: int) -> list[Sentence]:
    unit = text[start:end]
    is_item = bool(LIST_MARKER.match(unit))
    is_heading = (
        not is_item
        and len(unit) <= MAX_HEADING_CHARS
        and unit.count("\n") <= 1
        and not unit.rstrip().endswith((".", ";", ","))
    )
    if is_item or is_heading:
        return [Sentence(Span(start, end), unit, block, is_heading, is_item)]
    sentences, position = [], 0
    for match in SENTENCE_END.finditer(unit):
        last = last_word(unit, position, match.start() + 1)
        if ends_with_abbreviation(last) or month_before_day(last, unit[match.end() : match.end() + 1]):
            continue
        s, e = trim(text, start + position, start + match.end())
        if s < e:
            sentences.append(Sentence(Span(s, e), text[s:e], block))
        position = match.end()
    s, e = trim(text, start + position, end)
    if s < e:
        sentences.append(Sentence(Span(s, e), text[s:e], block))
    return sentences


def last_word(text: str, start: int, end: int) -> str | None:
    """``text[start:end].rstrip(".").split()[-1]`` (None for no word), read back from ``end``:
    a fragment grows over every abbreviation it passes ("Ms. X, Ms. Y, ..."), its last word not."""
    stop = end
    while stop > start and text[stop - 1] == ".":
        stop -= 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop] if begin < stop else None


def month_before_day(last: str | None, following: str) -> bool:
    """ "Sept. 5": the full stop after a month's abbreviation (``last``, the fragment's last word)."""
    return last is not None and following.isdigit() and last.lower() in MONTH_ABBREVIATIONS


def ends_with_abbreviation(last_word: str | None) -> bool:
    """True when the full stop after ``last_word`` (a fragment's last word) belongs to an
    abbreviation or an initial."""
    if last_word is None:
        return False
    last = last_word.strip("(\"'“«*[").lower()
    if last in ABBREVIATIONS:
        return True
    return len(last) == 1 and last.isalpha()
