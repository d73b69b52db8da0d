"""People: who the document is about (the defenders) versus everyone else it mentions.

Every run of capitalised name words is a candidate person; spellings of one person are
merged. A person is a defender when the headline or the demands name them, or when the
text introduces them as a defender (role nouns of ``vocab/roles.yaml``) more than once,
and never when it introduces them as an official, a relative or someone's lawyer.
Gender comes from explicit cues only: "woman human rights defender", honorifics,
gendered role nouns, and the pronouns of sentences about that person alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import pairwise

from vigil_extract.components.candidates import (
    is_place,
    lowercase_words,
    quoted_names,
    runs_of,
    token_is_demonym,
    without_common_opening,
)
from vigil_extract.components.gender import gender_of, read_pronouns
from vigil_extract.components.mentions import (
    Person,
    count_mentions,
    read_cues,
    says_suffered,
    speaks_at,
    suffered,
)
from vigil_extract.components.names import (
    NameRun,
    close_spelling,
    fold,
    same_person,
    token_key,
    word_list,
)
from vigil_extract.components.places import country_of_name, find_places
from vigil_extract.components.russian import (
    best_form,
    declined_gender,
    grammatical_gender,
    is_russian,
    known_given_name,
)
from vigil_extract.document import Defender, Document
from vigil_extract.given_names import gender_of as given_name_gender

# Between two names of one list: a comma or "and", perhaps after where the first one was
# ("Sudha Example in Delhi, Varavara Example in Hyderabad, and ...").
LIST_JOINER = re.compile(
    r"(?:\s*\([^()]{1,30}\))?"  # "Sui Muqing (隋牧青) and Xie Yang"
    r"\s*((?:in|from|à|en|de|в)\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+)?\s*)?"
    r"(?:,|,?\s*and|et|y|и)\s*(?:and\s+)?"
)


def find_people(doc: Document) -> Document:
    """Fill ``doc.defenders`` with the people the document is about."""
    language = doc.language or "en"
    common = lowercase_words(doc.text)
    quoted = quoted_names(doc.text)
    runs = {}
    for sentence in doc.content_sentences():
        found = runs_of(doc, sentence)
        sentence.names = runs[id(sentence)] = without_common_opening(sentence, found, common, quoted)
    people = collect_people(doc, language, runs)
    count_mentions(doc, people)
    read_pronouns(doc, [p for p in people if not names_a_place(p)], language)
    title = fold(doc.title or "")
    demands = fold(" ".join(d.text for d in doc.demands))
    link_lists(doc, people, runs, language)
    surnames = Counter(token_key(p.tokens[-1]) for p in people if len(p.tokens) >= 2)
    shared = frozenset(key for key, count in surnames.items() if count > 1)
    reasons: dict[int, tuple[str, float]] = {}
    for p in people:
        reason = defender_reason(p, in_text(p, title, shared), in_text(p, demands, shared))
        if reason and reason[0].startswith(("role", "suffered")) and only_speaks(doc, p, language):
            reason = None  # a source quoted on the case, not its subject
        if reason is not None and looks_like_a_person(p):
            reasons[id(p)] = reason
    for grown in grow_by_lists(people, set(reasons)) - set(reasons):
        reasons[grown] = ("listed with a defender", 0.7)
    doc.defenders = [as_defender(p, *reasons[id(p)]) for p in people if id(p) in reasons]
    return doc


def only_speaks(doc: Document, person: Person, language: str) -> bool:
    """The person is only a source: every mention of them speaks ("X said", "a déclaré au CPJ
    l'avocate X"), and no other sentence naming them tells of something suffered. A defender
    quoted only as a source is not a defender of the case (eval/real/GUIDELINE.md)."""
    sentences = doc.content_sentences()
    starts = [s.span.start for s in sentences]
    spoke = False
    for mention in person.mentions:
        index = bisect_right(starts, mention.start) - 1
        if index < 0 or not sentences[index].span.contains(mention):
            continue
        sentence = sentences[index]
        local = mention.start - sentence.span.start
        if speaks_at(sentence.text, local, mention.end - sentence.span.start, language):
            spoke = True
        elif suffered(sentence.text, language).all or says_suffered(sentence.text, language):
            return False
    return spoke


def grow_by_lists(people: list[Person], chosen: set[int]) -> set[int]:
    """Add everyone listed together with a defender ("the detention of A, B, C and D")."""
    by_id = {id(p): p for p in people}
    queue = list(chosen)
    while queue:
        for other in by_id[queue.pop()].listed_with - chosen:
            person = by_id[other]
            if not (person.official or person.lawyer_of or names_a_place(person)):
                chosen.add(other)
                queue.append(other)
    return chosen


def looks_like_a_person(person: Person) -> bool:
    """Something in the text treats the name as a person's: a title, a role, a pronoun, a list."""
    if names_a_place(person):
        return False
    return bool(
        person.model_hits
        or person.honorifics
        or person.hrd_cues
        or person.official
        or person.female_cues
        or person.male_cues
        or person.listed_with
        or opens_with_given_name(person)
    )


def names_a_place(person: Person) -> bool:
    """ "Santa Rita do Mearim", "Papua New Guinea", "Bukidnon": a place, not a person."""
    if person.tokens[0].lower() in word_list("place_prefixes"):
        return True
    if person.place_context and not (person.honorifics or person.hrd_cues):
        return True  # "the province of Ha Nam"
    if any(token_is_demonym(token) for token in person.tokens):
        return True  # "Prominent Russian", "Kenyan Police"
    if holds_a_country(person):
        return True  # "Au Burkina Faso", "Palestine Consulate", "России ИГИЛ"
    return country_of_name(person.name) is not None or is_place(person.name)


def holds_a_country(person: Person) -> bool:
    """A country's name inside the run; a first word that is also a given name ("Jordan X",
    "Georgia Y") does not count."""
    for match in find_places(person.name):
        if match.kind != "country":
            continue
        opening = match.span.start == 0 and len(person.tokens) > 1
        if not (opening and given_name_gender(person.tokens[0]) is not None):
            return True
    return False


# A sentence that enumerates the people of the case: "The activists included A; B and C; and
# former legislators D, E and F", "Among the accused are ...", "Others are G, H and I" (which
# goes on with the list of the sentence before).
ENUMERATION = re.compile(
    r"^\W*(?:(?:the|these|those)\s+)?(?:other\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:activists|defenders|journalists|lawyers|leaders|members|detainees|accused|prisoners|protesters)"
    r"\s+(?:included|include|are|were)\b"
    r"|^\W*among\s+(?:them|the\s+\w+|those\s+\w+)\s+(?:are|were)\b",
    re.IGNORECASE,
)
# A sentence that names the people the sentence before spoke of: "Il s'agit de A et de B".
IDENTIFIES = re.compile(
    r"^\W*(?:il\s+s['’]agit\s+d|se\s+trata\s+de|речь\s+идёт\s+о|речь\s+идет\s+о|they\s+are\b|"
    r"those\s+(?:arrested|detained)\s+(?:are|were|include|included)\b)",
    re.IGNORECASE,
)
CONTINUED = re.compile(
    r"^\W*(?:others\s+(?:are|were|include|included)|(?:also|further)\s+(?:arrested|detained|charged))\b",
    re.IGNORECASE,
)


def link_enumerations(
    doc: Document, people: list[Person], runs_of: dict[int, list[NameRun]], language: str
) -> None:
    """Everyone named in a sentence that enumerates the people of the case is listed together;
    "Others are ..." goes on with the names of the sentence before."""
    sentences = doc.content_sentences()

    def named(index: int) -> list[Person]:  # asked only of the few sentences that open so
        runs = runs_of[id(sentences[index])]
        return [p for run in runs for p in people if same_person(p.tokens, run.tokens)]

    for index, sentence in enumerate(sentences):
        if IDENTIFIES.match(sentence.text) and index and suffered(sentences[index - 1].text, language).all:
            for person in named(index):
                person.victim_cues += 1  # "Journalists were arrested. Il s'agit de A et de B."
        if CONTINUED.match(sentence.text) and index and len(before := named(index - 1)) >= 2:
            group = named(index) + before
        elif ENUMERATION.match(sentence.text):
            group = named(index)
        else:
            continue
        for a in group:
            for b in group:
                if a is not b:
                    a.listed_with.add(id(b))


def link_lists(
    doc: Document, people: list[Person], runs_of: dict[int, list[NameRun]], language: str = "en"
) -> None:
    """People named in one list ("A, B, C and D") are recorded as listed together."""
    link_enumerations(doc, people, runs_of, language)
    for sentence in doc.content_sentences():
        runs = runs_of[id(sentence)]
        for first, second in pairwise(runs):
            between = doc.text[first.span.end : second.span.start]
            joined = LIST_JOINER.fullmatch(between)
            if not joined or (joined.group(1) and not continues_the_list(doc.text, joined, second.span.end)):
                continue
            a = next((p for p in people if same_person(p.tokens, first.tokens)), None)
            b = next((p for p in people if same_person(p.tokens, second.tokens)), None)
            if a is not None and b is not None and a is not b:
                a.listed_with.add(id(b))
                b.listed_with.add(id(a))


def continues_the_list(text: str, joined: re.Match[str], end: int) -> bool:
    """After "X in Delhi," the next name continues the list when an "and" joins them or it has
    its own place too ("Y in Hyderabad"); "X in Panzós, Alta Verapaz" names a place."""
    own_place = re.match(r"\s+(?:in|from|à|en|de|в)\s", text[end : end + 6]) is not None
    return own_place or " and " in f" {joined.group()} "


def collect_people(doc: Document, language: str, runs_of: dict[int, list[NameRun]]) -> list[Person]:
    people: list[Person] = []
    for sentence in doc.content_sentences():
        for run in runs_of[id(sentence)]:
            person = next((p for p in people if same_person(p.tokens, run.tokens)), None)
            if person is None:
                person = Person(run.tokens, run.text, run.span)
                people.append(person)
            elif len(run.tokens) > len(person.tokens) or fuller_than_initial(run.tokens, person.tokens):
                person.tokens, person.name = run.tokens, run.text
            person.variants.append(run.tokens)
            read_cues(doc, sentence, run, person, language)
            person.model_hits += run.from_model
    return people


def fuller_than_initial(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """ "Omar Radi" is a fuller form than "O. Radi"."""
    return len(new) == len(old) and len(old[0]) == 1 and len(new[0]) > 1


def in_text(person: Person, folded_text: str, shared_surnames: frozenset[str] = frozenset()) -> bool:
    """The person is named in the text: by surname, or by two of their names when the surname is
    shared with someone else ("Antônio Lima" is not named by "Dorinete Ferreira Lima")."""
    if not folded_text:
        return False
    keys = [token_key(t) for t in person.tokens]
    words = {token_key(w) for w in re.findall(r"[^\W\d_][\w'’\-]*", folded_text)}

    def present(key: str) -> bool:
        return key in words or any(close_spelling(key, word) for word in words)

    if keys[-1] in shared_surnames:
        return present(keys[0]) and present(keys[-1])
    return present(keys[-1]) or sum(1 for k in keys if present(k)) >= 2


def defender_reason(person: Person, in_title: bool, in_demands: bool) -> tuple[str, float] | None:
    """Why the person is a defender (the cue, and how sure that cue makes us), or None.

    Named in the headline or the demands; or introduced as a defender (a role noun) and either
    named again or suffering one of the events; or suffering one and clearly a person (a title,
    a pronoun, a list with others)."""
    if person.lawyer_of and not in_demands:
        return None
    if person.official and not in_demands:
        return None
    if in_demands:
        return ("named in the demands", 0.9)
    if in_title:
        return ("named in the headline", 0.85)
    role = person.roles[0] if person.roles else ""
    if person.hrd_cues >= 1 and len(person.mentions) >= 2:
        return (f"role: {role}", 0.8 if person.victim_cues else 0.7)
    if person.hrd_cues >= 1 and person.victim_cues >= 1:
        return (f"role: {role}; suffered an event", 0.7)
    plainly_a_person = (
        person.honorifics
        or person.female_cues
        or person.male_cues
        or person.model_hits
        or person.listed_with
        or opens_with_given_name(person)
    )
    if person.victim_cues >= 1 and plainly_a_person:
        return ("suffered an event", 0.55)
    return None


def opens_with_given_name(person: Person) -> bool:
    """ "Kennedy Example", "Neptali Example": two or more Latin-letter names opening with a given
    name that nine bearers in ten of one gender share (names-dataset), told in the clause of a
    trigger, are a person's, not a body's (Russian names have their own rules). Someone brought
    in by a tie to others ("a colleague of both") is left to the other cues."""
    if len(person.tokens) < 2 or person.related_to_others:
        return False
    if is_russian(person.tokens):
        # "Александра Лойко", "Владимира Лабковича": a given name the gazetteer knows, in any
        # case, before a second word, in a sentence that tells of something suffered
        return person.victim_cues > 0 and known_given_name(person.tokens[0]) is not None
    opening = person.tokens[0]
    return person.near_victim_cues > 0 and (
        given_name_gender(opening) in ("female", "male")
        or (len(person.tokens) >= 3 and opening.lower() in word_list("family_first"))
    )


def as_defender(person: Person, cue: str = "", confidence: float = 0.0) -> Defender:
    gender = gender_of(person)
    name = person.name
    if is_russian(person.tokens):
        variants = person.variants or [person.tokens]
        gender = declined_gender(variants) or gender  # the name's own ending outranks verbs near it
        tokens = best_form(variants, gender)
        name = " ".join(tokens)
        gender = grammatical_gender(tokens) if gender == "unknown" else gender
    return Defender(
        name=name,
        gender=gender,
        roles=person.roles,
        organisations=person.organisations,
        evidence=person.first,
        mentions=person.mentions,
        cue=cue,
        confidence=confidence,
    )
