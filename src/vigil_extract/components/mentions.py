"""What the words around each mention of a name say about the person: a role, a title, a
tie to an organisation, gender words, whether the sentence tells that they suffered something
(and whether in their own clause), whether they only speak; then every later mention of them by
surname or given name. :mod:`vigil_extract.components.people` decides from these who the
defenders are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from vigil_extract import vocab
from vigil_extract.components.gender import APPOSITION_AGREEMENT, ARTICLE_GENDER, gender_words
from vigil_extract.components.names import NameRun, honorifics, token_key
from vigil_extract.components.sentence_index import is_word
from vigil_extract.components.triggers import Trigger, find_triggers
from vigil_extract.document import Document, Sentence, Span

FEMALE_HONORIFICS = {"ms", "mrs", "miss", "mama", "mme", "mlle", "sra", "srta", "doña", "г-жа", "dame"}
MALE_HONORIFICS = {"mr", "m", "sr", "don", "г-н", "sir", "datu"}
LEADS = re.compile(  # matched where a name ends ("$" is then the text's end)
    r",\s+who\s+(?:leads|heads|founded|co-founded|runs|chairs|coordinates|directs)\s+"
    r"((?:the\s+)?[«“\"]?[A-ZÀ-ÞА-ЯЁ][^,;.()]{2,80}?)(?=[,;.()]|$)"
)
ORGANISATION_LINK = re.compile(
    r"\b(?:co-?founder|founder|member|director|head|leader|coordinator|chair(?:person)?|president|"
    r"secretary|spokesperson|staff|lawyer|researcher|paralegal|editor|journalist)\s+(?:of|with|at|for)\s+"
    r"((?:the\s+)?[«“\"]?[A-ZÀ-ÞА-ЯЁ][^,;.()]{2,80}?)(?=[,;.()]|\s+(?:and|who|which|in|since|that)\b|$)"
)


# "the activist “Long Hair” Leung": a nickname between a role noun and the name.
QUOTED_NICKNAME = re.compile(r"\s+[“\"‘«][^“”\"«»‘’\n]{1,30}[”\"’»]\s*$")
# Another person's name (two capitalised words) before this one: the words before it are theirs.
CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+")
# An article before the role noun that introduces a name ("la presidente de X, Y") outweighs
# one verb's agreement in the next sentence, whose subject may be another.
ARTICLE_WEIGHT = 3
NOT_SUFFERED = {"protest", "release", "acquittal"}
NEAR_AFTER, NEAR_BEFORE = 90, 60
RELATION = re.compile(
    r"\b(?:colleagues?|companions?|compañer[oa]s?|colegas?|collègues?|compagnons?|compagnes?|коллег\w*|соратни\w*)\b",
    re.IGNORECASE,
)
# Verbs that report speech: their subject speaks of the events, their clause is not the name's.
SAID = (
    r"said|says|told|dijo|señaló|afirmó|declaró|explicó|indicó|a\s+déclaré|a\s+dit|explique|"
    r"заявил\w*|сообщил\w*|рассказал\w*"
)
# "..., said Helen Example, a researcher at ...": the one who speaks of the events.
SPEAKER_BEFORE = re.compile(rf"\b(?:{SAID}|according\s+to|según|selon|по\s+словам)\s*$", re.IGNORECASE)
SPEAKER_AFTER = re.compile(rf"\s*(?:,[^,]{{0,60}},\s*)?(?:{SAID})\b")
# A quoted source, more broadly: any verb of speech, and a role or a listener between the verb
# and the name ("a déclaré au CPJ l'avocate X", "said the group's director X", "сообщил ТАСС
# адвокат X"); read only to tell someone who merely speaks of the events from their subject.
SPOKE = (
    rf"{SAID}|stated|added|noted|explained|warned|confirmed|considered|consideró|advirtió|aseguró|"
    r"añadió|agregó|sostuvo|manifestó|expresó|precisó|comentó|"
    r"a\s+(?:indiqué|expliqué|ajouté|affirmé|précisé|souligné|confié|estimé|rappelé)|estime|"
    r"отметил\w*|подчеркнул\w*|пояснил\w*|добавил\w*"
)
SPOKE_BEFORE = re.compile(
    rf"\b(?:{SPOKE}|according\s+to|según|selon|по\s+словам)\s+"
    r"(?:(?!(?:that|que|qu|что|how|if|si|whether)\b)[^\s,.;:!?]+\s+){0,6}$",
    re.IGNORECASE,
)
SPOKE_AFTER = re.compile(
    rf"[\s*]*(?:\([^()]{{0,60}}\)\s*)?(?:,[^,]{{0,80}},\s*|,\s*who\s+)?(?:{SPOKE})\b", re.IGNORECASE
)
# Between a name and a trigger: another clause, a speaker, or another name.
CLAUSE_BREAK = re.compile(
    rf"[;:]|\b(?:{SAID}|according|según|selon|stated|explained|added|who|which|that|when|after|"
    r"quien|que|cuando|qui|lorsque|quand|который|которая|которые|когда)\b"
    r"|(?:^|\s)[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+",
)


@dataclass
class Person:
    """A person named in the document, with what the text says about them."""

    tokens: tuple[str, ...]
    name: str
    first: Span
    mentions: list[Span] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    hrd_cues: int = 0
    model_hits: int = 0
    listed_with: set[int] = field(default_factory=set)
    official: bool = False
    lawyer_of: bool = False
    victim_cues: int = 0
    near_victim_cues: int = 0  # a trigger in the name's own clause, not only in its sentence
    related_to_others: bool = False  # introduced by a tie to someone else: a colleague, a companion
    variants: list[tuple[str, ...]] = field(default_factory=list)
    place_context: int = 0
    female_cues: float = 0
    male_cues: float = 0


@cache
def role_patterns(language: str) -> dict[str, re.Pattern[str]]:
    roles = vocab.load("roles").get(language, vocab.load("roles")["en"])
    patterns: dict[str, re.Pattern[str]] = {}
    for kind in ("hrd", "other", "lawyer_of"):
        words = sorted(roles.get(kind, []), key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in words)
        patterns[kind] = re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE)
    patterns["official_before"] = re.compile(  # "the Minister of Interior, X"
        rf"(?:{patterns['other'].pattern})(?:\s+[a-zà-ÿ]{{4,}}(?=,))?(?:\s+(?:of|for|on|de|del|du|des|en|a\s+cargo\s+del?)\s+[^,;.]{{0,60}})?[,\s]*$",
        re.IGNORECASE,
    )
    return patterns


@cache
def victim_pattern(language: str) -> re.Pattern[str]:
    """Words that say someone suffered something; Russian ones are stems ("задержан" + "а")."""
    words = sorted(vocab.load("roles")["victim_words"].get(language, []), key=len, reverse=True)
    ending = r"\w*" if language == "ru" else r"(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words)}){ending}", re.IGNORECASE)


PLACE_BEFORE = re.compile(
    r"\b(?:province|region|city|district|state|village|town|county|department|municipality|governorate|"
    r"oblast|province|provincia|región|ciudad|municipio|departamento|estado|région|ville|préfecture|"
    r"área|область|района?|город[а-я]*|села|деревни)(?:\s+(?:of|de|del)|\s+d')?\s*$",
    re.IGNORECASE,
)
# "the regime of Daniel X", "el gobierno de Y", "режим Z": the one who rules.
RULER_OF = re.compile(
    r"\b(?:regime|government|administration|dictatorship|régimen|gobierno|dictadura|administración|"
    r"régime|gouvernement|dictature|режим\w*|правительств\w*)\s+(?:of|de|del|du|de\s+la)?\s*"
    r"(?:[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s+(?:and|y|et|и)\b\s*)?$",  # "... de A B y C D"
    re.IGNORECASE,
)
# A name followed by the kind of place it is ("Архангельской области") or of body it is ("the
# X investigative group", "X, a grassroots movement"): not a person's.
PLACE_AFTER = re.compile(
    r"\s+(?:области|областью|район\w*|кра[яюе]|округ\w*|county|province|district|region|"
    r"provincia|departamento|département)\b"
)
BODY_AFTER = re.compile(
    r"(?:\s+|\s*,\s*(?:an?|the|un|una|une)\s+)(?:[a-z-]+\s+){0,2}?(?:group|movement|project|network|"
    r"collective|association|newspaper|outlet|channel|magazine|website|portal|platform|coalition|"
    r"initiative|foundation|party|organi[sz]ation|ngo|movimiento|colectivo|organización|asociación|"
    r"mouvement|collectif|organisation|plateforme)\b"
)
HEAD_OF_STATE = re.compile(
    r"(?<![\w-])(?:[Pp]resident|[Pp]résident|[Pp]residente|[Пп]резидент)[ \t]*$|"
    r"(?<![\w-])(?:[Pp]resident|[Pp]résident|[Pp]residente|[Пп]резидент)\s+(?:of|de|du|del)\s+"
    r"(?:the\s+|la\s+)?(?:Republic|République|República|[A-ZÀ-Þ][a-zà-ÿ]+)\s*,?\s*$"
)
# "the president of Fenatev-Barinas, Víctor Venegas": a role of a named body, then the name.
ROLE_OF_BODY = re.compile(
    r"(?:^|[\s(])([\w-]+)\s+(?:of|de|del|de\s+la|du|des|de\s+l['’])\s+(?:the\s+|la\s+|el\s+|les?\s+)?"
    r"[A-ZÀ-ÞА-ЯЁ][^,;.]{1,80},\s*$"
)
NEXT_NAME = re.compile(r"\s(?=[A-ZÀ-ÞА-ЯЁ])")
LEAD = re.compile(r"([^,.;:()]{0,60})$")
WORD = re.compile(r"\w+")
ROLE_ADJECTIVE_THEN_LIST = re.compile(  # "los periodistas independientes X y Y", "le journaliste, X"
    r"^(?:\s+(?:de|d['’]|of|del)\s*[a-zà-ÿ]{3,})?(?:\s+[a-zà-ÿа-яё]{4,})?(?:\s*,(?=\s*$))?(?:\s*,?\s*(?:including|notamment|dont|como|entre\s+ellos|entre\s+ellas|"
    r"en\s+particular|в\s+том\s+числе|включая|среди\s+них)\s*:?)?\s*$",
    re.IGNORECASE,
)
ROLE_THEN_LIST = re.compile(
    r"^(?:\s*,?\s*(?:including|such\s+as|among\s+them|namely|notably|notamment|dont|parmi\s+eux|"
    r"como|entre\s+ellos|entre\s+ellas|en\s+particular|в\s+том\s+числе|включая|среди\s+них)\s*:?)?\s*$",
    re.IGNORECASE,
)


def read_cues(doc: Document, sentence: Sentence, run: NameRun, person: Person, language: str) -> None:
    """What the words around one mention say: role, honorific, gender, organisation."""
    local = run.span.start - sentence.span.start
    before = QUOTED_NICKNAME.sub(" ", sentence.text[max(0, local - 125) : local]).rstrip(' *[«“"')
    if run.honorific:
        before = before[: before.lower().rfind(run.honorific)] if run.honorific in before.lower() else before
        person.honorifics.append(run.honorific)
        if run.honorific in FEMALE_HONORIFICS:
            person.female_cues += 2
        elif run.honorific in MALE_HONORIFICS:
            person.male_cues += 2
    words = sentence.text
    after = local + len(run.text)  # where the words after the name start, "*", "]" and "(#)" aside
    while after < len(words) and words[after] in "*]":
        after += 1
    after += 3 if words.startswith("(#)", after) else 0
    patterns = role_patterns(language)
    apposition = before_next_introduction(apposition_text(words, after), patterns["hrd"])
    lead = LEAD.search(before)
    lead_text = lead.group(1) if lead else ""
    if HEAD_OF_STATE.search(before[-30:]) or RULER_OF.search(before[-40:]):
        person.official = True  # "President Nicolás Example", "le président X": a head of state
    of_body = ROLE_OF_BODY.search(before[-120:])
    if of_body and patterns["hrd"].fullmatch(of_body.group(1)):
        add_role(person, of_body.group(1))  # "the president of Fenatev, X"
        said = article_gender(before[-120:][: of_body.start(1)], language)  # "del presidente de X, Y"
        person.female_cues += ARTICLE_WEIGHT if said == "female" else 0
        person.male_cues += ARTICLE_WEIGHT if said == "male" else 0
    following = ROLE_THEN_LIST if language == "en" else ROLE_ADJECTIVE_THEN_LIST
    for tail_role in patterns["hrd"].finditer(before[-70:]):
        if following.match(before[-70:][tail_role.end() :]):
            add_role(person, tail_role.group(1))  # "lawyer X", "activists, including X and Y"
            said = article_gender(before[-70:][: tail_role.start()], language) or gendered_adjective(
                before[-70:][: tail_role.start()]
            )
            person.female_cues += 2 if said == "female" else 0
            person.male_cues += 2 if said == "male" else 0
    for found in patterns["hrd"].finditer(apposition):
        add_role(person, found.group(1))
    if patterns["lawyer_of"].search(before[-40:]):
        person.lawyer_of = True
    if PLACE_BEFORE.search(before[-30:]) or PLACE_AFTER.match(words, after):
        person.place_context += 1
    elif BODY_AFTER.match(words, after):
        person.place_context += 1  # a body, which is no person either
    official = patterns["official_before"].search(before)
    if official or patterns["other"].match(apposition.strip(" ,—–-").removeprefix("the ").removeprefix("a ")):
        person.official = True
    triggers = suffered(words, language)
    speaker = SPEAKER_BEFORE.search(before[-30:]) or SPEAKER_AFTER.match(words, after)
    if (triggers.all or says_suffered(words, language)) and not speaker:
        person.victim_cues += 1
    end = local + len(run.text)
    if any(in_own_clause(words, local, end, t.start, t.end) for t in triggers.near(local, end)):
        person.near_victim_cues += 1
    if RELATION.search(apposition[:40]) or RELATION.search(before[-25:]):
        person.related_to_others = True  # "X, compañero de ambos", "Pavlov's colleague X"
    genders = gender_words(language)
    own_words = NEXT_NAME.split(apposition, maxsplit=1)[0]  # not the next person's in a list
    for gender, participle in APPOSITION_AGREEMENT.get(language, {}).items():
        if words.startswith(",", after) and participle.match(own_words.strip()):
            person.female_cues += 2 if gender == "female" else 0  # "X, arrêtée le 5 mai"
            person.male_cues += 2 if gender == "male" else 0
    said = apposition_article(own_words, language) if words.startswith(",", after) else None
    person.female_cues += 2 if said == "female" else 0  # "X, un salarié de Y", "Y, una comunera"
    person.male_cues += 2 if said == "male" else 0
    owner = OWN_POSSESSIVE.match(words, after) if language == "en" else None
    person.female_cues += 2 if owner and owner.group(1).lower() == "her" else 0  # "X and her lawyer"
    person.male_cues += 2 if owner and owner.group(1).lower() == "his" else 0
    own_lead = CAPITALISED_WORD.split(lead_text[-45:])[-1]  # "journalist A and her husband B"
    for text, weight in ((own_lead, 2), (own_words, 2)):
        person.female_cues += weight * len(genders["female"].findall(text))
        person.male_cues += weight * len(genders["male"].findall(text))
    links = [m.group(1) for m in ORGANISATION_LINK.finditer(apposition)]
    lead_of = LEADS.match(words[after : after + 160])  # "X, who leads the Y"
    add_organisations(person, links + ([lead_of.group(1)] if lead_of else []))


@dataclass(frozen=True)
class Suffered:
    """A sentence's triggers of something suffered, in order, and where they start and end."""

    all: tuple[Trigger, ...]
    starts: list[int]
    ends: list[int]

    def near(self, start: int, end: int) -> tuple[Trigger, ...]:
        """Those close enough to the name at [start, end) for ``in_own_clause`` to hold: the
        others are too far, whatever stands between."""
        first = bisect_left(self.ends, start - NEAR_BEFORE)
        last = bisect_right(self.starts, end + NEAR_AFTER)
        return self.all[first:last]


