"""The activity page: who did what and when, from the audit chain. Admins and coordinators see
everyone's entries, others their own; filters and pages; records shown by number only, opened
through the access layer; no confidential name, title or free text reaches the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client

from tests.factories import make_case, make_user, signed_in_client
from vigil.api.tokens import do_create_token
from vigil.audit.chain import record
from vigil.audit.models import AuditEvent
from vigil.cases.actions.edits import do_edit

pytestmark = pytest.mark.django_db


def table(body: str) -> str:
    """The rows of the page (the filters' choices name actions and people too)."""
    return body.split("<tbody>")[1].split("</tbody>")[0]


CANARY_TITLE = "Zanzibar canary case"
CANARY_NAME = "Quillon Canaryson"


def test_coordinators_see_everyones_entries_and_others_only_their_own() -> None:
    case = make_case("Kenya: paralegal detained")
    eddie, cora = make_user("eddie", "editor"), make_user("cora", "coordinator")
    do_edit(case, acting_user=eddie, country="TZ")
    do_edit(case, acting_user=make_user("root", "admin"), country="UG")
    mine = signed_in_client(eddie).get("/activity/").content.decode()
    assert "eddie" in table(mine) and "root" not in mine and "case.edit" in table(mine)
    everyone = signed_in_client(cora).get("/activity/").content.decode()
    assert "eddie" in everyone and "root" in everyone
    assert f'href="/records/case/{case.pk}/"' in everyone
    # a reader's filter on someone else is not offered, and not obeyed
    forced = signed_in_client(eddie).get("/activity/?user=user:root")
    assert "root" not in table(forced.content.decode())


def test_no_confidential_name_title_or_text_reaches_the_page() -> None:
    case = make_case(CANARY_TITLE, "confidential", defender=CANARY_NAME)
    root = make_user("root", "admin")
    do_edit(case, acting_user=root, title=CANARY_TITLE + " II")
    do_create_token(root, acting_user=root, label=CANARY_TITLE)
    person = case.defenders.get()
    for role in ("admin", "coordinator"):
        body = signed_in_client(make_user(f"reader-{role}", role)).get("/activity/").content.decode()
        assert CANARY_TITLE not in body and CANARY_NAME not in body
        assert f"/records/person/{person.pk}/" in body  # the defender, by number
        assert "fields: title" in body


def test_a_record_link_opens_only_what_the_reader_may_see() -> None:
    case = make_case("Confidential: witness", "confidential")
    coordinator = signed_in_client(make_user("cora", "coordinator"))  # not named on the case
    assert coordinator.get(f"/records/case/{case.pk}/").status_code == 404
    admin = signed_in_client(make_user("root", "admin"))
    opened = admin.get(f"/records/case/{case.pk}/")
    assert opened.status_code == 302 and opened["Location"] == f"/cases/{case.pk}/"
    assert admin.get("/records/nothing/1/").status_code == 404
    assert Client().get(f"/records/case/{case.pk}/").status_code == 302  # to the sign-in page


def test_filters_by_person_action_and_dates_and_pages() -> None:
    case = make_case("Kenya: paralegal detained")
    eddie = make_user("eddie", "editor")
    for number in range(60):
        do_edit(case, acting_user=eddie, title=f"Kenya: paralegal detained ({number})")
    admin = signed_in_client(make_user("root", "admin"))
    first = admin.get("/activity/?user=user:eddie&action=case.edit")
    body = first.content.decode()
    assert first.status_code == 200 and "60 entries" in body and body.count("<tr>") == 51  # 50 rows + head
    second = admin.get("/activity/?user=user:eddie&action=case.edit&page=2").content.decode()
    assert second.count("<tr>") == 11
    assert "page=2" in body and "user=user%3Aeddie" in body
    grouped = table(admin.get("/activity/?action=case.").content.decode())
    assert "case.edit" in grouped and "user.create" not in grouped
    today = dt.date.today()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert "0 entries" in admin.get(f"/activity/?since={tomorrow}").content.decode()
    assert (
        "60 entries"
        in admin.get(
            f"/activity/?user=user:eddie&since={today.isoformat()}&until={today.isoformat()}"
        ).content.decode()
    )
    refused = admin.get("/activity/?action=no.such&since=yesterday")
    assert refused.status_code == 400 and "case.edit" not in table(refused.content.decode())


def test_a_name_typed_at_a_failed_sign_in_shows_only_if_the_account_exists() -> None:
    make_user("vera", "viewer")
    Client().post("/login/", {"username": "vera", "password": "wrong"})
    Client().post("/login/", {"username": "hunter2-my-password", "password": "wrong"})
    body = signed_in_client(make_user("root", "admin")).get("/activity/").content.decode()
    assert "hunter2-my-password" not in body
    assert "an account name that does not exist" in body
    vera = User.objects.get(username="vera")
    assert f'href="/users/{vera.pk}/"' in body


def test_detail_keys_outside_the_allow_list_are_never_shown() -> None:
    with transaction.atomic():
        record(
            "case.edit",
            acting_user=None,
            object_type="cases.case",
            object_id="7",
            detail={"fields": ["title"], "note": "secret note", "name": "Secret Name"},
        )
    body = signed_in_client(make_user("root", "admin")).get("/activity/").content.decode()
    assert "secret note" not in body and "Secret Name" not in body and "fields: title" in body
    assert any(e.detail.get("note") == "secret note" for e in AuditEvent.objects.all())
