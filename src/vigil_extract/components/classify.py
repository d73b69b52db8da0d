"""Language, boilerplate and the header: what the document is before what it says.

Boilerplate (letterhead, contact lines, board lists, address lists, share buttons,
registration footers) is marked so that no later component reads people, dates or places
from it. The header gives the headline, the publication date and the publisher.
"""

from __future__ import annotations

import re
from collections import Counter

from vigil_extract.components.dates import parse_date_line
from vigil_extract.components.places import country_of_name
from vigil_extract.document import Document, Sentence, Span

STOPWORDS = {
    "en": {
        "the",
        "and",
        "of",
        "to",
        "in",
        "was",
        "his",
        "her",
        "on",
        "for",
        "with",
        "that",
        "by",
        "is",
    },
    "fr": {
        "le",
        "la",
        "les",
        "des",
        "et",
        "du",
        "en",
        "une",
        "dans",
        "pour",
        "est",
        "par",
        "au",
        "été",
    },
    "es": {
        "el",
        "la",
        "los",
        "las",
        "y",
        "del",
        "en",
        "una",
        "por",
        "con",
        "para",
        "que",
        "fue",
        "su",
    },
}
DISTINCT_LETTERS = {"es": "ñáíóú¿¡", "fr": "èêçàùâîôœ"}
LETTER = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CONTACT_HINTS = (
    "www.",
    "http",
    "phone",
    "tel",
    "fax",
    "факс",
    "тел",
    "+",
    "regist",
    "company",
    "charity",
    "chy",
    "©",
    "reserved",
    "cookie",
    "subscri",
    "newsletter",
    "follow",
    "share",
    "donate",
    "índice",
    "index:",
    "ua:",
    "au:",
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
CONTACT = re.compile(
    r"\bwww\.|https?://|\b(?:phone|tel|fax|факс|тел|téléphone|teléfono)\b\.?\s*[:+(\d]"
    r"|\+\d[\d ()-]{6,}|\b(?:registered|company no|charity no|chy \d|©|all rights reserved|"
    r"cookies?|subscribe|newsletter|follow us|share this|donate|índice|index:|ua:|au:)",
    re.IGNORECASE,
)
BOILERPLATE_SECTION = re.compile(
    r"^\W*(?:.*\b(?:board of directors|board|advisory council|trustees)\b.*|addresses|adresses|"
    r"direcciones|адреса|contact|contacts|related(?: cases| news| articles)?|share|follow|"
    r"press contact|media contact|for (?:further|more) information.*|\*?the experts:?.*|"
    r"copies to|please also write to|preferred language.*|name and pronoun.*|"
    r"menu|navigation|comments?|read more|see also|tags?)\W*$",
    re.IGNORECASE,
)
LISTED_NAME = re.compile(r"^(?:[A-ZÀ-ÞА-ЯЁ][\w.'’\-]*\s*){2,5}(?:\([^)]*\))?\.?$")
EXPERTS_LIST = re.compile(r"^\W*(?:the experts|les experts|los expertos|эксперты)\s*:", re.IGNORECASE)
NOT_TITLE = re.compile(
    r"urgent (?:action|appeal)|acción urgente|appel urgent|срочн|press release|statement|"
    r"communiqué|comunicado|take action|^\W*\d|[a-z]+:\s*\d",
    re.IGNORECASE,
)
TITLE_PREFIX = re.compile(r"^\W*([^:\n]{3,60}?)\s*[:–—]\s+\S")
PUBLISHER_CUE = re.compile(
    r"(?:^|\.\s+)((?:The\s+)?[A-Z][\w’'&.\-]*(?:\s+(?:[A-Z][\w’'&.\-]*|for|of|the|and|on|des|de|du|la|le)){0,9})"
    r"\s+(?:strongly\s+|once\s+again\s+|further\s+|also\s+|therefore\s+)?"
    r"(?:urges|calls\s+on|calls\s+upon|condemns|is\s+gravely\s+concerned|demands|requests|exhorte|"
    r"condamne|demande|insta|exige|призывает|требует)"
)
HEADER_SEARCH = 40
PROSE_WORDS = 25
# "GENEVA (3 March 2025) –", "Dhaka, 14 September 2023:", "Dakar, le 29 mai 2024 —",
# "New York, le 1er avril 2011–", "Brussels 9 May 2005 (ICFTU OnLine):", "Москва, 5 мая 2024 г. —",
# "NAIROBI, Kenya, March 5, 2020 —", "5 March 2020 – Police ..."
DATELINE_OPENING = re.compile(
    r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ\s,/-]+\((?P<date>[^)]+)\)"
    r"|(?:(?!(?:On|In|Since|From|By|Until|Le|El|En|Dès|Depuis|Desde|Hasta|В|С|До)\s)"
    r"[A-ZÀ-ÞА-ЯЁ][\w.'’-]+(?:,?\s[A-ZÀ-ÞА-ЯЁ][\w.'’-]+){0,2},?\s+(?:(?:le|el)\s+)?)?"
    r"(?P<written>(?:\d{1,2}(?:er|º)?\s+(?:de\s+)?[A-Za-zÀ-ÿа-яё]+\.?(?:\s+de)?|[A-Z][a-z]+\.?\s+\d{1,2},?)"
    r"\s+\d{4})(?:\s*г\.)?(?:\s*\([^)]{1,40}\))?\s*[:–—-])"
)
# "Amnesty International, USA, Jan. 18, 2018.": a line of its own that ends with its date.
DATED_LINE = re.compile(r"^[^\n]{0,50}?\b(?:\d{1,2}(?:er)?\s+\w+\.?,?\s+|\w+\.?\s+\d{1,2},?\s+)\d{4}\.?$")