@lru_cache(maxsize=4096)
def suffered(text: str, language: str) -> Suffered:
    """Found once per sentence: a sentence names many people."""
    triggers = tuple(t for t in find_triggers(text, language) if t.type not in NOT_SUFFERED)
    return Suffered(triggers, [t.start for t in triggers], [t.end for t in triggers])


@lru_cache(maxsize=4096)
def says_suffered(text: str, language: str) -> bool:
    return victim_pattern(language).search(text) is not None


def speaks_at(text: str, start: int, end: int, language: str = "en") -> bool:
    """The name at ``text[start:end]`` is the one who speaks: "X said", "X, a researcher at Y,
    told", "said the coordinator of Y, X", "a déclaré au CPJ l'avocate X"."""
    tail = NAME_TAIL.match(text, end)  # a mention by given name: the surname after it
    end = tail.end() if tail else end
    if SPOKE_BEFORE.search(text[max(0, start - 90) : start]) is not None:
        return True
    after = SPOKE_AFTER.match(text, end)
    if after is None:
        return False
    # "X, who was given a sentence, said": the apposition tells what X suffered; "X said that
    # threats were made against him": X speaks of their own case
    return not (
        says_suffered(text[end : after.end()], language) or OWN_CASE.search(text, after.end())
    )


NAME_TAIL = re.compile(r"(?:[ \t\u00a0]+[A-ZÀ-ÞА-ЯЁ][\w'’-]*)*")
OWN_CASE = re.compile(
    r"(?<![\w'’-])(?:him|me|my|against\s+her|contre\s+(?:lui|elle|moi)|l['’]avai(?:en)?t|"
    r"contra\s+(?:él|ella|mí)|против\s+(?:него|неё|нее|меня)|ему|ей|мне|меня)(?![\w'’-])",
    re.IGNORECASE,
)


