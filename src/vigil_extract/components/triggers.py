"""Trigger phrases: the words that say something happened, and whether the text says it did.

Phrases come from ``vocab/triggers.yaml`` per language. A phrase ending in ``*`` is a stem;
``…`` stands for up to five words ("found … guilty" matches "found Ms. Akhi guilty").
A trigger is dropped when the text denies it ("was never charged"), wishes it ("must be
released"), supposes it ("if found guilty"), describes an ongoing state in a side clause
("while they were held") or only deplores it ("condemned the killing of"); and when the word
does not tell a happening: a document released ("released a statement"), a participle used
as an adjective ("families of detained activists"), a word inside a proper name ("the
Committee of the Disappeared"), a count of victims ("12 journalists were killed in 2017").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from vigil_extract import vocab

NEGATED = re.compile(
    r"(?:\bnever|\bnot|\bwithout\s+being|\bno\s+one\s+was|\bnobody\s+was|\bnunca|\bjamais|\bpas|\bне)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
NOT_FACTUAL = re.compile(
    r"\b(?:must|should|shall|ought\s+to|to\s+be|be|is\s+being|are\s+being|risk\s+of|fear\s+of|"
    r"if|unless|s'il|s’il|si|в\s+случае|"
    r"doit|doivent|debe|deben|должн\w*|être)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "released a joint statement", "a report released Tuesday": a document, not a person, is freed.
DOCUMENT = (
    r"(?:statements?|reports?|videos?|letters?|communiqués?|declarations?|documents?|findings|"
    r"footage|books?|films?|documentar(?:y|ies)|list|figures|data|audio|recordings?|photos?|"
    r"images?|informe|comunicado|declaración|rapport|déclaration|доклад\w*|заявлени\w*)"
)
DOCUMENT_RELEASED = re.compile(
    rf"^\s+(?:(?:a|an|the|its|their|his|her|un|une|le|la|les|el|los)\s+)?(?:[\w-]+\s+){{0,2}}{DOCUMENT}\b",
    re.IGNORECASE,
)
DOCUMENT_BEFORE = re.compile(rf"\b{DOCUMENT}\s+(?:was\s+|were\s+|is\s+|are\s+)?$", re.IGNORECASE)
# "families of detained activists", "the jailed leaders": a participle before its noun.
DETERMINER_BEFORE = re.compile(
    r"\b(?:of|the|their|his|her|its|other|several|many|all|two|three|four|five|\d+)\s+$", re.IGNORECASE
)
PLURAL_ARTICLE_BEFORE = re.compile(
    r"\b(?:les|des|aux|ces|leurs|plusieurs|autres|anciens|nombreux|deux|trois|quatre|cinq|\d+)\s+$",
    re.IGNORECASE,
)
NOUN_AFTER = re.compile(r"^\s+(?!by\b|on\b|in\b|at\b|for\b|and\b|or\b|from\b|since\b|during\b|after\b)[a-z]")
# "12 periodistas fueron asesinados", "killed over 140 people": a count, not a happening.
COUNT_BEFORE = re.compile(
    r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d[\d,.]*\d\s+(?:[\w-]+\s+){1,3}"
    r"(?:were|have\s+been|had\s+been|fueron|han\s+sido|habían\s+sido|ont\s+été|avaient\s+été|"
    r"sont|были|было)\s+$",
    re.IGNORECASE,
)
COUNT_AFTER = re.compile(
    r"^\s+(?:(?:over|more\s+than|at\s+least|nearly|almost|some|about|plus\s+de|más\s+de|более)\s+)?"
    r"\d[\d,.]*\s",
    re.IGNORECASE,
)
# "disparu(e)s", "détenu·e·s": French inclusive writing names people, not a happening.
INCLUSIVE_AFTER = re.compile(r"^(?:\(e\)|·e|\.e\.|-e-)", re.IGNORECASE)
NAME_WORD_BEFORE = re.compile(r"[A-ZÀ-ÞА-ЯЁ][\w'’-]*\s+(?:(?:of|the|de|des|los|las|la|du)\s+)*$")
SIDE_CLAUSE = re.compile(r"^\s*(?:while|whereas|pendant\s+qu|mientras)\b", re.IGNORECASE)
DEPLORED = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|alarm\w*\s+(?:at|by|about)|concern\w*\s+(?:at|about|over|by)|"
    r"outrage\w*\s+(?:at|by|over)|condamn\w*|dénonc\w*|conden\w*|denunci\w*|осужда\w*)"
    r"\s+(?:the\s+|la\s+|le\s+|les\s+|el\s+|los\s+)?(?:[\w'’,-]+\s+){0,6}$",
    re.IGNORECASE,
)
NOMINAL_ENDINGS = (
    "ing",
    "tion",
    "ment",
    "ance",
    "ban",
    "trial",
    "threat",
    "threats",
    "of",
    "arrest",
    "murder",
)
NOMINAL_ENDINGS_BY_LANGUAGE = {
    "es": (
        "ción",
        "miento",
        "mientos",
        "amenazas",
        "amenaza",
        "audiencia",
        "juicio",
        "multa",
        "vigilancia",
        "agresión",
        "atentado",
        "marcha",
        "manifestación",
        "seguimientos",
        "señalamientos",
        "panfleto",
        "amenaza de muerte",
        "amenazas de muerte",
        "prisión preventiva",
        "detención preventiva",
        "homicidio",
        "asesinato",
    ),
    "fr": (
        "tion",
        "ment",
        "menaces",
        "procès",
        "audience",
        "peine",
        "amende",
        "perquisition",
        "surveillance",
        "rassemblement",
        "garde à vue",
        "détention provisoire",
        "menaces de mort",
        "interdiction de voyager",
        "campagne de dénigrement",
        "meurtre",
        "assassinat de",
        "relaxe de",
    ),
    "ru": ("ние", "ния", "процесс", "угроз", "штраф", "пикет", "митинг", "слежк", "травл", "убийств"),
}
WORD = re.compile(r"[\w'’-]+")
# A French past participle as the vocabulary writes it: masculine or feminine singular.
FRENCH_PARTICIPLE = re.compile(r"^(\w+(?:é|u|i|is|it))e?$")
STEM_ENDING = r"(?!\w*mente\b)\w*"  # "seguid*" is "seguida", never the adverb "seguidamente"
WORD_GAP = r"\s+(?:[\w'’.\-«»“”\"]+\s+){0,5}?[«“\"„]?"  # up to five words, a quotation may open


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase found in a sentence; nominal triggers name an act without telling it."""

    type: str
    start: int
    end: int
    nominal: bool


