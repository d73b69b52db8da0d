"""Events: what happened to whom, when, where, by whom, under which law, for how long.

A sentence yields an event when it holds a trigger of ``vocab/triggers.yaml`` and a date:
its own, or the last date of its paragraph. Announced dates (after publication, "until",
"will") give no event. Each trigger takes the nearest date written before it, unless a date
follows it at once ("the trial opened on 5 October") or another trigger stands between
("arrested on Wednesday and charged today"). A date told after the trigger in another clause
("charged for a report on killings committed on 5 May") is not the trigger's, nor is a date
after a court step's reason ("sentenced for their role in the protests in 2019"), a date in an
aside between dashes or brackets, or the day of a protest carried to the sentence that judged it.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from vigil_extract import vocab
from vigil_extract.components.places import first_city
from vigil_extract.components.sentence_index import SUBJECT_SPLIT, SentenceIndex, is_word
from vigil_extract.components.triggers import Trigger, find_triggers
from vigil_extract.document import (
    DateMention,
    Document,
    Event,
    PartialDate,
    Sentence,
)

FUTURE = re.compile(
    r"\b(?:will|would|shall|is\s+expected\s+to|are\s+expected\s+to|is\s+scheduled|are\s+scheduled|"
    r"is\s+due\s+to|scheduled\s+for|plans?\s+to|set\s+to|va\s+|sera|será|se\s+prevé|будет|намечено)\b",
    re.IGNORECASE,
)
# "il était prévu une audience le 29 décembre", "there was scheduled a hearing": a court day
# planned, not held (whether it was held the text tells elsewhere); "the scheduled hearing on
# 3 May" may have been held and is left alone.
SCHEDULED = re.compile(
    r"\b(?:(?:était|est|sont|étaient)\s+(?:prévue?s?|programmée?s?)|"
    r"(?:estaba|está|estaban|están)\s+(?:previst[oa]s?|programad[oa]s?)|"
    r"(?:was|were)\s+(?:planned|scheduled)|было\s+назначено)"
    r"\s+(?:[\w'’]+\s+){0,3}$",
    re.IGNORECASE,
)
# "released on bail after spending 62 days in jail", "libéré après trois mois": the day is
# that long after the one told before, so the carried date is not it.
ELAPSED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:after|après|después\s+de|tras|спустя|через)\s+"
    r"(?:(?:spending|having\s+spent|avoir\s+passé|pasar|haber\s+pasado|nearly|almost|more\s+than|over|"
    r"plus\s+de|près\s+de|más\s+de|casi|более|почти)\s+)*"
    r"(?:\d+|[a-zà-ÿа-яё]+)(?:\s+(?:and|et|y|и)\s+(?:\d+|[a-zà-ÿа-яё]+))?\s+"
    r"(?:days?|weeks?|months?|years?|jours|semaines|mois|ans|années|días|semanas|meses|años|"
    r"дн\w*|недел\w*|месяц\w*|год\w*|лет)\b",
    re.IGNORECASE,
)
PERPETRATOR_NOUNS = re.compile(
    r"\b(?:police|officers?|officials?|authorities|court|judge|men|gunmen|assailants|attackers|agents|"
    r"soldiers|army|military|security|investigators?|prosecutors?|guards?|militia|militiamen|"
    r"representatives?|persons|individuals|unknown|unidentified|plainclothes|forces|service|"
    r"ministry|government|committee|members|group|полиц\w*|сотрудник\w*|суд\w*|следовател\w*|"
    r"policiers?|agents?|hommes|militaires|gendarmes?|gendarmerie|policía|agentes|hombres|militares|"
    r"desconocidos|soldados|paramilitares|"
    r"fiscal\w*|juez|jueza|tribunal\w*|procureur|parquet|juge|прокуратур\w*|следствени\w*)\b",
    re.IGNORECASE,
)
# "elle a été présentée à un juge", "she was brought before a judge": the agent starts at the article.
LEADING_CLAUSE = re.compile(
    r"^.*\b(?:à|au|aux|to|before|ante|devant|перед)\s+(?=(?:un|une|le|la|les|des|a|an|the|el|los|las)\s)",
    re.IGNORECASE,
)
TRAILING_ADVERBS = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?(?:already|also|unlawfully|reportedly|allegedly|violently|then|later|"
    r"had|have|has|was|were)$"
)
NAME_WORD = r"[A-ZÀ-ÞА-ЯЁ“\"«][^\s,;]*"
AGENT_PHRASE = re.compile(  # up to the last agent noun, with the names that complete it
    rf"^.*(?i:{PERPETRATOR_NOUNS.pattern})(?:\s+{NAME_WORD})*"
    rf"(?:\s+(?:of|de|del|du|des|la|the|from|in)\s+(?:the\s+|la\s+|el\s+|les\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)*"
)
BY_PHRASE = re.compile(  # "by X" in the trigger's own clause, up to where the agent ends (matched at it)
    r"[^,;.]{0,40}?\b(?:by|par|por|по\s+приказу)\s+((?:the\s+|les?\s+|la\s+|el\s+|los\s+)?[^,.;:]{3,120}?)"
    r"(?=[,.;:]|\s+(?:in|on|at|after|while|for|under|and|who|which|when|outside|near|"
    r"en|à|dans|a|de\s+la|el|lors|sous|bajo)\b|$)",
    re.IGNORECASE,
)
NUMBER_WORD = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"eighteen|twenty|thirty|forty|fifty|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
    r"quinze|vingt|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince|veinte|"
    r"одн\w+|дв\w+|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восем\w+|девят\w+|десят\w+|\w+надцат\w+)"
)
DURATION = re.compile(
    rf"(?<!up to )(?<!jusqu'à )(?<!hasta )\b({NUMBER_WORD}(?:\s*(?:,|and|et|y|и)\s*{NUMBER_WORD})*"
    r"(?:\s+and\s+a\s+half)?\s+(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?|"
    r"días?|semanas?|meses|mes|años?|дн\w*|сут\w*|недел\w*|месяц\w*|год\w*|лет)(?:['’])?)(?!\s+(?:ago|old|later|earlier))",
    re.IGNORECASE,
)
DURATION_TYPES = {"sentence", "detention", "conviction", "arrest"}
MERGED_GROUPS = {
    "arrest": "deprivation",
    "detention": "deprivation",
    "conviction": "sentence_group",
    "sentence": "sentence_group",
}
SUPERSEDED_BY = {"abduction": "enforced_disappearance"}
AFTER_PENALTY = 15
# What one night's story tells sentence after sentence; the rest takes a carried date only in
# the sentence right after the one that wrote it.
EPISODE = {"physical_attack", "threat", "abduction", "raid", "surveillance", "killing", "release", "arrest"}
AFTER_REACH = 100  # a date further after its trigger than this tells something else
OTHER_TRIGGER_PENALTY = 200
# Only a preposition between the trigger and the date: the date is the trigger's own.
ATTACHED_AFTER = re.compile(
    r"^\s*(?:(?:on|in|at|during)(?:\s+the\s+(?:night|morning|evening|afternoon)\s+of)?|"
    r"le|en|au|dans\s+la\s+nuit\s+du|el|en\s+la\s+noche\s+del|в|во)?\s*$",
    re.IGNORECASE,
)
# A relative pronoun or a verb of occurrence opens another clause: its date is not the trigger's.
OTHER_CLAUSE = re.compile(
    r"\b(?:which|that|who|whom|whose|where|since|committed|occurred|took\s+place|happened|"
    r"qui|que|dont|où|depuis|commis|survenu\w*|quien(?:es)?|cuy[oa]s?|donde|desde|ocurrid\w*|"
    r"cometid\w*|которы\w*|где|после\s+того|произошл\w*|совершен\w*)\b",
    re.IGNORECASE,
)
LIST_SEPARATOR = re.compile(r",|\band\b|\bet\b|\by\b|\bи\b|[–—]")
SINCE_DATE = re.compile(r"(?:since|desde|depuis|с)\b", re.IGNORECASE)
OWN_QUALIFIER = re.compile(r"\b(?:since|desde|depuis|с)\s*$", re.IGNORECASE)
# "sentenced to jail for their role in the protests in 2019", "condamné pour un article publié en
# 2020": the date after the court's reason is the date of what was judged, not of the judgment.
COURT_STEPS = {"conviction", "sentence", "hearing", "trial", "acquittal", "fine", "charge"}
REASON = re.compile(r"\b(?:for|over|pour|por|за)\b", re.IGNORECASE)
# "X – who pleaded guilty for the 31 August rally – was given ...", "(in 2013)": an aside's date
# is the aside's.
ASIDE = re.compile(r"\s[–—-]\s[^–—]{3,200}?\s[–—-]\s|\([^()]{3,200}\)")
DATE_OPENS_ASIDE = re.compile(
    r"\s*[–—(-]?\s*(?:(?:on|in|at|since|le|en|el|del|в|с|depuis|desde)\s+)?(?:the\s+)?$", re.IGNORECASE
)
RELATIVE_OPENING = re.compile(r"^\s*,?\s*(?:which|that|qui|que|которы\w*)\b", re.IGNORECASE)
NO_AGENT = {"protest", "release", "acquittal"}
# "has been held", "étaient poursuivis", "había sido": a state told, not the carried day's news.
ONGOING = re.compile(
    r"\b(?:has|have)\s+"
    r"(?:been\s+)?(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "since 2021": when a state began; a court's or a killer's day is another one.
ONE_DAY = {"conviction", "sentence", "hearing", "trial", "release", "acquittal", "fine", "killing", "charge"}
# "A court has sentenced X", "X a été arrêté", "X ha sido detenido": news told in the item's
# first sentence happened on the item's day when the sentence writes no date of its own.
JUST_HAPPENED = re.compile(
    r"\b(?:has|have)\s+(?:just\s+)?(?:been\s+)?"
    r"(?:(?!(?:recently|repeatedly|previously|already|often|long|ever|since)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "four months since the abduction of", "depuis son arrestation": the act is the past the
# sentence's date is counted from, not what happened on it.
SINCE_THE_ACT = re.compile(
    r"\b(?:since|depuis|desde|с\s+момента)\s+(?:(?:the|his|her|their|its|l['’]|la|le|les|son|sa|leur|leurs|"
    r"el|los|las|su|sus)\s*)?$",
    re.IGNORECASE,
)
OTHERS_CLAUSE = re.compile(
    r"((?:[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s+){1,3}[A-ZÀ-ÞА-ЯЁ][\w'’-]+),\s+who\s+(?:\w+\s+){0,3}$"
)


@cache
def legal_patterns(language: str) -> list[re.Pattern[str]]:
    table = vocab.load("legal")["patterns"]
    return [re.compile(p) for p in table.get(language, []) + (table["en"] if language != "en" else [])]


def find_events(doc: Document) -> Document:
    """Fill ``doc.events``, oldest first, one per (date, type group)."""
    language = doc.language or "en"
    events: list[Event] = []
    named_in = defenders_by_sentence(doc)
    carried: DateMention | None = None
    carried_from = -1
    carried_for: set[str] = set()  # the event types the carried date dated in its own sentence
    current_block = -1
    block_sizes = Counter(s.block for s in doc.sentences)
    lead = lead_mention(doc)
    for index, sentence in enumerate(doc.sentences):
        if sentence.boilerplate or sentence.is_list_item or sentence.span == doc.title_span:
            continue
        mentions = [m for m in doc.dates.get(index, []) if not m.future]
        if lead is not None and lead.span.start == sentence.span.start:
            scan = sentence_index(sentence, mentions, language)
            events += [
                build_event(doc, scan, trigger, lead, lead.dates[0], language, named_in)
                for trigger in scan.triggers
                if JUST_HAPPENED.search(sentence.text[max(0, trigger.start - 40) : trigger.start])
            ]
        if sentence.block != current_block:
            # News style (one-sentence paragraphs): the date of the lead carries into the next
            # paragraph when that one opens without a date of its own.
            news_style = (
                carried is not None
                and block_sizes.get(current_block) == 1
                and sentence.block == current_block + 1
                and index not in doc.dates
                and not sentence.text.startswith(('"', "“", "«", "'", "‘", "—", "–"))
                and not (doc.publisher and sentence.text.startswith(doc.publisher))
            )
            carried = carried if news_style else None
            current_block = sentence.block
        if any(m.future for m in doc.dates.get(index, [])) and not mentions:
            continue
        if mentions or carried is not None:
            scan = sentence_index(sentence, mentions, language)
            dated_here: dict[int, set[str]] = {}
            for trigger, mention in dated_triggers(doc, scan, carried):
                if mention is carried and index - carried_from > 1 and trigger.type not in EPISODE:
                    continue  # a charge or a release told later in the paragraph is another day's
                if mention is carried and trigger.type in COURT_STEPS and carried_for == {"protest"}:
                    continue  # the day of the rallies told before is not the day they were judged
                if mention is carried and ELAPSED_AFTER.match(sentence.text, trigger.end):
                    continue  # "released after spending 62 days in jail": not the day told before
                dated_here.setdefault(id(mention), set()).add(trigger.type)
                for date in mention.dates:
                    events.append(build_event(doc, scan, trigger, mention, date, language, named_in))
        foreground = [m for m in mentions if not m.background and not in_other_clause(sentence, m, language)]
        if foreground:
            carried, carried_from = foreground[-1], index
            carried_for = dated_here.get(id(carried), set())
    doc.events = merge(events)
    return doc


def in_other_clause(sentence: Sentence, mention: DateMention, language: str) -> bool:
    """ "the riots, which took place on 1 July": a date told in a clause about something else
    does not carry into the next paragraph; a clause right after a trigger is the trigger's
    ("the protests that in 2018 ...")."""
    start = mention.span.start - sentence.span.start
    other = OTHER_CLAUSE.search(sentence.text, max(0, start - 40), start)
    if other is None:
        return False
    opening = other.start()  # where the words before the clause end, spaces and commas aside
    while opening > 0 and sentence.text[opening - 1] in " ,":
        opening -= 1
    return opening not in trigger_ends(sentence.text, language)


@lru_cache(maxsize=64)
def trigger_ends(text: str, language: str) -> frozenset[int]:
    """Where the sentence's triggers end, found once (a sentence may hold thousands of dates)."""
    return frozenset(trigger.end for trigger in find_triggers(text, language))


