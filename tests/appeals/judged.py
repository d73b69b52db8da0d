"""The three cases the appeals are judged on (docs/appeals/), built as a user would record them.

- the seed's case: the seed appeal ingested, then corrected by hand where a reviewer would
  (the attack was on Feminita's event, not on her; the conduct charged; the penalty and the
  place of detention), with the Russian spelling of her name on her record;
- a fictional journalist sentenced to five years' imprisonment after an arrest two years
  earlier, published by a fictional organisation in another house style;
- two fictional women land-rights defenders attacked by guards "reportedly" working for a
  company, then charged, with a threat kept confidential.
Every name below other than the seed's is invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from tests.factories import the
from vigil.appeals.registry import do_add_authority, do_set_profile
from vigil.cases.actions.edits import do_edit, do_set_victim_organisations, do_set_victims
from vigil.cases.actions.levels import do_set_confidentiality
from vigil.cases.actions.people import (
    add_alias,
    add_organisation_names,
    affiliate,
    find_or_create_organisation,
    find_or_create_person,
)
from vigil.cases.actions.records import add_defenders, add_event, add_followup, do_create_case
from vigil.cases.models import Case, Event, Organisation, Person
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.store import do_ingest

HERE = Path(__file__).resolve().parent
BEACON: dict[str, Any] = {
    "name": "Beacon for Defenders",
    "short_name": "Beacon",
    "email": "appeals@beacon.example.org",
    "offices": [
        {"label": "Beacon for Defenders – Head Office", "city": "Port Example",
         "address": ["12 Harbour Lane", "Port Example, EX1 2AB"], "email": "info@beacon.example.org",
         "web": "www.beacon.example.org", "phone": "+00 11 555 0100", "fax": "+00 11 555 0101"},
        {"label": "Beacon for Defenders – EU Office", "city": "Lakeside",
         "address": ["4 Mill Street", "Lakeside, LK2 9ZZ"], "email": "eu@beacon.example.org",
         "web": "www.beacon.example.org", "phone": "+00 22 555 0200"},
    ],
    "board": ["Aurora Fictus", "Benedict Imaginary", "Clara Placeholder"],
    "advisory": ["Esther Sample", "Farid Demo"],
    "registration": "Beacon for Defenders is a fictional company limited by guarantee. Company No. 000000.",
}  # fmt: skip
LANTERN: dict[str, Any] = {
    "name": "Lantern Watch",
    "short_name": "Lantern",
    "email": "urgent@lantern.example.net",
    "offices": [{"label": "Lantern Watch Secretariat", "city": "Northbridge",
                 "address": ["Case postale 7", "Northbridge NB-1200"], "email": "urgent@lantern.example.net",
                 "phone": "+00 33 555 0300"}],
    "board_title": "Executive Committee",
    "board": ["Ines Madeup", "Jonas Notreal"],
    "registration": "Lantern Watch is a fictional association registered nowhere.",
}  # fmt: skip


def set_profile(profile: dict[str, Any]) -> None:
    do_set_profile(acting_user=None, **profile)


def seed_case(seed: Path) -> Case:
    """The seed appeal, ingested as public, with a reviewer's corrections."""
    set_profile(BEACON)
    do_add_authority(
        acting_user=None,
        country="KZ",
        title="Prosecutor General",
        institution="Office of the Prosecutor General",
        email="prosecutor@kz.example.org",
    )
    extracted = read_for_intake(seed)
    assert isinstance(extracted, ExtractedFile)
    outcome = do_ingest(extracted, acting_user=None, confidentiality="public", accept=True)
    case = Case.objects.get(pk=outcome.case_id)
    with transaction.atomic():
        person = case.defenders.get()
        add_alias(person, "Жанар Секербаева", acting_user=None, level="public")
        feminita = next(o for o in Organisation.objects.all() if "Feminita" in o.name)
        if feminita.confidentiality != "public":
            do_set_confidentiality(feminita, "public", reason="named in a published appeal", acting_user=None)
        add_organisation_names(feminita, "инициатива «Феминита»")
        events = {(e.date_display(), e.type): e for e in case.events.all()}
        for key in [("2024-10", "physical_attack"), ("2024-10", "other")]:
            do_set_victims(events[key], [], acting_user=None)
            do_set_victim_organisations(events[key], [feminita], acting_user=None)
        do_edit(events[("2025-02-28", "arrest")], acting_user=None, duration="", place="Almaty")
        do_edit(
            events[("2025-02-28", "charge")],
            acting_user=None,
            legal_basis="part 7 of Article 488 of the Code of Administrative Offences of Kazakhstan",
            conduct="organising and conducting peaceful demonstrations",
            perpetrator_text="",
        )
        do_edit(
            events[("2025-02-28", "sentence")],
            acting_user=None,
            duration="10 days",
            penalty="administrative_arrest",
            detention_place="the Special Reception Center for Administratively Arrested Persons "
            "of the Almaty Police Department",
        )
        for key in [("2025-02-19", "fine"), ("2025-02-21", "fine")]:
            do_edit(events[key], acting_user=None, conduct="leading an unregistered public association")
    return case