def phrase_pattern(phrase: str) -> str:
    """A trigger phrase as a regular expression (see the module docstring)."""
    parts = []
    for part in phrase.split("…"):
        words = [re.escape(w.rstrip("*")) + (STEM_ENDING if w.endswith("*") else "") for w in part.split()]
        if words:
            parts.append(r"\s+".join(words))
    ending = "" if phrase.endswith("*") else r"(?![\w-])"
    return r"(?<![\w-])" + WORD_GAP.join(parts) + ending


def is_nominal(phrase: str, language: str) -> bool:
    """A noun names an act without telling it ("the threats", "la criminalización"): it needs a
    date in its own sentence."""
    if language == "en":
        return not re.search(r"ed\b|en\b", phrase) and phrase.endswith(NOMINAL_ENDINGS)
    return phrase.rstrip("*").endswith(NOMINAL_ENDINGS_BY_LANGUAGE.get(language, ()))


@dataclass(frozen=True)
class TriggerPattern:
    """A compiled trigger phrase, with the literal word a sentence must hold for it to match."""

    type: str
    pattern: re.Pattern[str]
    nominal: bool
    anchor: str


@cache
def trigger_phrases(language: str) -> tuple[tuple[str, str], ...]:
    """(event type, phrase) of the language, French participles in all four agreements."""
    table = vocab.load("triggers").get(language) or vocab.load("triggers")["en"]
    found: dict[tuple[str, str], None] = {}
    for event_type, phrases in table.items():
        for phrase in phrases:
            for form in agreements(phrase) if language == "fr" else (phrase,):
                found[(event_type, form)] = None
    return tuple(found)


