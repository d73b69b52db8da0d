"""Header detection never hides the body: texts without letterhead or headline are read whole.

Every text here is fictional, written for these tests."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text

BODY_FIRST = (
    "Mr Joseph Example was a human rights lawyer in Zambia who defended farmers against the seizure "
    "of their land in the north of the country. On 4 March 2021 he was shot and killed outside his "
    "home in Kitwe by unidentified gunmen.\n\n"
    "The Law Society wrote to the Minister of Justice on 12 April 2021.\n\n"
    "Read the full intervention at example.org/interventions/zambia\n"
)


def test_a_text_that_opens_with_its_body_and_ends_with_a_link_is_read_whole() -> None:
    doc = extract_text(BODY_FIRST)
    assert doc.title is None
    assert doc.country == "ZM"
    assert ("2021-03-04", "killing") in {(e.date.iso() if e.date else "", e.type) for e in doc.events}
    assert not any(s.boilerplate for s in doc.sentences[:3])


def test_a_caption_and_a_breadcrumb_before_the_headline_do_not_hide_it() -> None:
    text = (
        "Home > News > Defenders\n\n"
        "Photo: demonstrators outside the court (Example Press)\n\n"
        "Guatemala: land defender Rosa Example detained in Cobán\n\n"
        "On 2 June 2024, police detained land defender Rosa Example in Cobán after a community "
        "meeting. She is held at the local police station.\n"
    )
    doc = extract_text(text)
    assert doc.title == "Guatemala: land defender Rosa Example detained in Cobán"
    assert doc.country == "GT"
    assert [d.name for d in doc.defenders] == ["Rosa Example"]


def test_a_court_record_page_of_field_labels_is_read() -> None:
    text = (
        "Court\nSupreme Court of Example\n\n"
        "Presiding Judge\nJudge Ana Officer\n\n"
        "Procedural History\n\n"
        "On 9 September 2019 the trial court convicted journalist Tomás Example of defamation for "
        "his reporting on the mayor of Chiclayo, Peru, and sentenced him to two years in prison. "
        "The appeal court upheld the sentence on 3 February 2020.\n\n"
        "Summary of Reasoning\n\n"
        "The court held that criminal defamation laws may not be used against reporting on officials.\n"
    )
    doc = extract_text(text)
    assert doc.country == "PE"
    kinds = {(e.date.iso() if e.date else "", e.type) for e in doc.events}
    assert ("2019-09-09", "sentence") in kinds


DATELINES = [
    (
        "Dakar, le 29 mai 2024 — Le Comité s'inquiète de la détention du journaliste Paul Exemple.",
        "2024-05-29",
    ),
    ("New York, le 1er avril 2011–Un gouverneur a ordonné l'incarcération de Paul Exemple.", "2011-04-01"),
    ("Brussels 9 May 2005 (Union OnLine): The unions condemned the arrest of Tesfay Example.", "2005-05-09"),
    ("NAIROBI, Kenya, March 5, 2020 — Police arrested defender Ana Example.", "2020-03-05"),
    ("Lima, 5 de marzo de 2020 - La policía detuvo a la defensora Ana Ejemplo.", "2020-03-05"),
    ("Москва, 5 мая 2024 г. — Правозащитник Иван Примеров задержан сегодня.", "2024-05-05"),
    (
        "Example Rights Watch, USA, Jan. 18, 2018.\n\nUnknown men shot and killed defender Wil Example.",
        "2018-01-18",
    ),
]


@pytest.mark.parametrize(("opening", "published"), DATELINES)
def test_a_dateline_opening_the_body_gives_the_items_date(opening: str, published: str) -> None:
    doc = extract_text("Defender detained, rights groups say\n\n" + opening)
    assert doc.published is not None and doc.published.iso() == published


def test_a_date_told_after_on_is_no_dateline() -> None:
    doc = extract_text(
        "Defender detained, rights groups say\n\nOn 5 March 2020 – police arrested defender Ana Example."
    )
    assert doc.published is None
    assert [e.date.iso() if e.date else "" for e in doc.events] == ["2020-03-05"]