def classify(doc: Document) -> Document:
    """Detect the language, mark boilerplate and read the header."""
    doc.language = detect_language(doc.text)
    mark_boilerplate(doc)
    read_header(doc)
    return doc


def detect_language(text: str) -> str | None:
    """The language of the text by its commonest function words (Cyrillic means Russian)."""
    sample = text[:20000]
    letters = len(LETTER.findall(sample))
    if not letters:
        return None
    if len(CYRILLIC.findall(sample)) > letters * 0.3:
        return "ru"
    lowered = sample.lower()
    words = Counter(re.findall(r"[a-zà-ÿ]+", lowered))
    scores: dict[str, float] = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    for lang, letters_of in DISTINCT_LETTERS.items():  # decides short texts: "continúa", "procès"
        scores[lang] += 0.5 * sum(lowered.count(letter) for letter in letters_of)
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else None


def mark_boilerplate(doc: Document) -> None:
    """Flag contact lines, name lists and the sections they head (boards, addresses...)."""
    in_section = False
    for sentence in doc.sentences:
        text = sentence.text.strip("*# ")
        if sentence.is_heading and BOILERPLATE_SECTION.match(text):
            sentence.boilerplate = in_section = True
            continue
        contact = is_contact(text)
        name_list = is_name_list(text)
        if in_section and (sentence.is_list_item or name_list or contact):
            sentence.boilerplate = True
            continue
        in_section = False
        if EXPERTS_LIST.match(text) or name_list or (contact and not has_narrative_verb(text)):
            sentence.boilerplate = True


def is_contact(text: str) -> bool:
    """An e-mail address, a web address, a phone number or a registration line."""
    if "@" in text and EMAIL.search(text) is not None:
        return True
    lowered = text.lower()
    return any(hint in lowered for hint in CONTACT_HINTS) and CONTACT.search(text) is not None


def is_name_list(text: str) -> bool:
    """A line of three or more capitalised names separated by commas, with no verb."""
    if text.count(",") + text.count(";") < 2:
        return False
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if len(parts) < 3:
        return False
    capitalised = sum(1 for p in parts if LISTED_NAME.match(p))
    return capitalised >= len(parts) * 0.9


def has_narrative_verb(text: str) -> bool:
    return len(text) > 120 and bool(re.search(r"\b(?:was|were|has|had|is|are)\b", text))


