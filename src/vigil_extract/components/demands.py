"""Demands made of the authorities: list items after a cue such as "urges the authorities to:",
and single demands inside sentences ("I urge you to release ...", "called for the release of
X", "réclame la libération de", "exigen su liberación"), or a sentence that is a demand as a
whole ("They must be released immediately"), in order, as written."""

from __future__ import annotations

import re
from functools import cache

from vigil_extract import vocab
from vigil_extract.components.segment import LIST_MARKER
from vigil_extract.document import Demand, Document, Sentence, Span

MAX_ITEMS = 15
MIN_DEMAND_CHARS = 10  # "su liberación."
# A word every inline cue holds: a sentence without one is not searched further.
DEMAND_WORD = re.compile(
    r"urg|call|ask|request|demand|please|encourag|implor|exhort|pri[eo]|inst[aoó]|pid|pedi|exig|призыв|призв|треб|прос|must|"
    r"should|réclam|appel|solicit|reclam|llam|seek|want|invit|enjoin|obtenir|plaid|doi[tv]|debe|"
    r"должн|ruego|exhorto|необходимо|следует|настаива|devr|deber|appeal|insist|imperative|essential|crucial|vital",
    re.IGNORECASE,
)


@cache
def intro_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in vocab.load("demands")["intro"]]


@cache
def inline_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in vocab.load("demands")["inline"]]


@cache
def whole_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in vocab.load("demands").get("whole", [])]


def find_demands(doc: Document) -> Document:
    """Fill ``doc.demands`` from demand lists, or from demand sentences when there is no list."""
    demands: list[Demand] = []
    sentences = doc.sentences
    for index, sentence in enumerate(sentences):
        if sentence.boilerplate or not is_intro(sentence):
            continue
        demands.extend(list_after(doc, index))
    if not demands:
        demands = inline_demands(doc)
    doc.demands = demands
    return doc


def is_intro(sentence: Sentence) -> bool:
    text = sentence.text.strip("*# ")
    if not (text.endswith((":", "：")) or sentence.is_heading):
        return False
    return any(p.search(text) for p in intro_patterns())


def list_after(doc: Document, index: int) -> list[Demand]:
    """The list items that follow an intro sentence, up to the first paragraph of prose."""
    found: list[Demand] = []
    marked = False
    intro_block = doc.sentences[index].block
    for sentence in doc.sentences[index + 1 : index + 1 + MAX_ITEMS]:
        if sentence.boilerplate:
            break
        text = sentence.text.rstrip()
        # A list that lost its numbers (copied text, a PDF): items end with ";", the last with "."
        unmarked_item = not marked and (text.endswith(";") or (bool(found) and text.endswith(".")))
        if sentence.is_list_item or unmarked_item:
            marked = marked or sentence.is_list_item
            found.append(as_demand(doc, sentence.span))
            if unmarked_item and not sentence.is_list_item and text.endswith("."):
                break
        elif sentence.block <= intro_block + 1 and not found and sentence.is_heading:
            found.append(as_demand(doc, sentence.span))
        else:
            break
    return found


def as_demand(
    doc: Document, span: Span, cue: str = "listed after a demand cue", confidence: float = 0.85
) -> Demand:
    """The demand text without its list marker and closing punctuation."""
    text = doc.span_text(span)
    marker = LIST_MARKER.match(text)
    start = span.start + (marker.end() if marker else 0)
    end = span.end
    while end > start and doc.text[end - 1] in " ;.,\n":
        end -= 1
    if doc.text[end - 4 : end] == " and" or doc.text[end - 3 : end] in (" et", " y", " и"):
        end -= 4 if doc.text[end - 4 : end] == " and" else 3
        while end > start and doc.text[end - 1] in " ;.,":
            end -= 1
    return Demand(doc.text[start:end], Span(start, end), cue, confidence)


@cache
def clause_patterns(language: str) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in vocab.load("demands")["clauses"].get(language, [])]


def split_clauses(text: str, start: int, language: str) -> list[tuple[int, int]]:
    """One demand per clause: "we demand X and call for Y", "освободить X и прекратить Y",
    "que informe X y garantice Y" are two demands each."""
    cuts = sorted((m.start(), m.end()) for p in clause_patterns(language) for m in p.finditer(text, start))
    pieces: list[tuple[int, int]] = []
    begin = start
    for cut_start, cut_end in cuts:
        if cut_start - begin >= MIN_DEMAND_CHARS and cut_start >= begin:
            pieces.append((begin, cut_start))
            begin = cut_end
    pieces.append((begin, len(text)))
    return pieces


def inline_demands(doc: Document) -> list[Demand]:
    """Demands written inside sentences: the words after "urge you to", "calls on ... to"."""
    found: list[Demand] = []
    language = doc.language or "en"
    for sentence in doc.content_sentences():
        if sentence.span == doc.title_span or not DEMAND_WORD.search(sentence.text):
            continue
        whole = next((m for p in whole_patterns() if (m := p.search(sentence.text))), None)
        if whole is not None:
            found.append(as_demand(doc, sentence.span, f"demanding sentence: {whole.group()}", 0.6))
            continue
        matches = [m for p in inline_patterns() if (m := p.search(sentence.text))]
        match = min(matches, key=lambda m: m.start(), default=None)  # the first cue of the sentence
        if match and len(sentence.text) - match.end() > MIN_DEMAND_CHARS:
            cue = f"inline cue: {match.group().strip()}"
            for start, end in split_clauses(sentence.text, match.end(), language):
                span = Span(sentence.span.start + start, sentence.span.start + end)
                found.append(as_demand(doc, span, cue, 0.7))
    return found