def sentence_index(sentence: Sentence, mentions: list[DateMention], language: str) -> SentenceIndex:
    """The sentence's triggers, found once, and what every trigger asks about the sentence."""
    return SentenceIndex.of(sentence, find_triggers(sentence.text, language), mentions)


def lead_mention(doc: Document) -> DateMention | None:
    """The item's own day, for the first sentence of its body when that sentence writes no date."""
    if doc.published is None or doc.published.day is None:
        return None
    for index, sentence in enumerate(doc.sentences):
        if sentence.boilerplate or sentence.is_list_item or sentence.span == doc.title_span:
            continue
        if len(sentence.text.split()) < 6:
            continue  # a date line, a caption, a category
        if any(not after_a_reason(sentence, m, doc.language or "en") for m in doc.dates.get(index, [])):
            return None
        return DateMention(sentence.span, (doc.published,), relative=True)
    return None


def after_a_reason(sentence: Sentence, mention: DateMention, language: str) -> bool:
    """ "have been sentenced for their role in the protests last year": a date after a court
    step's reason is the reason's."""
    start = mention.span.start - sentence.span.start
    return any(
        trigger.type in COURT_STEPS
        and not any(d.day for d in mention.dates)
        and REASON.search(sentence.text, trigger.end, start) is not None
        for trigger in find_triggers(sentence.text, language)
        if trigger.end <= start
    )