def in_own_clause(text: str, start: int, end: int, trigger_start: int, trigger_end: int) -> bool:
    """A trigger close to the name with no other clause, speaker or name between them: "X was
    arrested", "police detained X", not "X, who told reporters that police detained Y"."""
    if trigger_start >= end:
        between = text[end:trigger_start]
        reach = NEAR_AFTER
    else:
        between = text[trigger_end:start]
        reach = NEAR_BEFORE
    return len(between) <= reach and not CLAUSE_BREAK.search(between)


GENDERED_ADJECTIVE = re.compile(
    r"\b(?:(female|women|woman)|(male|men))\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)


def gendered_adjective(before_role: str) -> str | None:
    """ "female human rights activists, including X": the adjective before a role noun."""
    match = GENDERED_ADJECTIVE.search(before_role)
    if match is None:
        return None
    return "female" if match.group(1) else "male"


def article_gender(before_role: str, language: str) -> str | None:
    """The gender the article before a role noun says, over adjectives between them ("del
    reconocido ambientalista", "la jeune journaliste")."""
    articles = ARTICLE_GENDER.get(language, {})
    for word in reversed(WORD.findall(before_role)[-3:]):
        if word.lower() in articles:
            return articles[word.lower()]
        if not word.islower():
            return None
    return None


def add_organisations(person: Person, names: list[str]) -> None:
    for organisation in (name.strip() for name in names):
        if organisation not in person.organisations:
            person.organisations.append(organisation)


APPOSITION = re.compile(
    r"(?:\s*,\s*(?:\d{1,3},\s*)?|\s*\(|\s+(?:is|was|has been|est|es|—|–|-)\s+)([^;()]{0,200})"
)


ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|la|el|le|les|los|las|un|una|une|al|del|du|de\s+la)\s+)?$", re.IGNORECASE
)


