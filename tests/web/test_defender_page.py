"""The defender page: one line per event across cases and sources, incidents per year, and
every part of it filtered by what the reader may see."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import transaction
from django.test import Client

from tests.factories import make_case, make_user, signed_in_client
from vigil.cases.actions.entry import do_enter_event, do_enter_organisation
from vigil.cases.actions.people import add_alias, affiliate, find_or_create_person
from vigil.cases.actions.records import add_defenders, add_event, do_create_case
from vigil.cases.models import Case, Person, Source

pytestmark = pytest.mark.django_db


def signed_in(role: str, name: str = "") -> Client:
    return signed_in_client(make_user(name or f"{role}-defender", role))


def source_on(case: Case, title: str, level: str = "restricted") -> Source:
    text = f"{title}: the defender was arrested in Almaty on 6 March 2025."
    return Source.objects.create(
        title=title,
        fingerprint=title.encode().hex().ljust(64, "0")[:64],
        text=text,
        case=case,
        confidentiality=level,
    )


def defender_in_two_cases() -> tuple[Person, Case, Case]:
    first = make_case("Kazakhstan: activist arrested", "restricted", defender="Dana Example")
    person = first.defenders.get()
    with transaction.atomic():
        second = do_create_case(acting_user=None, title="Kazakhstan: activist fined", country="KZ")
        add_defenders(acting_user=None, case=second, people=[person])
    return person, first, second


def page_of(client: Client, person: Person) -> str:
    response = client.get(f"/defenders/{person.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_timeline_runs_across_cases_one_line_per_event_with_where_it_came_from() -> None:
    person, first, second = defender_in_two_cases()
    police = do_enter_organisation(acting_user=None, name="Almaty City Police", country="KZ")
    source = source_on(first, "Appeal of 7 March")
    with transaction.atomic():
        add_event(
            acting_user=None,
            case=first,
            victims=[person],
            type="arrest",
            date=dt.date(2025, 3, 6),
            place="Almaty",
            perpetrator=police,
            source=source,
            evidence=(0, 20),
            confidentiality="restricted",
        )
    coordinator = make_user("maria", "coordinator")
    do_enter_event(
        acting_user=coordinator,
        case=second,
        type="fine",
        date=dt.date(2024, 11, 1),
        date_precision="month",
        perpetrator_text="Administrative court",
        victims=[person],
    )
    page = page_of(signed_in("viewer"), person)
    rows = re.findall(r'<tr id="event-\d+">(.*?)</tr>', page, re.S)
    assert len(rows) == 2, "one line per event, across both cases"
    fine, arrest = rows  # date order: November 2024 before March 2025
    assert "2024-11" in fine and "(month)" in fine and "Administrative court" in fine
    assert "entered by hand by maria" in fine and second.title in fine
    assert "2025-03-06" in arrest and "(day)" in arrest and "Almaty" in arrest
    assert f'href="/organisations/{police.pk}/"' in arrest and "Almaty City Police" in arrest
    assert f'href="/review/{source.pk}/"' in arrest and "Appeal of 7 March" in arrest
    assert f'href="/cases/{first.pk}/#event-' in arrest


def test_a_reader_sees_no_event_source_or_case_above_their_level() -> None:
    person, first, _ = defender_in_two_cases()
    secret_case = make_case("Confidential: threats", "confidential", defender="Someone Else")
    with transaction.atomic():
        add_defenders(acting_user=None, case=secret_case, people=[person])
    secret_source = source_on(first, "Testimony kept confidential", level="confidential")
    with transaction.atomic():
        add_event(
            acting_user=None,
            case=first,
            victims=[person],
            type="arrest",
            date=dt.date(2025, 3, 6),
            source=secret_source,
            evidence=(0, 10),
            confidentiality="restricted",
        )
    do_enter_event(
        acting_user=None,
        case=first,
        type="threat",
        date=dt.date(2025, 2, 1),
        victims=[person],
        confidentiality="confidential",
        place="Secret place",
    )
    do_enter_event(
        acting_user=None,
        case=secret_case,
        type="raid",
        date=dt.date(2025, 1, 1),
        victims=[person],
    )
    page = page_of(signed_in("viewer"), person)
    assert "Confidential: threats" not in page and "raid" not in page
    assert "Secret place" not in page, "a confidential event of a readable case stays hidden"
    assert "Testimony kept confidential" not in page, "a source above the reader's level is not named"
    assert len(re.findall(r'<tr id="event-\d+">', page)) == 1
    admin_page = page_of(signed_in("admin"), person)
    assert "Testimony kept confidential" in admin_page and "Secret place" in admin_page
    assert len(re.findall(r'<tr id="event-\d+">', admin_page)) == 3


def test_incidents_per_year_are_drawn_as_an_inline_svg_and_a_table() -> None:
    person, first, second = defender_in_two_cases()
    today = dt.date.today()
    for case, kind, year in (
        (first, "arrest", today.year),
        (second, "fine", today.year),
        (first, "threat", today.year - 2),
        (first, "release", today.year),
    ):
        do_enter_event(acting_user=None, case=case, type=kind, date=dt.date(year, 1, 15), victims=[person])
    page = page_of(signed_in("viewer"), person)
    svg = re.search(r"<svg.*?</svg>", page, re.S)
    assert svg is not None and 'role="img"' in svg.group(0)
    assert "<script" not in svg.group(0).lower()
    titles = re.findall(r"<title>(\d{4}): (\d+)</title>", svg.group(0))
    assert titles == [(str(today.year - 2), "1"), (str(today.year - 1), "0"), (str(today.year), "2")], (
        "a quiet year shows as zero; a release is not an incident"
    )
    table = re.search(r'<table class="counts">.*?</table>', page, re.S)
    assert table is not None and f"<td>{today.year}</td><td>2</td>" in table.group(0)


def test_names_in_every_script_and_affiliations_the_reader_may_see() -> None:
    person, first, _ = defender_in_two_cases()
    open_org = do_enter_organisation(acting_user=None, name="Steppe Watch", country="KZ")
    hidden_org = do_enter_organisation(acting_user=None, name="Quiet Shelter", country="KZ")
    secret = source_on(first, "Confidential letter", level="confidential")
    with transaction.atomic():
        add_alias(person, "Дана Пример", acting_user=None)
        add_alias(person, "Dana Primer", acting_user=None, level="confidential", source=secret)
        affiliate(acting_user=None, person=person, organisation=open_org, role="lawyer")
        affiliate(
            acting_user=None,
            person=person,
            organisation=hidden_org,
            role="volunteer",
            confidentiality="confidential",
            source=secret,
        )
    page = page_of(signed_in("viewer"), person)
    assert "Cyrillic" in page and "Дана Пример" in page and "Latin" in page
    assert "Dana Primer" not in page, "a spelling learnt from a confidential source stays hidden"
    assert f'href="/organisations/{open_org.pk}/"' in page and "lawyer" in page
    assert "Quiet Shelter" not in page and "volunteer" not in page
    french = signed_in("viewer", "viewer-fr")
    french.cookies["django_language"] = "fr"
    assert "cyrillique" in page_of(french, person)


def test_possible_duplicates_appear_only_for_readers_of_both() -> None:
    person, _, _ = defender_in_two_cases()
    with transaction.atomic():
        twin = find_or_create_person(acting_user=None, name="Dana Exampel", confidentiality="confidential")
    assert person.pk != twin.pk
    assert f"/defenders/{twin.pk}/" in page_of(signed_in("admin"), person)
    assert f"/defenders/{twin.pk}/" not in page_of(signed_in("viewer"), person)
