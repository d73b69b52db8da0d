"""Name candidates: the runs of capitalised words of a sentence that may name a person.

Runs come from the rules (:func:`vigil_extract.components.names.name_runs`) and the optional
NER model; this module drops those that are not people's names in context: a common word
opening a sentence, runs of words the text also writes in lowercase, demonyms, places.
"""

from __future__ import annotations

import re
from functools import cache

from vigil_extract.components.names import NameRun, name_runs
from vigil_extract.components.places import find_places
from vigil_extract.document import Document, Sentence, Span


def lowercase_words(text: str) -> frozenset[str]:
    """Words the text writes in lowercase somewhere."""
    return frozenset(LOWERCASE_WORD.findall(text))


LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-zà-öø-ÿа-яё][a-zà-öø-ÿа-яё]+(?![\w'’-])")
OPENING = re.compile(r"^[\W\d]{0,4}$")
# A Russian word opening a sentence that is an adverb or an adjective, not a name: "Позже", "Задержанного".
RUSSIAN_ADVERB = re.compile(r"(?:[ая]льно|ельно|[ае]нно|чно|ее|ше|же|ого|его|ому|ему|ых|ую|ые)$")


def quoted_names(text: str) -> frozenset[str]:
    """Stems of the one-word names the text writes in quotes ("Вясна", «Белсат»): bodies, which
    a declined form may put before a person's name ("зампредседателя Вясны Валентина Пример")."""
    return frozenset(QUOTED_WORD_ENDING.sub("", m.group(1).lower()) for m in QUOTED_WORD.finditer(text))


QUOTED_WORD = re.compile(r"[«\"“„]([A-ZА-ЯЁ][\w-]{3,})[»\"”“]")
QUOTED_WORD_ENDING = re.compile(r"[аеёиоуыэюяaeiouy]$")


def opens_with_a_quoted_name(run: NameRun, quoted: frozenset[str]) -> bool:
    first = run.tokens[0].lower()
    return any(first.startswith(stem) and len(first) - len(stem) <= 2 for stem in quoted)


def without_common_opening(
    sentence: Sentence, runs: list[NameRun], common: frozenset[str], quoted: frozenset[str] = frozenset()
) -> list[NameRun]:
    """A run opening the sentence with a word the text also writes in lowercase ("Prominent
    Russian lawyer ...", "Among them is ...") starts with a common word, not a name: drop it.
    A run of nothing but such words ("Administratively Arrested Persons") is no name at all."""
    kept = []
    for run in runs:
        if not run.from_model and all(token.lower() in common for token in run.tokens):
            continue
        opening = OPENING.match(sentence.text[: run.span.start - sentence.span.start]) is not None
        if len(run.tokens) > 2 and (names_a_country(run.tokens[0]) or opens_with_a_quoted_name(run, quoted)):
            drop = run.text.index(run.tokens[1], len(run.tokens[0]))
            run = NameRun(run.text[drop:], Span(run.span.start + drop, run.span.end), run.tokens[1:], None)
        first = run.tokens[0].lower()
        if opening and not run.from_model and (first in common or RUSSIAN_ADVERB.search(first)):
            if len(run.tokens) <= 2:
                continue
            drop = run.text.index(run.tokens[1], len(run.tokens[0]))
            run = NameRun(run.text[drop:], Span(run.span.start + drop, run.span.end), run.tokens[1:], None)
        kept.append(run)
    return kept


def runs_of(doc: Document, sentence: Sentence) -> list[NameRun]:
    """The sentence's name runs by rule, then any the model found that the rules did not."""
    runs = name_runs(sentence.text, sentence.span.start)
    by_rule = {run.span for run in runs}
    return runs + [run for run in model_runs(doc, sentence) if run.span not in by_rule]


def model_runs(doc: Document, sentence: Sentence) -> list[NameRun]:
    """Names the optional NER model found in the sentence, as runs like any other."""
    runs = []
    for span in doc.named_people:
        if sentence.span.contains(span):
            text = doc.span_text(span)
            tokens = tuple(text.split())
            if len(tokens) >= 2:
                runs.append(NameRun(text, span, tokens, None, from_model=True))
    return runs


@cache
def names_a_country(token: str) -> bool:
    """A country's name or demonym, in any case ("Беларуси", "Kenyan")."""
    return any(m.kind in ("country", "demonym") and m.name == token for m in find_places(token))


@cache
def token_is_demonym(token: str) -> bool:
    return any(m.kind == "demonym" and m.name == token for m in find_places(token))


def is_place(name: str) -> bool:
    return any(m.span.start == 0 and m.span.end >= len(name) - 1 for m in find_places(name))