# "X, un salarié d'Agir", "Y, una comunera de Z": the article of a noun of a person in
# apposition agrees with the name. Nouns of either gender ("une personne", "la víctima") and
# dates ("el pasado 5 de mayo") say nothing.
APPOSITION_NOUN = re.compile(
    r"^(un|une|le|la|el|una)\s+(?:(?:jeune|ancien|ancienne|ex|célèbre|conocido|conocida|joven)\s+)?"
    r"([a-zà-ÿ]+(?:é|ée|eur|euse|rice|iste|ant|ante|ent|ente|ier|ière|ien|ienne|ado|ada|ero|era|or|ora|ino|ina|ano|ana))\b"
)
NEITHER = {
    "pasado", "pasada", "próximo", "próxima", "journée", "entrée", "année", "soirée", "matinée",
    "semana", "madrugada", "jornada", "llegada", "entrada", "mañana", "personne", "victime", "víctima",
    "persona", "figure", "figura", "membre", "miembro", "integrante", "tiers", "ventana", "ante",
}  # fmt: skip
INDEFINITE = {"un": "male", "le": "male", "el": "male", "une": "female", "la": "female", "una": "female"}


OWN_POSSESSIVE = re.compile(r"\s*(?:,\s*)?(?:and|with|together\s+with|along\s+with)\s+(his|her)\s", re.I)


