"""Personal names: runs of capitalised words in a sentence, and how two spellings compare.

A run stops at punctuation and at words that cannot be part of a person's name
(institutions, function words, months). Russian inflections (Корнилова / Корнилову) and
small spelling variants (Al-Hajji / Al-Hajii) are folded together by :func:`same_person`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from vigil_extract import vocab
from vigil_extract.document import Span

WORD = re.compile(r"[^\W\d_][\w'’\-]*\.?")
ADJACENT = re.compile(r"[ \t\u00a0]+|\s")


@cache
def word_list(name: str) -> frozenset[str]:
    """One list of ``vocab/names.yaml`` as a set."""
    return frozenset(vocab.load("names")[name])


@dataclass(frozen=True)
class NameRun:
    """A run of capitalised words that may name a person, with any title written before it."""

    text: str
    span: Span
    tokens: tuple[str, ...]
    honorific: str | None
    from_model: bool = False


@cache
def honorifics() -> frozenset[str]:
    return frozenset(vocab.load("roles")["honorifics"])


def name_runs(text: str, offset: int = 0) -> list[NameRun]:
    """Every run of two to five capitalised name words in ``text``, spans shifted by ``offset``."""
    return [
        NameRun(r.text, Span(r.span.start + offset, r.span.end + offset), r.tokens, r.honorific)
        for r in runs_in(text)
    ]


@lru_cache(maxsize=4096)
def runs_in(text: str) -> tuple[NameRun, ...]:
    """Every run of two to five capitalised name words in ``text`` (offsets from its start).

    A run right after or right before a capitalised institution word ("Radio Tlahtolli
    Costa", "Sông Xanh Initiative") names an organisation and is dropped.
    """
    text = NICKNAME.sub(lambda quoted: " " * len(quoted.group()), text)  # offsets stay
    text = KNOWN_AS.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)  # 'known as "Long Hair"'
    text = POSSESSIVE.sub(", ", text)  # "Mr. Nguyen Van Hai’s case": the name ends before "’s"
    runs: list[NameRun] = []
    current: list[re.Match[str]] = []
    honorific: str | None = None
    pending_honorific: str | None = None
    after_institution = False

    def close(*, keep: bool = True) -> None:
        nonlocal current
        while current and current[-1].group().lower().rstrip(".") in word_list("particles"):
            current.pop()
        for part in coordinated(current) if keep else []:
            start, end = part[0].start(), part[-1].end()
            surface = " ".join(text[start:end].rstrip(".").split())
            tokens = tuple(m.group().rstrip(".") for m in part)
            span = Span(start, start + len(text[start:end].rstrip(".")))
            runs.append(NameRun(surface, span, tokens, honorific if part is current else None))
        current = []

    previous_end = 0
    for match in WORD.finditer(text):
        word = match.group()
        bare = word.rstrip(".").lower()
        gap = text[previous_end : match.start()]
        previous_end = match.end()
        adjacent = ADJACENT.fullmatch(gap) is not None
        if current and not adjacent:
            close(keep=not after_institution)
        institution = word[0].isupper() and bare in word_list("organisation_words")
        if bare in honorifics() and word[0].isupper():
            close(keep=not after_institution)
            pending_honorific, after_institution = bare, False
            continue
        if institution and current and adjacent:
            current = []
        if is_name_word(word) or (current and bare in word_list("particles") and not word[0].isupper()):
            if not current:
                honorific = pending_honorific if gap.strip() in ("", ".") else None
                after_institution = after_institution and adjacent
            current.append(match)
            if word.endswith(".") and len(word) > 2:
                close(keep=not after_institution)  # a full stop after a whole word ends the sentence
        else:
            close(keep=not after_institution)
            after_institution = institution
        pending_honorific = None
    close(keep=not after_institution)
    return tuple(runs)


KNOWN_AS = re.compile(
    r"(\b(?:known(?:\s+[^\s.;\"“]+){0,4}?\s+as|dubbed|nicknamed|alias|conocid[oa]\s+como|apodad[oa]|surnommée?|dite?|известн\w+\s+как)\s+)"
    r"([“\"‘«][^”\"’»\n]{1,30}[”\"’»])",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s(?![\w'’-])")
# A nickname in quotes inside or before a name: "Parit “Penguin” Chiwarak", "the activist
# “Long Hair” Leung Kwok-hung". It is blanked (same length, so offsets hold) and the name runs
# across it.
NICKNAME = re.compile(
    r"(?<=\w)[ \t\u00a0]+[“\"‘«][ \t]*[A-ZÀ-Þ][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}[ \t]*[”\"’»]"
    r"(?=[ \t\u00a0]+[A-ZÀ-ÞА-ЯЁ][\w'’-]*[ \t\u00a0,.;:)]|[ \t\u00a0]+[A-ZÀ-ÞА-ЯЁ][\w'’-]*$)"
)


@cache
def role_words() -> frozenset[str]:
    """Single-word role nouns of every language ("Journalist", "Правозащитница"): a capitalised
    one opening a sentence introduces a name and is not part of it."""
    roles = vocab.load("roles")
    words = {
        phrase
        for language in ("en", "fr", "es", "ru")
        for kind in ("hrd", "other")
        for phrase in roles.get(language, {}).get(kind, [])
        if " " not in phrase
    }
    return frozenset(words - KIN)


KIN = {"son", "daughter", "brother", "sister", "mother", "father", "husband", "wife"}  # "Nguyen Van Son"


ELIDED_ARTICLE = re.compile(r"^(?:[A-Za-z]{1,2}['’][a-zà-ÿ]|L['’])")  # "L'avocat", "L’Observateur"


COORDINATORS = {"y", "e", "et", "and", "и"}


def coordinated(run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """A run of two to five words is one name ("Claudia Paz y Paz"); a longer one joined by
    "y"/"et"/"и" is two names when each side has two words or more ("Lázaro Valle Roca y
    Esteban Rodríguez")."""
    if 2 <= len(run) <= 5 and not any(m.group().lower() in COORDINATORS for m in run[2:-1]):
        return [run]
    parts: list[list[re.Match[str]]] = [[]]
    for match in run:
        if match.group().lower() in COORDINATORS:
            parts.append([])
        else:
            parts[-1].append(match)
    if all(2 <= len(part) <= 5 for part in parts):
        return parts
    return [run] if 2 <= len(run) <= 5 else []


def is_name_word(word: str) -> bool:
    bare = word.rstrip(".")
    if not bare or not bare[0].isupper() or ELIDED_ARTICLE.match(bare):
        return False  # "L'avocat", but not "O'Brien" or "D'Souza"
    if bare.lower() in role_words():
        return False
    if len(bare) > 1 and bare.isupper() and not word.endswith("."):
        return False
    lowered = bare.lower()
    if lowered in word_list("stopwords") or lowered in word_list("organisation_words"):
        return False
    return not lowered.endswith(("'s", "’s"))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Case endings of Russian names: "Титиеву", "Склеминой", "Игоря", "Любови" and
# their nominatives share one stem.
RUSSIAN_ENDINGS = (
    "ыми", "ими", "ого", "его", "ому", "ему", "ием", "ией", "еем",
    "ою", "ею", "ой", "ей", "ом", "ем", "ём", "ым", "им", "ую", "юю", "ая", "яя", "ий", "ый",
    "ия", "ию", "ии", "ея", "ею",
    "а", "я", "у", "ю", "ы", "и", "е", "ь", "й",
)  # fmt: skip


@cache
def folded_endings() -> tuple[str, ...]:
    """The endings as :func:`fold` writes them ("й" loses its breve), longest first."""
    return tuple(sorted(dict.fromkeys(fold(e) for e in RUSSIAN_ENDINGS), key=len, reverse=True))


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """A token folded and cut to its stem, so inflected forms of one name compare equal."""
    folded = fold(token).replace("’", "'")
    if any("\u0400" <= ch <= "\u04ff" for ch in folded) and len(folded) >= 3:
        for ending in folded_endings():
            if folded.endswith(ending) and len(folded) - len(ending) >= 2:
                return folded[: -len(ending)]
    return folded


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two names (as tokens) are spellings or parts of one person's name."""
    keys_a = [token_key(t) for t in a if t.lower() not in word_list("particles")]
    keys_b = [token_key(t) for t in b if t.lower() not in word_list("particles")]
    if not keys_a or not keys_b:
        return False
    short, long_ = sorted((keys_a, keys_b), key=len)
    if all(any(same_key(k, other) for other in long_) for k in short):
        last = long_[-1]
        return len(short) >= 2 or short[0] == last or close_spelling(short[0], last)
    return False


def same_key(key: str, other: str) -> bool:
    """Two name words are one: the same, spelt closely, or an initial of the other."""
    return key == other or close_spelling(key, other) or initial_of(key, other)


def initial_of(key: str, other: str) -> bool:
    """ "o" (from "O.") stands for "omar"."""
    return (len(key) == 1 and other.startswith(key)) or (len(other) == 1 and key.startswith(other))


def close_spelling(a: str, b: str) -> bool:
    return len(a) >= 5 and len(b) >= 5 and a[0] == b[0] and fuzz.ratio(a, b) >= 85