def read_header(doc: Document) -> None:
    head = doc.sentences[:HEADER_SEARCH]
    dateline = next((s for s in head if is_dateline(s)), None) or next(
        (s for s in head[:15] if s.is_heading and is_dateline(s, fallback=True)), None
    )
    if dateline is not None:
        doc.published = parse_date_line(dateline_text(dateline.text), doc.language or "en")
        dateline.boilerplate = dateline.is_heading
        opening = DATELINE_OPENING.match(dateline.text)
        if opening and not dateline.is_heading:  # "GENEVA (3 March 2025) – UN experts ..."
            group = "date" if opening.group("date") else "written"
            start = dateline.span.start
            doc.dateline = Span(start + opening.start(group), start + opening.end(group))
    title = find_title(head, dateline)
    if title is not None:
        if doc.title is None:
            doc.title = title.text.strip("*# ")
        doc.title_span = title.span
        index = doc.sentences.index(title)
        for sentence in doc.sentences[:index]:
            if sentence is not dateline:
                sentence.boilerplate = True
    elif doc.title:
        match = next((s for s in head if s.text.strip() == doc.title.strip()), None)
        doc.title_span = match.span if match else None
    doc.publisher = find_publisher(doc)


def is_dateline(sentence: Sentence, *, fallback: bool = False) -> bool:
    """A short line (or a "CITY (date) –" opening) that holds one full date."""
    short_line = (len(sentence.text) <= 40 or DATED_LINE.match(sentence.text)) and "\n" not in sentence.text
    if not (sentence.is_heading or short_line or DATELINE_OPENING.match(sentence.text)):
        return False
    text = dateline_text(sentence.text)
    if len(text) > 90 or not re.search(r"\d{4}", text):
        return False
    return parse_date_line(text, fallback=fallback) is not None


def dateline_text(text: str) -> str:
    """The date part of a dateline such as ``GENEVA (3 March 2025) – UN experts ...``."""
    match = DATELINE_OPENING.match(text)
    if match:
        return match.group("date") or match.group("written")
    match = re.search(r"(?:date|fecha|posted|publié le|опубликовано)\s*:\s*(.+)$", text, re.IGNORECASE)
    return match.group(1).strip() if match else text


def find_title(head: list[Sentence], dateline: Sentence | None) -> Sentence | None:
    """The headline: a heading line before the body starts, never one after it (a text that
    opens with its body and ends with a link line has no headline, and is read whole)."""
    head = head[: body_start(head)]
    headings = [
        s
        for s in head
        if s.is_heading and not s.boilerplate and len(s.text.split()) >= 4 and not is_contact(s.text)
    ]
    for sentence in headings:
        prefix = TITLE_PREFIX.match(sentence.text)
        if prefix and country_of_name(prefix.group(1)):
            return sentence
    candidates = [s for s in headings if not NOT_TITLE.search(s.text) and s is not dateline]
    if dateline is not None:
        after = [s for s in candidates if s.span.start > dateline.span.start]
        if after and head.index(after[0]) - head.index(dateline) <= 2:
            return after[0]
    return candidates[0] if candidates else None


def body_start(sentences: list[Sentence]) -> int:
    """Index of the first sentence of running prose: a long sentence, or one of a paragraph of
    several sentences. A photo caption or a breadcrumb before the headline is not prose."""
    blocks = Counter(s.block for s in sentences)
    for index, sentence in enumerate(sentences):
        if sentence.is_heading or sentence.is_list_item:
            continue
        if len(sentence.text.split()) >= PROSE_WORDS or blocks[sentence.block] > 1:
            return index
    return len(sentences)


def find_publisher(doc: Document) -> str | None:
    """Who speaks ("X strongly condemns", "X urges"), else the name atop the letterhead."""
    names: Counter[str] = Counter()
    for sentence in doc.content_sentences():
        for match in PUBLISHER_CUE.finditer(sentence.text):
            name = match.group(1).strip()
            if not name.lower().startswith(("the authorities", "we ", "i ")) and len(name) > 3:
                names[name] += 1
    return names.most_common(1)[0][0] if names else letterhead_name(doc)


def letterhead_name(doc: Document) -> str | None:
    """The first line of the document when it names an organisation: "KILIMO ROAD RIGHTS COLLECTIVE"."""
    first = doc.sentences[0] if doc.sentences else None
    if first is None or first.span == doc.title_span or NOT_TITLE.search(first.text):
        return None
    line = max(first.text.split("\n")[0].split("|"), key=len).strip(" *#")
    if not (2 <= len(line.split()) <= 12) or is_dateline(first):
        return None
    return smart_title(line) if line.isupper() else line


def smart_title(text: str) -> str:
    small = {"for", "of", "the", "and", "on", "in", "to", "a", "de", "la", "des", "du", "et", "y", "del"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))
