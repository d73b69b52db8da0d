"""Dates: every written form round-trips; relative dates resolve against the right anchor."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil_extract import extract_text
from vigil_extract.components.dates import find_dates, parse_date_line, resolve
from vigil_extract.document import PartialDate

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTHS_RU = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
dates = st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2090, 12, 31))

FORMATS = {
    "day month year": lambda d: f"On {d.day} {MONTHS_EN[d.month - 1]} {d.year}, police came.",
    "month day, year": lambda d: f"On {MONTHS_EN[d.month - 1]} {d.day}, {d.year}, police came.",
    "ordinal": lambda d: f"on the {d.day}th of {MONTHS_EN[d.month - 1]} {d.year} they",
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year} суд",
    "slashed": lambda d: f"le {d.day:02d}/{d.month:02d}/{d.year},",
    "iso": lambda d: f"Posted: {d.isoformat()}",
    "french": lambda d: f"Le {d.day} {MONTHS_FR[d.month - 1]} {d.year}, la police",
    "spanish": lambda d: f"El {d.day} de {MONTHS_ES[d.month - 1]} de {d.year} fue",
    "russian": lambda d: f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} г. суд",
}


def only_date(text: str, language: str = "en") -> PartialDate:
    found = find_dates(text, 0, language)
    assert len(found) == 1, found
    raw = found[0].dates[0]
    date = resolve(raw, anchor=None, published=None)
    assert date is not None
    return date


@pytest.mark.parametrize("name", sorted(FORMATS))
@given(date=dates)
@settings(deadline=None)  # behaviour, not speed: a loaded machine must not fail it
def test_full_dates_round_trip_in_every_written_form(name: str, date: dt.date) -> None:
    text = FORMATS[name](date)
    language = {"french": "fr", "spanish": "es", "russian": "ru"}.get(name, "en")
    assert only_date(text, language) == PartialDate(date.year, date.month, date.day)


@given(year=st.integers(1960, 2090), month=st.integers(1, 12))
@settings(deadline=None)
def test_month_and_year_keep_month_precision(year: int, month: int) -> None:
    assert only_date(f"In {MONTHS_EN[month - 1]} {year}, men attacked") == PartialDate(year, month)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 19 and 21 February 2025, the court", ["2025-02-19", "2025-02-21"]),
        ("from 3 to 5 May 2024 they were held", ["2024-05-03"]),
        ("Between 6 and 8 April 2025, cars", ["2025-04-06"]),
        ("Du 11 au 24 avril 2025, il", ["2025-04-11"]),
        ("In 2019, he was", ["2019"]),
        ("a mediados de enero de 2025, un", ["2025-01"]),
        ("в 2019 году", ["2019"]),
    ],
)
def test_lists_ranges_and_partial_dates(text: str, expected: list[str]) -> None:
    found = find_dates(text, 0, "ru" if text.startswith("в") else "en")
    resolved = [resolve(raw, anchor=None, published=None) for m in found for raw in m.dates]
    assert [d.iso() for d in resolved if d] == expected


@pytest.mark.parametrize(
    "text",
    [
        "under Article 200 of the 2015 Penal Code",
        "the Anti-Terrorism Act of 2020 was",
        "phone +353 1 212 3750",
        "Company No. 593190; Registered Charity No. 20204494",
        "he may be released",
        "at approximately 3 p.m local time",
    ],
)
def test_law_names_phone_numbers_and_modal_verbs_are_not_dates(text: str) -> None:
    assert find_dates(text, 0, "en") == []


def test_relative_dates_resolve_against_the_last_date_and_the_dateline() -> None:
    text = (
        "Nairobi, Friday 21 March 2025\n\nKenya: police detain a defender\n\n"
        "Last Tuesday, police arrested Jane Doe. On 5 March 2025 she was threatened. "
        "The following day, she was beaten. Yesterday, the court heard the case."
    )
    doc = extract_text(text)
    resolved = [d.iso() for mentions in doc.dates.values() for m in mentions for d in m.dates]
    assert resolved == ["2025-03-18", "2025-03-05", "2025-03-06", "2025-03-20"]


def test_year_less_date_takes_the_year_the_text_fixes() -> None:
    doc = extract_text("3 June 2024\n\nOn 29 May, soldiers raided the office of the group.")
    dated = [d.iso() for mentions in doc.dates.values() for m in mentions for d in m.dates]
    assert dated == ["2024-05-29"]


def test_a_month_well_after_the_items_date_is_last_years_one_just_after_is_announced() -> None:
    doc = extract_text(
        "3 March 2025\n\nOn 19 August, soldiers raided the office of the group.\n\n"
        "A hearing is set for 20 March."
    )
    dated = [(d.iso(), m.future) for mentions in doc.dates.values() for m in mentions for d in m.dates]
    assert dated == [("2024-08-19", False), ("2025-03-20", True)]


def test_dates_after_publication_and_until_dates_are_announced_not_events() -> None:
    doc = extract_text(
        "3 March 2025\n\nOn 28 February 2025, police arrested Anna Example. "
        "She will remain in detention until March 10, 2025. A hearing is set for 20 March 2025."
    )
    futures = [m.future for mentions in doc.dates.values() for m in mentions]
    assert futures == [False, True, True]


def test_unknown_dateline_format_falls_back_to_dateparser() -> None:
    assert parse_date_line("Tuesday, 2025 March 4th") == PartialDate(2025, 3, 4)
    assert parse_date_line("not a date at all") is None


def event_dates(text: str, language: str = "en") -> list[tuple[str | None, str]]:
    doc = extract_text(text)
    return [(e.date.iso() if e.date else None, e.type) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year told far away, or where something began, does not pin "in January"
        (
            "The Free Press Union was founded in 1998 by journalists of the capital.\n\n"
            "Two of its reporters have been held in pre-trial detention since their arrest in January.",
            [],
        ),
        (
            "The committees have led the movement since 2019.\n\n"
            "In mid-April, many activists were detained by soldiers.",
            [],
        ),
        (
            "Desde 2015 la organización registra 40 muertes.\n\n"
            "La defensora Ana Prueba fue detenida el 14 de julio en su casa.",
            [],
        ),
        # the item's own date pins it, not a background year two sentences before
        (
            "7 September 2023\n\nThe army took power in a coup in February 2021, and media were closed.\n\n"
            "Newspapers closed.\n\n"
            "The reporter Tom Sample was arrested in late May while covering a storm.",
            [("2023-05", "arrest")],
        ),
        # a day of December in a February item is last year's
        (
            "10 February 2025\n\nOn 28 December, police arrested Jan Sample at his home.",
            [("2024-12-28", "arrest")],
        ),
        # a month and year in the same paragraph pin it
        (
            "7 September 2023\n\nIn March 2019 police raided the office of the group, "
            "and on 5 April they arrested its director Lea Sample.",
            [("2019-03", "raid"), ("2019-04-05", "arrest")],
        ),
        # an item without a date: the last month and year told pin the next days
        (
            "Protests have spread since 29 November 2017 across the country.\n\n"
            "Security forces beat protesters in the town of Exampleville on 16 December.",
            [("2017-12-16", "physical_attack")],
        ),
    ],
)
def test_a_year_less_date_takes_a_year_told_nearby_or_the_items_own(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert event_dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an item without a date: a year written later in the same paragraph pins the day
        (
            "The journalist Paul Exemple was arrested and beaten on 17 March in the capital. "
            "His trial is set for 26 March 2015 before the city court.",
            [("2015-03-17", "arrest"), ("2015-03-17", "physical_attack")],
        ),
        (
            "Le militant Paul Exemple a été arrêté le 17 mars dernier à Villebourg. "
            "Son procès a été fixé au 26 mars 2015 devant le tribunal.",
            [("2015-03-17", "arrest")],
        ),
        (
            "6 марта суд продлил арест правозащитнику Ивану Примерову. "
            "Примеров был задержан 9 января 2018 года.",
            [("2018-01-09", "arrest"), ("2018-03-06", "detention")],
        ),
        # a year in the next paragraph pins nothing
        (
            "The journalist Paul Exemple was arrested on 17 March in the capital.\n\n"
            "The newspaper was founded in March 2001.",
            [],
        ),
    ],
)
def test_a_year_written_later_in_the_paragraph_pins_a_day_of_an_undated_item(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert event_dates(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("le 17 mars dernier", "2025-05-02", "2025-03-17"),
        ("le 1er novembre dernier", "2025-05-02", "2024-11-01"),
        ("en mars dernier", "2025-05-02", "2025-03"),
        ("le 20 mai dernier", "2025-05-02", "2024-05-20"),
    ],
)
def test_a_day_and_month_called_last_keep_their_day(text: str, published: str, expected: str) -> None:
    (found,) = find_dates(text, 0, "fr")
    (raw,) = found.dates
    year, month, day = (int(part) for part in published.split("-"))
    resolved = resolve(raw, anchor=None, published=PartialDate(year, month, day))
    assert resolved is not None and resolved.iso() == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("They were charged under the Information Act, 2006 (amended in 2009).", "en"),
        ("Il est poursuivi en vertu de la loi du 15 juillet 2010 sur la presse.", "fr"),
        ("Fue acusado según la Ley 1448 de 2011.", "es"),
        ("Его обвинили по Закону от 12 июня 2012 года.", "ru"),
        ("He was charged under Law No. 5 of 2012.", "en"),
    ],
)
def test_the_year_of_a_law_is_not_the_day_of_a_happening(text: str, language: str) -> None:
    assert find_dates(text, 0, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [("on Friday, 1 July 2016, police came", "en"), ("el viernes 1 de julio de 2016 llegaron", "es")],
)
def test_a_weekday_before_its_full_date_is_not_a_second_date(text: str, language: str) -> None:
    found = find_dates(text, 0, language)
    assert [[(r.year, r.month, r.day) for r in m.dates] for m in found] == [[(2016, 7, 1)]]
