"""Names as keys: the spellings under which two records may be one person or one organisation.

A name is reduced to several *blocking keys*, each a looser equivalence than the last:

- ``exact``: the same writing, ignoring case, diacritics and punctuation (same script);
- ``skeleton``: transliterated to Latin (anyascii), common variants folded (Mohammed /
  Muhammad, Al- / El-, patronymics dropped), vowels dropped, words sorted — so
  "Жанар Секербаева", "Zhanar Sekerbayeva" and "Sekerbaeva Zhanar" share one;
- ``phonetic``: the words' Metaphone codes (jellyfish), sorted;
- ``initial``: the surname's skeleton and the given name's first letter ("Z. Sekerbayeva").

Only ``exact`` may ever reuse a record without a person deciding; the others find
*candidates*, which are scored here and shown to a coordinator with the reasons.
Plain functions, no Django: the database stores keyed hashes of these keys (see ``identity``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from anyascii import anyascii
from rapidfuzz import fuzz

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "madam",
        "mme",
        "mlle",
        "sr",
        "sra",
        "srta",
    ]
)
# Arabic-origin given names and particles written many ways in Latin script.
VARIANTS = {
    **dict.fromkeys(
        [
            "mohammed",
            "mohamed",
            "mohammad",
            "mohamad",
            "muhammed",
            "muhamed",
            "muhammad",
            "mouhamed",
            "mahomed",
            "mehmet",
            "mokhammed",
            "mukhammed",
            "mukhammad",
            "magomed",
        ],
        "muhammad",
    ),
    **dict.fromkeys(["ahmed", "ahmad", "akhmed", "akhmad", "ahmet"], "ahmad"),
    **dict.fromkeys(["abdel", "abdul", "abdal", "abdoul", "abd", "abdu"], "abd"),
    **dict.fromkeys(["hussein", "husain", "hussain", "husein", "hoseyn", "hosein", "huseyn"], "husayn"),
    **dict.fromkeys(["yousef", "youssef", "yusuf", "yusef", "youssouf", "yousif"], "yusuf"),
}
PARTICLES = frozenset(["al", "el", "ul", "ibn", "bin", "ben", "bint"])
PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|ogly|oglu|kyzy|qizi|uly)$")
DIGRAPHS = (
    ("tch", "ch"),
    ("dzh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("x", "ks"),
    ("q", "k"),
)
SKELETON_DROP = frozenset("aeiouyhw")
ORGANISATION_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "for",
        "and",
        "in",
        "on",
        "a",
        "an",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "d",
        "l",
        "el",
        "los",
        "las",
        "y",
        "e",
        "i",
        "et",
        "por",
        "para",
        "и",
        "в",
        "за",
        "по",
        "на",
    ]
)
QUOTED = re.compile(r"[“\"«„']([^”\"»“']{2,})[”\"»“']|\(([^)]{2,})\)")


def fold(text: str) -> str:
    """Case, diacritics and punctuation removed; letters of any script kept."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).replace("_", " ").split())


def without_titles(words: list[str]) -> list[str]:
    return [w for w in words if w not in TITLES] or words


def exact_form(name: str) -> str:
    """The name as written, ignoring only case, punctuation, spacing and titles: equal for the
    same spelling in the same script (accents count: Hải and Hài are two names)."""
    written = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(without_titles(re.sub(r"[^\w]+", " ", written).replace("_", " ").split()))


def script_of(name: str) -> str:
    """The ISO 15924 code of the name's first letter's script (``Latn``, ``Cyrl``, ``Arab``...)."""
    for char in name:
        if char.isalpha():
            first_word = unicodedata.name(char, "").split(" ")[0]
            return SCRIPT_CODES.get(first_word, first_word[:4].title() or "Zyyy")
    return "Zyyy"


SCRIPT_CODES = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "CJK": "Hani",
    "HANGUL": "Hang",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "THAI": "Thai",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "ETHIOPIC": "Ethi",
    "KHMER": "Khmr",
    "MYANMAR": "Mymr",
    "TAMIL": "Taml",
}


def arabic_spoken(name: str) -> str:
    """Arabic letters that Latin spellings write as vowels, made vowels; the article dropped."""
    words = []
    for word in name.split():
        if len(word) > 3 and word.startswith("ال"):
            word = word[2:]
        if word[:1] in "اأإآ":
            word = "a" + word[1:]
        words.append(word.replace("ة", "a"))
    return " ".join(words)


GLUED_ABD = re.compile(r"^(abd)(?:ul|el|al|oul|ou|u|l)?([a-z]{3,})$")


@lru_cache(maxsize=8192)
def latin_words(name: str) -> tuple[str, ...]:
    """The name's words in Latin letters, variants folded, particles and patronymics dropped."""
    latin = anyascii(fold(arabic_spoken(name))).lower()
    # Arabic hamza and ayn come out as ' and `: a vowel at the start of a word, silent inside.
    latin = re.sub(r"(?:(?<=\s)|^)['`]", "a", latin).replace("'", "").replace("`", "")
    words = without_titles(re.sub(r"[^a-z0-9]+", " ", latin).split())
    words = [part for w in words for part in GLUED_ABD.sub(r"\1 \2", w).split()]
    words = [VARIANTS.get(w, w) for w in words]
    kept = [unglued(w) if i > 0 else w for i, w in enumerate(words) if not (w in PARTICLES and i > 0)]
    if len(kept) >= 3:
        kept = [w for w in kept if not PATRONYMIC.search(w)] or kept
    return tuple(kept)