def agreements(phrase: str) -> tuple[str, ...]:
    """ "arrêté" is also "arrêtée", "arrêtés" and "arrêtées"; "détenu" "détenus" (the first word)."""
    first, _, rest = phrase.partition(" ")
    match = FRENCH_PARTICIPLE.match(first)
    if match is None:
        return (phrase,)
    stem = match.group(1)
    endings = ("", "e", "es") if stem.endswith("s") else ("", "e", "s", "es")  # "mis", "mise", "mises"
    return tuple(" ".join(filter(None, (stem + ending, rest))) for ending in endings)


@cache
def trigger_patterns(language: str) -> list[TriggerPattern]:
    return [
        TriggerPattern(
            event_type,
            re.compile(phrase_pattern(phrase), re.IGNORECASE),
            is_nominal(phrase, language),
            phrase.split()[0].rstrip("*").lower(),
        )
        for event_type, phrase in trigger_phrases(language)
    ]


@cache
def patterns_by_anchor(language: str) -> tuple[dict[str, list[TriggerPattern]], list[TriggerPattern]]:
    """Trigger patterns keyed by their first word; stems (``арестова*``) apart."""
    by_word: dict[str, list[TriggerPattern]] = {}
    stems: list[TriggerPattern] = []
    phrases = [phrase for _, phrase in trigger_phrases(language)]
    for trigger, phrase in zip(trigger_patterns(language), phrases, strict=True):
        if phrase.split()[0].endswith("*"):
            stems.append(trigger)
        else:
            by_word.setdefault(trigger.anchor, []).append(trigger)
    return by_word, stems


def candidates(text: str, language: str) -> list[TriggerPattern]:
    """Only the patterns whose first word occurs in the sentence."""
    lowered = text.lower()
    by_word, stems = patterns_by_anchor(language)
    words = set(WORD.findall(lowered))
    words |= {re.split(r"['’]", word)[-1] for word in words if "'" in word or "’" in word}  # l’incarcération
    found = [trigger for word in words & by_word.keys() for trigger in by_word[word]]
    found.extend(trigger for trigger in stems if trigger.anchor in lowered)
    return found


def reports_a_happening(text: str, start: int) -> bool:
    """False when the words before a trigger deny, wish, background or merely deplore it."""
    before = text[max(0, start - 60) : start]
    clause = re.split(r"[,;:(]|\s[–—]\s", before)[-1]
    return not (
        NEGATED.search(before[-30:])
        or NOT_FACTUAL.search(before[-25:])
        or SIDE_CLAUSE.match(clause)
        or DEPLORED.search(before)
    )


def tells_a_happening(text: str, event_type: str, start: int, end: int) -> bool:
    """False when the word itself is not a happening: a document released, a participle before
    its noun, a word of a proper name, a count of victims."""
    before, after, word = text[max(0, start - 60) : start], text[end : end + 60], text[start:end]
    if event_type == "release" and (DOCUMENT_RELEASED.match(after) or DOCUMENT_BEFORE.search(before)):
        return False
    if " " not in word and word.endswith(("ed", "os", "as")) and adjective_position(before, after):
        return False
    if " " not in word and word.endswith("s") and PLURAL_ARTICLE_BEFORE.search(before):
        return False  # "les détenus", "des disparus": the people, not a happening
    if INCLUSIVE_AFTER.match(after):
        return False
    if word[:1].isupper() and start > 0 and (NAME_WORD_BEFORE.search(before) or after.startswith("(")):
        return False
    return not (event_type == "killing" and (COUNT_BEFORE.search(before) or COUNT_AFTER.match(after)))


def adjective_position(before: str, after: str) -> bool:
    """Between a determiner and a noun: "the families of detained activists"."""
    return DETERMINER_BEFORE.search(before) is not None and NOUN_AFTER.match(after) is not None


@lru_cache(maxsize=4096)
def find_triggers(text: str, language: str) -> tuple[Trigger, ...]:
    """The triggers of a sentence, longest first where they overlap (found once per sentence:
    people and events both ask)."""
    found = [
        Trigger(trigger.type, match.start(), match.end(), trigger.nominal)
        for trigger in candidates(text, language)
        for match in trigger.pattern.finditer(text)
        if reports_a_happening(text, match.start())
        and tells_a_happening(text, trigger.type, match.start(), match.end())
    ]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            continue
        kept.append(trigger)
    return tuple(kept)
