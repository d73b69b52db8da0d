"""Gender from explicit cues only: pronouns of sentences about one person, a pronoun opening a
sentence that names nobody, declared pronouns ("Rutendo Chikowore (she/her)"), the agreement of
French, Spanish and Russian verbs ("a été arrêtée", "fue detenido", "заявила") and the article
before a role noun ("la periodista X", "le journaliste Y").

Honorifics and gendered role nouns are read with the other cues around each mention
(:mod:`vigil_extract.components.people`); this module adds the pronouns and decides.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING

from vigil_extract import vocab
from vigil_extract.components.names import name_runs, same_person
from vigil_extract.document import Document, Sentence

if TYPE_CHECKING:
    from vigil_extract.components.mentions import Person


PARTICIPLES = (
    r"(?:задержан|арестован|осужд[её]н|приговор[её]н|обвин[её]н|похищен|освобожд[её]н|помещ[её]н|"
    r"доставлен|вызван|допрошен|оштрафован|избит|убит|ранен|объявлен)"
)
FRENCH_BE = r"(?:été|est|était|fut|reste|demeure)\s+(?:toujours\s+|encore\s+|\w+ment\s+)?"
AGREEMENT = {
    "ru": {
        "male": rf"(?:[а-яё]+[аеиоуыяё]л|{PARTICIPLES})",
        "female": rf"(?:[а-яё]+[аеиоуыяё]ла|{PARTICIPLES}а)",
    },
    "fr": {
        "male": rf"{FRENCH_BE}\w+(?:é|u|is)(?!e)",
        "female": rf"{FRENCH_BE}\w+(?:ée|ue|ise)",
    },
    "es": {
        "male": r"(?:fue|sido|está|estaba|sigue|permanece)\s+(?:\w+mente\s+)?\w+(?:ado|ido)",
        "female": r"(?:fue|sido|está|estaba|sigue|permanece)\s+(?:\w+mente\s+)?\w+(?:ada|ida)",
    },
}
# A participle in apposition agrees with the name before it: "X, arrêtée le 5 mai", "Y, detenido".
APPOSITION_AGREEMENT = {
    "fr": {"male": re.compile(r"^\w+(?:é|u|is)\b"), "female": re.compile(r"^\w+(?:ée|ue|ise)\b")},
    "es": {"male": re.compile(r"^\w+(?:ado|ido)s?\b"), "female": re.compile(r"^\w+(?:ada|ida)s?\b")},
}
# An article before a role noun before a name: "le journaliste X", "la periodista Y".
ARTICLE_GENDER = {
    "fr": {"le": "male", "un": "male", "du": "male", "au": "male", "la": "female", "une": "female"},
    "es": {"el": "male", "un": "male", "del": "male", "al": "male", "la": "female", "una": "female"},
}


@cache
def gender_words(language: str) -> dict[str, re.Pattern[str]]:
    table = vocab.load("roles")["gender"]
    patterns: dict[str, re.Pattern[str]] = {}
    for gender in ("female", "male"):
        words = sorted(table[gender].get(language, []), key=len, reverse=True)
        patterns[gender] = re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w-])", re.IGNORECASE
        )
        pronouns = [re.escape(w) for w in table["pronouns"][gender].get(language, [])]
        agreement = AGREEMENT.get(language, {}).get(gender)
        if agreement:  # the verb agrees with its subject: "заявила", "a été arrêtée", "fue detenida"
            pronouns.append(agreement)
        patterns[f"{gender}_pronoun"] = re.compile(
            rf"(?<![\w-])(?:{'|'.join(pronouns)})(?![\w-])", re.IGNORECASE
        )
    return patterns


def read_pronouns(doc: Document, people: list[Person], language: str) -> None:
    """Pronouns in sentences that mention one person only, and in the sentence right after."""
    patterns = gender_words(language)
    sentences = doc.content_sentences()
    present = people_by_sentence(sentences, people)
    placed = mentions_by_sentence(sentences, people)
    for index, sentence in enumerate(sentences):
        if len(present[index]) > 1:
            read_subject_clause(sentence, present[index], patterns, placed[index])
        if len(present[index]) != 1:
            continue
        person = present[index][0]
        texts = [sentence.text]
        if index + 1 < len(sentences) and not present[index + 1]:
            texts.append(sentences[index + 1].text)
        for text in texts:
            person.female_cues += len(patterns["female_pronoun"].findall(text)) * 0.5
            person.male_cues += len(patterns["male_pronoun"].findall(text)) * 0.5
    read_subject_pronouns(doc, people, language)
    read_pronoun_declarations(doc, people)
    read_plural_nouns(sentences, present)


# "the two men", "both women", "les deux femmes": the people just named are men, or women.
PLURAL_NOUN = re.compile(
    r"\b(?:the\s+(?:two|three|four|five)|both|these|les\s+deux|les\s+trois|ces|los\s+dos|las\s+dos|"
    r"ambos|ambas)\s+(?:(men|brothers|hommes|frères|hombres|hermanos)|(women|sisters|femmes|sœurs|mujeres|hermanas))\b",
    re.IGNORECASE,
)


def read_plural_nouns(sentences: list[Sentence], present: list[list[Person]]) -> None:
    """A plural noun of one gender speaks of the people of its sentence, or of the one before."""
    for index, sentence in enumerate(sentences):
        match = PLURAL_NOUN.search(sentence.text)
        if match is None:
            continue
        named = present[index] if len(present[index]) > 1 else present[index - 1] if index else []
        if len(named) < 2:
            continue
        for person in named:
            person.male_cues += 1 if match.group(1) else 0
            person.female_cues += 1 if match.group(2) else 0


SUBJECT_OPENING = 3  # characters before a name that still opens its sentence ("‘", "* ")
# "On 29 December, X ...", "Le dimanche 21 octobre 2018, X ...": a phrase of time or place, then
# the subject.
ADVERBIAL_OPENING = re.compile(r"[^,;:()\n]{2,60},\s*")


def read_subject_clause(
    sentence: Sentence,
    people: list[Person],
    patterns: dict[str, re.Pattern[str]],
    placed: list[tuple[int, int, int]],
) -> None:
    """A sentence naming several people that opens with one of them: the pronouns before the
    next person is named are the subject's ("X – a lawyer – was arrested at his office with Y").
    ``placed``: the sentence's mentions as (start, end, id of the person)."""
    mentions = sorted(placed)
    start, end, subject = mentions[0]
    opening = sentence.text[: start - sentence.span.start]
    if len(opening) > SUBJECT_OPENING and not ADVERBIAL_OPENING.fullmatch(opening):
        return
    following = next((m_start for m_start, _, who in mentions if who != subject), sentence.span.end)
    clause = sentence.text[end - sentence.span.start : following - sentence.span.start]
    person = next(p for p in people if id(p) == subject)
    person.female_cues += 0.5 * len(patterns["female_pronoun"].findall(clause))
    person.male_cues += 0.5 * len(patterns["male_pronoun"].findall(clause))