def dated_triggers(
    doc: Document, scan: SentenceIndex, carried: DateMention | None
) -> list[tuple[Trigger, DateMention]]:
    """The sentence's triggers that tell a dated happening, each with its date."""
    found = []
    sentence, mentions = scan.sentence, scan.mentions
    base = sentence.span.start
    for trigger in scan.triggers:
        mention = nearest_mention(scan, trigger)
        if mention is not None and in_an_aside(sentence.text, trigger, mention.span.start - base):
            continue
        if mention is None and not (
            trigger.nominal
            or mentions
            or ONGOING.search(sentence.text[max(0, trigger.start - 30) : trigger.start])
        ):
            mention = carried  # a sentence whose own dates tell other things carries none
        if mention is None or FUTURE.search(sentence.text[max(0, trigger.start - 60) : trigger.start]):
            continue
        if trigger.type in ("hearing", "trial") and SCHEDULED.search(
            sentence.text[max(0, trigger.start - 40) : trigger.start]
        ):
            continue
        if trigger.nominal and about_someone_else(doc, sentence, trigger):
            continue
        if mention.span.start < base + trigger.start and SINCE_THE_ACT.search(
            sentence.text[max(0, trigger.start - 30) : trigger.start]
        ):
            continue  # "on 9 November, four months since the abduction"; "since her arrest on 5 May" is dated
        if in_someone_elses_clause(doc, sentence, trigger):
            continue
        listed = listed_after(scan, trigger, mention)
        if listed and len(mention.dates) == 1 and mention.dates[0].month is None:
            mention_year = mention.dates[0].year
            if all(d.year == mention_year for m in listed for d in m.dates):
                listed, mention = listed[1:], listed[0]  # "in 2020 – of X in April, Y in July"
        found += [(trigger, m) for m in (mention, *listed)]
    return found