def apposition_article(own_words: str, language: str) -> str | None:
    """The gender the article of an apposition's noun says, in French and Spanish."""
    if language not in ("fr", "es"):
        return None
    match = APPOSITION_NOUN.match(own_words.strip())
    if match is None or match.group(2) in NEITHER or (match.group(1) == "le" and language == "es"):
        return None
    return INDEFINITE[match.group(1)]


def before_next_introduction(apposition: str, roles: re.Pattern[str]) -> str:
    """The apposition up to a role noun that introduces the next name: in "X, la abogada Y" and
    "X, en Vente y agredieron al abogado Y", "abogada" and "abogado" are Y's, not X's."""
    for found in roles.finditer(apposition):
        if NEXT_NAME_START.match(apposition, found.end()):
            article = ARTICLE_BEFORE.search(apposition, 0, found.start())
            return apposition[: article.start() if article else found.start()]
    return apposition


NEXT_NAME_START = re.compile(r"\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s+[A-ZÀ-ÞА-ЯЁ]")


def apposition_text(text: str, after: int) -> str:
    """The words that describe a name ending at ``after``: ", a journalist and ..." or " is a ..."."""
    match = APPOSITION.match(text, after)
    if not match:
        return ""
    text = match.group(1)
    end = re.search(
        r"\b(?:was|were|has|had|will|who|which|said|told|is being)\b"
        r"|(?:,\s*|\s)(?:and|y|et|e|и)\s+(?=[A-ZÀ-ÞА-ЯЁ])",
        text,
    )
    return text[: end.start()] if end else text


