"""Each language's typographic rules, applied to every sentence an appeal prints.

French puts a narrow no-break space before ``; : ! ?`` and inside « », and uses the curly
apostrophe; Russian quotes with « »; every language keeps a number on the same line as its
unit (``10 days``, ``10 суток``). Contractions that composition can produce when a phrase is
put after a preposition (``de le`` → ``du``, ``de el`` → ``del``) are made here too.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

QUOTES = re.compile(r"[\"“”„]([^\"“”„]+?)[\"“”]")
UNITS = (
    r"days?|weeks?|months?|years?|hours?|jours?|semaines?|mois|ans?|années?|heures?|días?|semanas?|"
    r"mes(?:es)?|años?|horas?|сут\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет|час\w*|%"
)
NUMBER_UNIT = re.compile(rf"(?<![\d.,])(\d+) (?=(?:{UNITS})\b)")
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
FRENCH_SPACE_BEFORE = re.compile(r"(?<=\S)[ \u00a0\u202f]*([;!?»]|:(?=\s|$))")
FRENCH_SPACE_AFTER = re.compile(r"«[ \u00a0\u202f]*")
FRENCH_ELISION = re.compile(r"\b([Dd]e|[Qq]ue|[Jj]e) (?=[aeiouyàâéèêëîïôûAEIOUYÉÈÀ])")
CONTRACTIONS = {
    "fr": ((r"\bà le ", "au "), (r"\bà les ", "aux "), (r"\bde le ", "du "), (r"\bde les ", "des ")),
    "es": (
        (r"\ba el ", "al "),
        (r"\bde el ", "del "),
        (r"\by (?=[iíIÍ]|[hH][iíÍ](?![aeo]))", "e "),  # "y integrantes" → "e integrantes"
        (r"\bo (?=[oóOÓ]|[hH][oó])", "u "),
    ),
}
GUILLEMETS = {"fr": f"«{NNBSP}\\1{NNBSP}»", "ru": "«\\1»", "es": "«\\1»", "en": "“\\1”"}


def contract(text: str, language: str) -> str:
    """French and Spanish contractions after a phrase is placed behind à/de/a."""
    for pattern, replacement in CONTRACTIONS.get(language, ()):
        text = re.sub(pattern, replacement, text)
    if language == "fr":
        text = FRENCH_ELISION.sub(lambda m: m.group(1)[0] + "’", text)
    return text


def typeset(text: str, language: str) -> str:
    """``text`` with the quotation marks, apostrophes and spaces of ``language``."""
    text = contract(text, language)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "2025 г.." where an abbreviation ends a sentence
    text = QUOTES.sub(GUILLEMETS.get(language, "“\\1”"), text)
    text = APOSTROPHE.sub("’", text)
    text = NUMBER_UNIT.sub(lambda m: m.group(1) + NBSP, text)
    if language == "fr":
        text = FRENCH_SPACE_BEFORE.sub(lambda m: NNBSP + m.group(1), text)
        text = FRENCH_SPACE_AFTER.sub("«" + NNBSP, text)
    return text


def list_end(position: int, total: int, language: str) -> str:
    """What closes item ``position`` of a numbered list: ";" (French: with its space), "." last."""
    if position == total:
        return "."
    return NNBSP + ";" if language == "fr" else ";"