@lru_cache(maxsize=64)
def asides(text: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's asides (between dashes, in brackets) start and end, found once."""
    return tuple((aside.start(), aside.end()) for aside in ASIDE.finditer(text))


def in_an_aside(text: str, trigger: Trigger, date_start: int) -> bool:
    """The date stands inside an aside of its own (it does not open it: "– on 5 May –" and
    "(5 May 2020)" date the sentence; a dateline's does not) that does not hold the trigger."""
    spans = asides(text)
    index = bisect_right(spans, (date_start, sys.maxsize)) - 1
    if index < 0:
        return False
    start, end = spans[index]
    if date_start >= end or start <= trigger.start < end:
        return False
    if text[:start].strip().isupper():
        return True  # "GENEVA (10 April 2025) –": a dateline, the day of the statement
    return DATE_OPENS_ASIDE.match(text, start, date_start) is None


def listed_after(scan: SentenceIndex, trigger: Trigger, mention: DateMention) -> list[DateMention]:
    """Dates listed after the trigger's own, each with its people ("arrests were made in 2020 –
    of X in April, Y in July and Z in October"): the same happening on each day. The list ends
    at another trigger, a semicolon or another clause."""
    end = scan.sentence.span.start + trigger.end
    if mention.span.start < end:
        return []  # only a date the trigger is told with opens a list
    end = mention.span.end
    listed = []
    for later in scan.mentions_from(end):
        if later.span.start < end or not later.dates or later.relative:
            continue
        if scan.length(end, later.span.start) > 80:
            break
        between = OWN_QUALIFIER.sub("", scan.slice(end, later.span.start))  # "..., the third since 9 April"
        if (
            ";" in between
            or not LIST_SEPARATOR.search(between)
            or OTHER_CLAUSE.search(between)
            or scan.trigger_starts_in(end, later.span.start)
            or scan.trigger_starts_in(later.span.end, later.span.end + 41)  # "on 5 April they arrested"
        ):
            break
        listed.append(later)
        end = later.span.end
    return listed


def since_date(mention: DateMention, scan: SentenceIndex) -> bool:
    """ "since 2021": a date that tells when a state began."""
    return SINCE_DATE.match(scan.slice(mention.span.start, mention.span.end)) is not None


def nearest_mention(scan: SentenceIndex, trigger: Trigger) -> DateMention | None:
    """The date written closest to the trigger; a date after it must be much closer to win
    ("In 2016 he was sentenced ...; he was released in March 2019"), unless only a preposition
    separates them. A date with another trigger between belongs to that one first. The
    earliest listed of equally close dates wins."""
    base = scan.sentence.span.start
    start, end = base + trigger.start, base + trigger.end

    def claimed(mention: DateMention) -> bool:  # "arrested on Wednesday and charged today"
        # Another trigger ends at or after the date: nothing between, so only a preposition.
        if scan.trigger_ends_in(mention.span.start, start):
            return True
        near = scan.trigger_ends_from(scan.attached_from(mention.span.start), mention.span.start - 1)
        return any(ATTACHED_AFTER.match(scan.slice(o, mention.span.start)) for o in near)

    def distance(mention: DateMention) -> int:
        if mention.span.end <= start:
            crossed = scan.trigger_starts_in(mention.span.end, start) or claimed(mention)
            return (
                start
                - mention.span.end
                + (1000 if scan.semicolon_in(mention.span.end, start) else 0)
                + (OTHER_TRIGGER_PENALTY if crossed else 0)
            )
        gap = scan.length(end, mention.span.start)
        if end >= scan.attached_from(mention.span.start) and ATTACHED_AFTER.match(
            scan.slice(end, mention.span.start)
        ):
            return gap
        crossed = scan.trigger_starts_in(end, mention.span.start)
        return (
            gap
            + AFTER_PENALTY
            + (1000 if scan.semicolon_in(end, mention.span.start) else 0)
            + (OTHER_TRIGGER_PENALTY if crossed else 0)
        )

    if trigger.type in ONE_DAY:
        order = scan.mention_order("since", lambda mention: since_date(mention, scan))
    else:
        order = scan.mention_order("all", lambda mention: False)
    mentions = scan.mentions
    best: tuple[int, int] | None = None
    for number in order.starting_by(start, end + AFTER_REACH):
        mention = mentions[number]
        if mention.span.end <= start or its_own_clause(scan, trigger, mention):
            best = min(best or (sys.maxsize, 0), (distance(mention), number))
    for mention_end, number in order.ending_by(start):
        if best is not None and start - mention_end > best[0]:
            break  # a date further back is further away, whatever its penalties
        best = min(best or (sys.maxsize, 0), (distance(mentions[number]), number))
    return None if best is None else mentions[best[1]]


def its_own_clause(scan: SentenceIndex, trigger: Trigger, mention: DateMention) -> bool:
    """A date after the trigger is the trigger's when it is near and in the same clause; a
    relative clause right after the trigger is about it ("the protests that in 2018 ...")."""
    end = scan.sentence.span.start + trigger.end
    if scan.length(end, mention.span.start) > AFTER_REACH:
        return False
    between = scan.slice(end, mention.span.start)
    between = RELATIVE_OPENING.sub("", OWN_QUALIFIER.sub("", between))  # "since 30 March"
    if trigger.type in COURT_STEPS and REASON.search(between) and not any(d.day for d in mention.dates):
        return False  # "for their role in the protests in 2019"; "for treason on 4 June 2021" is the day
    return OTHER_CLAUSE.search(between) is None


def in_someone_elses_clause(doc: Document, sentence: Sentence, trigger: Trigger) -> bool:
    """ "..., Kuandyk Bishimbayev, who was on trial": a relative clause about someone else."""
    match = OTHERS_CLAUSE.search(sentence.text[max(0, trigger.start - 80) : trigger.start])
    if not match:
        return False
    named = match.group(1).lower()
    return not any(d.name.split()[-1].lower() in named for d in doc.defenders)


def doc_slice(sentence: Sentence, start: int, end: int) -> str:
    """Text of the sentence between two document offsets."""
    return sentence.text[max(start - sentence.span.start, 0) : max(end - sentence.span.start, 0)]


def about_someone_else(doc: Document, sentence: Sentence, trigger: Trigger) -> bool:
    """A noun trigger about a named person who is not a defender: "the killing of X by her husband"."""
    after = sentence.text[trigger.end : trigger.end + 60]
    match = re.match(r"^(?:\s+of)?\s+((?:[A-ZÀ-ÞА-ЯЁ][\w'’-]+\s*){2,4})", after)
    if not match:
        return False
    named = match.group(1).lower()
    return not any(d.name.split()[-1].lower() in named for d in doc.defenders)


def build_event(
    doc: Document,
    scan: SentenceIndex,
    trigger: Trigger,
    mention: DateMention,
    date: PartialDate,
    language: str,
    named_in: dict[int, list[str]],
) -> Event:
    sentence = scan.sentence
    event = Event(
        date=date,
        type=trigger.type,
        evidence=sentence.span,
        location=scan.memo("city", lambda: first_city(sentence)),  # type: ignore[arg-type]
        perpetrator=perpetrator(scan, trigger, mention) if trigger.type not in NO_AGENT else None,
        victims=victims(doc, sentence, named_in),
        legal_basis=scan.memo("legal", lambda: legal_basis(sentence.text, language)),  # type: ignore[arg-type]
        duration=duration(scan, trigger) if trigger.type in DURATION_TYPES else None,
        trigger=sentence.text[trigger.start : trigger.end],
        confidence=event_confidence(sentence, trigger, mention),
    )
    for name in ("location", "perpetrator", "legal_basis", "duration"):
        value = getattr(event, name)
        if value:
            setattr(event, name, " ".join(value.split()))  # lines broken in a PDF
    return event


def event_confidence(sentence: Sentence, trigger: Trigger, mention: DateMention) -> float:
    """Surest when the sentence tells the act with a verb and writes its own full date."""
    confidence = 0.8 if sentence.span.contains(mention.span) else 0.6  # else carried from before
    confidence -= 0.1 if trigger.nominal else 0.0
    confidence -= 0.1 if mention.relative else 0.0
    return round(confidence, 2)


def perpetrator(scan: SentenceIndex, trigger: Trigger, mention: DateMention) -> str | None:
    """Who did it, as the text describes them: "by X" after the trigger, or the subject before."""
    text = scan.sentence.text
    at = trigger.end
    if 0 < at < len(text) and is_word(text[at - 1]) and is_word(text[at]):
        by = BY_PHRASE.match(text[at:])  # where only a slice sees a word boundary
    else:
        by = BY_PHRASE.match(text, at)
    if by and PERPETRATOR_NOUNS.search(by.group(1)):
        return by.group(1).strip()
    date_end = mention.span.end - scan.sentence.span.start
    start = date_end if 0 <= date_end <= trigger.start else 0
    for chunk in subject_chunks(scan, start, trigger.start):
        if chunk and len(chunk) < 120 and PERPETRATOR_NOUNS.search(chunk):
            return agent_phrase(chunk.strip())
    return None


def subject_chunks(scan: SentenceIndex, start: int, end: int) -> Iterable[str | None]:
    """The parts of ``text[start:end]`` between commas and "then", last first, stripped of
    spaces and commas (None for one too long to name an agent)."""
    spans = scan.subject_chunks(start, end, PERPETRATOR_NOUNS)
    if spans is None:
        return reversed([c.strip(" ,") for c in SUBJECT_SPLIT.split(scan.sentence.text[start:end])])
    return (scan.short_stripped(s, e) for s, e in spans)


def agent_phrase(chunk: str) -> str | None:
    """The agent as described: up to its last noun and the names completing it, unless more
    names follow ("a representative of the Amanat political party in the Kazakhstani Parliament")."""
    chunk = LEADING_CLAUSE.sub("", chunk)
    phrase = AGENT_PHRASE.match(chunk)
    if phrase is None:
        return None
    rest = chunk[phrase.end() :]
    if re.search(r"\s[A-ZÀ-ÞА-ЯЁ]", rest) or PERPETRATOR_NOUNS.search(rest):
        return TRAILING_ADVERBS.sub("", chunk) or None
    return phrase.group(0).strip()


def victims(doc: Document, sentence: Sentence, named_in: dict[int, list[str]]) -> list[str]:
    """The defenders the sentence names; the only defender when it names none."""
    named = named_in.get(sentence.span.start, [])
    if named:
        return named
    if len(doc.defenders) == 1:
        return [doc.defenders[0].name]
    return []


def defenders_by_sentence(doc: Document) -> dict[int, list[str]]:
    """Sentence start → the defenders mentioned in it (mentions placed by binary search)."""
    starts = [s.span.start for s in doc.sentences]
    found: dict[int, list[str]] = {}
    for defender in doc.defenders:
        spans = [*defender.mentions, *([defender.evidence] if defender.evidence else [])]
        for span in spans:
            index = bisect_right(starts, span.start) - 1
            if index < 0 or not doc.sentences[index].span.contains(span):
                continue
            names = found.setdefault(doc.sentences[index].span.start, [])
            if defender.name not in names:
                names.append(defender.name)
    return found


def legal_basis(text: str, language: str) -> str | None:
    for pattern in legal_patterns(language):
        match = pattern.search(text)
        if match:
            return match.group(0).strip(" ,")
    return None


def duration(scan: SentenceIndex, trigger: Trigger) -> str | None:
    """The first duration from the trigger on, else the sentence's last one."""
    matches: list[re.Match[str]] = scan.memo(  # type: ignore[assignment]
        "durations", lambda: list(DURATION.finditer(scan.sentence.text))
    )
    if not matches:
        return None
    starts: list[int] = scan.memo("duration starts", lambda: [m.start() for m in matches])  # type: ignore[assignment]
    after = bisect_left(starts, trigger.start)
    chosen = matches[after] if after < len(matches) else matches[-1]
    return chosen.group(1).rstrip("'’")


def merge(events: list[Event]) -> list[Event]:
    """One event per date and type group, the first sentence's wording kept; oldest first."""
    seen: dict[tuple[str, str], Event] = {}
    for event in events:
        key = (date_key(event), MERGED_GROUPS.get(event.type, event.type))
        kept = seen.get(key)
        if kept is None:
            seen[key] = event
            continue
        kept.legal_basis = kept.legal_basis or event.legal_basis
        kept.duration = kept.duration or event.duration
        kept.location = kept.location or event.location
        kept.perpetrator = kept.perpetrator or event.perpetrator
        if event.type == "sentence" and kept.type == "conviction":
            kept.type = "sentence"
    ordered = [
        e
        for e in seen.values()
        if not (e.type in SUPERSEDED_BY and (date_key(e), SUPERSEDED_BY[e.type]) in seen)
    ]
    ordered.sort(key=lambda e: (e.date.iso() if e.date else "", e.evidence.start))
    return ordered


def date_key(event: Event) -> str:
    return event.date.iso() if event.date else ""