def unglued(word: str) -> str:
    """A surname with its article written on ("Alkhawaja", "Elkhoury") without it."""
    if len(word) >= 7 and word[:2] in ("al", "el") and word[2] not in "aeiouy":
        return word[2:]
    return word


def skeleton(word: str) -> str:
    """First letter (a vowel as ``a``), then the consonants, doubled ones once."""
    for written, said in DIGRAPHS:
        word = word.replace(written, said)
    if not word:
        return ""
    head = "a" if word[0] in "aeiouy" else word[0]
    letters = [head]
    for char in word[1:]:
        if char not in SKELETON_DROP and char != letters[-1]:
            letters.append(char)
    return "".join(letters)


@dataclass(frozen=True)
class NameKeys:
    """The blocking keys of one name (plain text; the store keeps keyed hashes of them)."""

    exact: str
    skeleton: str
    phonetic: str
    initial: str


@lru_cache(maxsize=8192)
def person_keys(name: str) -> NameKeys:
    words = latin_words(name)
    initial = ""
    if len(words) >= 2:
        initial = f"{skeleton(words[-1])} {words[0][0]}"
    return NameKeys(
        exact=exact_form(name),
        skeleton=" ".join(sorted(skeleton(w) for w in words)),
        phonetic=" ".join(sorted(jellyfish.metaphone(w) for w in words)),
        initial=initial,
    )


def is_initialled(name: str) -> bool:
    """True when the given name is only an initial ("Z. Sekerbayeva", "A Ali")."""
    words = re.sub(r"[^\w]+", " ", name).split()
    return len(words) >= 2 and len(words[0]) == 1


def organisation_words(name: str) -> list[str]:
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(fold(name)).lower()).split()
    return [w for w in words if w not in ORGANISATION_STOPWORDS] or words


def organisation_keys(name: str) -> NameKeys:
    words = organisation_words(name)
    return NameKeys(
        exact=exact_form(name),
        skeleton=" ".join(skeleton(w) for w in words),
        phonetic=" ".join(jellyfish.metaphone(w) for w in words),
        initial="",
    )


def short_names(name: str) -> list[str]:
    """Names an organisation's full name carries inside it: «Feminita», (KFI)."""
    found = [m.group(1) or m.group(2) for m in QUOTED.finditer(name)]
    return [f.strip() for f in found if f.strip() and exact_form(f) != exact_form(name)]


def name_similarity(a: str, b: str) -> float:
    """0–100: how alike two names are once both are in Latin letters with variants folded."""
    words_a, words_b = latin_words(a), latin_words(b)
    if not words_a or not words_b:
        return 0.0
    spelled = fuzz.token_sort_ratio(" ".join(words_a), " ".join(words_b))
    consonants = fuzz.ratio(person_keys(a).skeleton, person_keys(b).skeleton)
    return float(max(spelled, consonants))


FEMININE_ENDINGS = ("a", "e", "ne", "na")


def other_gender_forms(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """True when a word differs only as a feminine from a masculine form (Ivanov / Ivanova,
    Luis / Luisa, Jean / Jeanne, Mario / Maria): relatives or namesakes, not one person."""
    for a, b in zip(sorted(words_a), sorted(words_b), strict=False):
        if a == b:
            continue
        short, long_ = sorted((a, b), key=len)
        if long_.startswith(short) and long_[len(short) :] in FEMININE_ENDINGS:
            return True
        if len(a) == len(b) > 2 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}:
            return True
    return False


@dataclass(frozen=True)
class Likeness:
    """How two names compare: a score and the reasons a coordinator reads."""

    score: float
    reasons: tuple[str, ...]


def compare_person_names(a: str, b: str) -> Likeness | None:
    """Score and reasons when two spellings may be one person, else None.

    The caller adds what the records say (country, organisations, dates).
    """
    keys_a, keys_b = person_keys(a), person_keys(b)
    words_a, words_b = latin_words(a), latin_words(b)
    reasons: list[str] = []
    if keys_a.exact == keys_b.exact:
        reasons.append("same name")
    elif words_a == words_b:
        reasons.append(
            "same name in another script" if script_of(a) != script_of(b) else "same name, other spelling"
        )
    elif sorted(words_a) == sorted(words_b):
        reasons.append("same words in another order")
    else:
        if keys_a.skeleton == keys_b.skeleton:
            reasons.append("same consonants (a spelling variant)")
        if keys_a.phonetic == keys_b.phonetic:
            reasons.append("sounds alike")
        if keys_a.initial and keys_a.initial == keys_b.initial and (is_initialled(a) or is_initialled(b)):
            reasons.append("same surname and initial")
    if not reasons or other_gender_forms(words_a, words_b):
        return None
    if script_of(a) != script_of(b) and "same name in another script" not in reasons:
        reasons.append("written in another script")
    return Likeness(name_similarity(a, b), tuple(reasons))