def add_role(person: Person, role: str) -> None:
    role = role.lower()
    person.hrd_cues += 1
    if role not in person.roles:
        person.roles.append(role)


def count_mentions(doc: Document, people: list[Person]) -> None:
    """Every mention of each person, by full name, by surname and by a unique first name."""
    surnames = Counter(token_key(p.tokens[-1]) for p in people)
    firsts = Counter(token_key(p.tokens[0]) for p in people)
    by_surname = {token_key(p.tokens[-1]): p for p in people if surnames[token_key(p.tokens[-1])] == 1}
    by_first = {key: p for p in people if firsts[key := token_key(p.tokens[0])] == 1 and len(key) > 3}
    for sentence in doc.content_sentences():
        for match in CAPITALISED.finditer(sentence.text):
            key = token_key(match.group())
            for person, is_surname in ((by_surname.get(key), True), (by_first.get(key), False)):
                if person is None:
                    continue
                span = Span(sentence.span.start + match.start(), sentence.span.start + match.end())
                if not any(one_name_run(doc.text, m, span) for m in person.mentions[-1:]):
                    person.mentions.append(span)
                if is_surname:
                    read_surname_title(sentence.text, match.start(), person)
                    lead = LEADS.match(sentence.text, match.end())
                    add_organisations(person, [lead.group(1)] if lead else [])


SAME_RUN = re.compile(r"(?:\s+(?:[A-ZÀ-ÞА-ЯЁ][\w'’.-]*|de|del|da|dos|van|von|al|el|bin|ibn|y))*\s*")


def one_name_run(text: str, previous: Span, span: Span) -> bool:
    """ "Wilmer Paredes": the surname right after the given name is the same mention; the same
    name again later in the sentence is another."""
    if not previous.start <= span.start < previous.end + 40:
        return False
    return span.start < previous.end or SAME_RUN.fullmatch(text[previous.end : span.start]) is not None


def read_surname_title(text: str, end: int, person: Person) -> None:
    """ "Mr. Alcantara", "Mme Ngoy Banza": a title before a surname says person, and often gender."""
    title = word_before(text, end)
    if not title or title.lower() not in honorifics():
        return
    word = title.lower()
    if word not in person.honorifics:
        person.honorifics.append(word)
        person.female_cues += 2 if word in FEMALE_HONORIFICS else 0
        person.male_cues += 2 if word in MALE_HONORIFICS else 0


def word_before(text: str, end: int) -> str | None:
    r"""The word, then perhaps a full stop, then spaces, that ``text[:end]`` ends with: what
    ``(?<![\w-])([\w-]+)\.?\s+$`` finds there, read backwards from ``end`` alone."""
    at = end
    while at > 0 and text[at - 1].isspace():
        at -= 1
    if at == end:
        return None
    at -= 1 if at > 0 and text[at - 1] == "." else 0
    start = at
    while start > 0 and (is_word(text[start - 1]) or text[start - 1] == "-"):
        start -= 1
    return text[start:at] or None


CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÞА-ЯЁĀ-ſ][\w'’\-]*")