def mentions_by_sentence(sentences: list[Sentence], people: list[Person]) -> list[list[tuple[int, int, int]]]:
    """For each sentence, (start, end, id of the person) of the mentions it holds, placed by
    binary search (asking every sentence about every mention grew with their product)."""
    starts = [s.span.start for s in sentences]
    found: list[list[tuple[int, int, int]]] = [[] for _ in sentences]
    for person in people:
        for mention in person.mentions:
            index = bisect_right(starts, mention.start) - 1
            if index >= 0 and sentences[index].span.contains(mention):
                found[index].append((mention.start, mention.end, id(person)))
    return found


def people_by_sentence(sentences: list[Sentence], people: list[Person]) -> list[list[Person]]:
    """For each sentence, the people mentioned in it (mentions placed by binary search)."""
    starts = [s.span.start for s in sentences]
    found: list[list[Person]] = [[] for _ in sentences]
    for person in people:
        for mention in person.mentions:
            index = bisect_right(starts, mention.start) - 1
            if index >= 0 and sentences[index].span.contains(mention) and person not in found[index]:
                found[index].append(person)
    return found


def read_subject_pronouns(doc: Document, people: list[Person], language: str) -> None:
    """A sentence naming nobody that opens with "he" or "she" speaks of the last person named."""
    patterns = gender_words(language)
    mentions = sorted((m.start, index) for index, p in enumerate(people) for m in p.mentions)
    starts = [start for start, _ in mentions]
    for sentence in doc.content_sentences():
        first_inside = bisect_left(starts, sentence.span.start)
        if first_inside < len(starts) and starts[first_inside] < sentence.span.end:
            continue
        if first_inside == 0:
            continue
        opening = " ".join(sentence.text.split()[:4])
        person = people[mentions[first_inside - 1][1]]
        person.female_cues += 0.5 * bool(patterns["female_pronoun"].search(opening))
        person.male_cues += 0.5 * bool(patterns["male_pronoun"].search(opening))


PRONOUN_DECLARATION = re.compile(r"\(\s*(she|he)\s*/\s*(?:her|him)\s*\)", re.IGNORECASE)


def read_pronoun_declarations(doc: Document, people: list[Person]) -> None:
    """ "Rutendo Chikowore (she/her)": a declared pronoun is the strongest cue there is."""
    for match in PRONOUN_DECLARATION.finditer(doc.text):
        runs = name_runs(doc.text[max(0, match.start() - 80) : match.start()])
        if not runs:
            continue
        person = next((p for p in people if same_person(p.tokens, runs[-1].tokens)), None)
        if person is not None:
            if match.group(1).lower() == "she":
                person.female_cues += 5
            else:
                person.male_cues += 5


def gender_of(person: Person) -> str:
    """female or male when the cues clearly say so, else unknown."""
    if person.female_cues > 0 and person.female_cues > person.male_cues * 2:
        return "female"
    if person.male_cues > 0 and person.male_cues > person.female_cues * 2:
        return "male"
    return "unknown"
