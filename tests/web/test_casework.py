"""Casework on the case page: facts entered by hand say who entered them, corrected facts
keep their evidence and say who corrected them, overdue follow-ups are marked, deleted
records leave every page and come back, and each reader sees only what they may."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.test import Client

from tests.factories import make_user, the
from tests.web.world import make_world, stored_source
from vigil.cases.actions.entry import do_enter_event
from vigil.cases.models import Case, Event, LevelDecision
from vigil.intake.review import do_accept

pytestmark = pytest.mark.django_db
SERIAL = itertools.count()


def signed_in(role: str) -> tuple[Client, str]:
    name = f"{role}-{next(SERIAL)}"
    client = Client()
    client.force_login(make_user(name, role))
    return client, name


def test_a_case_opened_by_hand_says_who_entered_it_and_its_facts() -> None:
    client, name = signed_in("editor")
    response = client.post(
        "/cases/new/",
        {
            "title": "Kenya: lawyer threatened",
            "country": "KE",
            "situation": "at_risk",
            "opened": "2025-05-01",
            "confidentiality": "restricted",
            "defender_name": "Wanjiru Example",
            "defender_gender": "female",
        },
    )
    case = the(Case.objects.all(), title="Kenya: lawyer threatened")
    assert response["Location"] == f"/cases/{case.pk}/"
    client.post(
        f"/cases/{case.pk}/events/new/",
        {
            "type": "threat",
            "date": "2025-04-28",
            "date_precision": "day",
            "victims": [case.defenders.get().pk],
        },
    )
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f"entered by hand by {name}" in page and f"Entered by hand by {name}" in page
    assert "Wanjiru Example" in page and "threat" in page
    event = case.events.get()
    assert list(event.victims.all()) == list(case.defenders.all())


def test_a_corrected_fact_keeps_its_evidence_and_says_who_corrected_it() -> None:
    source = stored_source()
    case = do_accept(source, acting_user=None)
    client, name = signed_in("editor")
    sentence = case.events.get(type="sentence")
    data = {
        "type": "sentence",
        "date": "2025-03-11",
        "date_precision": "day",
        "place": "Almaty",
        "perpetrator_text": "the Almaty district court",
        "duration": "15 days",
        "legal_basis": "Article 488 of the Code of Administrative Offences",
        "penalty": "administrative_arrest",
        "victims": [p.pk for p in case.defenders.all()],
    }
    assert client.get(f"/events/{sentence.pk}/edit/").status_code == 200
    client.post(f"/events/{sentence.pk}/edit/", data)
    sentence.refresh_from_db()
    assert sentence.penalty == "administrative_arrest"
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert f"Corrected by hand by {name}" in page
    assert "the Almaty district court sentenced Dana Example to 15 days" in page


def test_deleting_an_event_with_a_reason_hides_it_and_restoring_brings_it_back() -> None:
    world = make_world()
    client, _ = signed_in("editor")
    assert client.post(f"/records/event/{world.event.pk}/delete/", {"reason": ""}).status_code == 400
    client.post(f"/records/event/{world.event.pk}/delete/", {"reason": "no arrest happened"})
    page = client.get(f"/cases/{world.case.pk}/").content.decode()
    assert f'id="event-{world.event.pk}"' not in page
    bin_page = client.get("/deleted/").content.decode()
    assert "no arrest happened" in bin_page and "entered twice" in bin_page
    client.post(f"/records/event/{world.event.pk}/restore/")
    assert f'id="event-{world.event.pk}"' in client.get(f"/cases/{world.case.pk}/").content.decode()


def test_a_coordinator_makes_a_defender_public_with_a_reason_and_the_page_says_so() -> None:
    world = make_world()
    client, name = signed_in("coordinator")
    response = client.post(
        f"/records/person/{world.person.pk}/level/",
        {"confidentiality": "public", "reason": "she asked for a public campaign"},
    )
    assert response["Location"] == f"/defenders/{world.person.pk}/"
    decision = LevelDecision.objects.get()
    assert (decision.object_type, decision.after, decision.decided_by) == ("person", "public", f"user:{name}")
    page = client.get(f"/defenders/{world.person.pk}/").content.decode()
    assert f"restricted → public, decided by {name}" in page and "she asked for a public campaign" in page
    case_page = client.get(f"/cases/{world.case.pk}/").content.decode()
    assert "A public appeal names: Amina Example." in case_page
    assert "No event of this case is public" in case_page


def test_overdue_follow_ups_are_marked_on_the_case_and_the_list_and_done_ones_are_not() -> None:
    world = make_world()
    client, _ = signed_in("editor")
    assert world.followup.due < dt.date.today()
    assert "follow-up overdue" in client.get("/cases/").content.decode()
    assert "overdue" in client.get(f"/cases/{world.case.pk}/").content.decode()
    client.post(f"/followups/{world.followup.pk}/done/", {"outcome": "hearing held; adjourned to July"})
    assert "follow-up overdue" not in client.get("/cases/").content.decode()
    page = client.get(f"/cases/{world.case.pk}/").content.decode()
    assert "hearing held; adjourned to July" in page


def test_closing_and_reopening_a_case_moves_it_between_the_lists() -> None:
    world = make_world()
    client, _ = signed_in("editor")
    client.post(f"/cases/{world.case.pk}/close/", {"situation": "safe", "closed": "2025-07-01"})
    assert world.case.title not in client.get("/cases/").content.decode()
    assert world.case.title in client.get("/cases/?state=closed").content.decode()
    client.post(f"/cases/{world.case.pk}/reopen/", {"situation": "detained"})
    world.case.refresh_from_db()
    assert world.case.closed is None and world.case.situation == "detained"


def test_a_confidential_event_is_not_shown_to_staff_not_named_on_the_case() -> None:
    world = make_world()
    secret = do_enter_event(
        acting_user=None,
        case=world.case,
        type="surveillance",
        place="Secret Street 4",
        confidentiality="confidential",
    )
    viewer, _ = signed_in("viewer")
    page = viewer.get(f"/cases/{world.case.pk}/").content.decode()
    assert "Secret Street 4" not in page
    assert viewer.get(f"/events/{secret.pk}/edit/").status_code == 403
    editor, _ = signed_in("editor")
    assert editor.get(f"/events/{secret.pk}/edit/").status_code == 404
    assert Event.objects.filter(pk=secret.pk).exists()


def test_a_viewer_sees_no_write_control() -> None:
    world = make_world()
    viewer, _ = signed_in("viewer")
    for url in (
        f"/cases/{world.case.pk}/",
        "/",
        f"/defenders/{world.person.pk}/",
        f"/review/{world.source.pk}/",
        f"/appeals/{world.appeal.pk}/",
        "/deleted/",
    ):
        page = viewer.get(url).content.decode()
        assert 'method="post"' not in page.replace('action="/i18n/setlang/" method="post"', "").replace(
            'method="post" action="/logout/"', ""
        ), url
        for control in ("Edit", "Delete", "Add an event", "Open a case", "Who may see it", "Restore"):
            assert f">{control}<" not in page, (url, control)