def translations(case: str) -> dict[str, dict[str, str]]:
    """What a translator gives for a judged case's record texts, per language."""
    data: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(
        (HERE / "translations.yaml").read_text("utf-8")
    )
    return data[case]


def journalist_case() -> Case:
    """A fictional journalist arrested in 2023 and sentenced to five years in 2025 (Lantern's style)."""
    set_profile(LANTERN)
    do_add_authority(acting_user=None, country="AZ", title="Prosecutor General", email="pg@az.example.org")
    with transaction.atomic():
        case = do_create_case(
            acting_user=None, title="Rauf Inventedov", country="AZ", confidentiality="public"
        )
        person = find_or_create_person(
            acting_user=None,
            name="Rauf Inventedov",
            gender="male",
            roles=["journalist", "human rights defender"],
            country="AZ",
            confidentiality="public",
        )
        add_alias(person, "Рауф Инвентедов", acting_user=None, level="public")
        outlet = find_or_create_organisation(
            acting_user=None, name="Kura Voice", kind="ngo", confidentiality="public"
        )
        affiliate(
            acting_user=None, person=person, organisation=outlet, role="editor", confidentiality="public"
        )
        add_defenders(acting_user=None, case=case, people=[person])
        common: dict[str, Any] = {
            "acting_user": None,
            "case": case,
            "victims": [person],
            "confidentiality": "public",
        }
        add_event(
            **common,
            type="arrest",
            date=dt.date(2023, 11, 21),
            place="Baku",
            perpetrator_text="officers of the Main Police Department of Baku",
        )
        add_event(
            **common,
            type="charge",
            date=dt.date(2023, 11, 22),
            legal_basis="Article 206.3.2 of the Criminal Code",
            conduct="smuggling",
            perpetrator_text="",
        )
        add_event(
            **common,
            type="detention",
            date=dt.date(2023, 11, 23),
            perpetrator_text="the Khatai District Court",
            duration="4 months",
            penalty="pretrial_detention",
        )
        add_event(
            **common,
            type="sentence",
            date=dt.date(2025, 6, 20),
            perpetrator_text="the Baku Grave Crimes Court",
            duration="5 years",
            penalty="imprisonment",
            legal_basis="Article 206.3.2 of the Criminal Code",
        )
    return case


JOURNALIST_DEMANDS = [
    "Quash the conviction and sentence of journalist Rauf Inventedov",
    "Immediately and unconditionally release Rauf Inventedov",
    "Guarantee in all circumstances that all human rights defenders in Azerbaijan are able to carry out "
    "their legitimate human rights activities without fear of reprisals and free of all restrictions "
    "including judicial harassment",
]


def land_case() -> Case:
    """Two fictional women land-rights defenders attacked, then charged; a confidential threat."""
    set_profile(BEACON)
    do_add_authority(acting_user=None, country="HN", title="Attorney General", email="fiscal@hn.example.org")
    with transaction.atomic():
        case = do_create_case(
            acting_user=None, title="Valle Inventado", country="HN", confidentiality="public"
        )
        people = [
            find_or_create_person(
                acting_user=None,
                name=name,
                gender="female",
                confidentiality="public",
                roles=["land rights defender", "community leader"],
                country="HN",
            )
            for name in ("Marisol Ficticia", "Lucía Inventada")
        ]
        council = find_or_create_organisation(
            acting_user=None,
            name="Consejo Comunitario del Valle Inventado",
            kind="initiative",
            confidentiality="public",
        )
        for person in people:
            affiliate(
                acting_user=None, person=person, organisation=council, role="member", confidentiality="public"
            )
        add_defenders(acting_user=None, case=case, people=people)
        common: dict[str, Any] = {"acting_user": None, "case": case, "victims": people}
        add_event(
            **common,
            type="physical_attack",
            date=dt.date(2025, 9, 14),
            place="La Ceiba",
            perpetrator_text="reportedly private security guards of Palmas del Norte S.A.",
            confidentiality="public",
        )
        add_event(
            **common,
            type="charge",
            date=dt.date(2025, 10, 2),
            place="La Ceiba",
            legal_basis="Article 378 of the Penal Code",
            conduct="usurpation of land",
            perpetrator_text="the Public Prosecutor's Office",
            confidentiality="public",
        )
        add_event(
            **common,
            type="threat",
            date=dt.date(2025, 10, 5),
            place="CANARY-threat-place",
            perpetrator_text="CANARY-threat-agent",
            confidentiality="restricted",
        )
        event = add_event(
            **common,
            type="hearing",
            date=dt.date(2025, 10, 20),
            confidentiality="public",
            perpetrator_text="the Court of First Instance of La Ceiba",
        )
        add_followup(
            acting_user=None,
            case=case,
            kind="hearing",
            due=dt.date(2026, 1, 15),
            confidentiality="public",
            event=event,
        )
    return case


def person_named(name: str) -> Person:
    return the(Person.objects.all(), name=name)


def event_of(case: Case, kind: str) -> Event:
    return case.events.get(type=kind)
