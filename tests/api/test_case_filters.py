"""``GET /api/v1/cases`` with the web list's filters and sorts: nothing counted through a record
the caller may not see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import make_case
from vigil.cases.actions.assignment import do_set_assignees
from vigil.cases.actions.entry import do_enter_event, do_enter_followup

pytestmark = pytest.mark.django_db


def ids(client: Client, **params: object) -> list[int]:
    answer = client.get("/api/v1/cases", params)
    assert answer.status_code == 200, answer.content
    return [case["id"] for case in answer.json()["items"]]


def test_event_type_year_assignment_and_sorting(
    accounts: dict[str, User], clients: dict[str, Client]
) -> None:
    arrested = make_case("Kenya: arrested", defender="A Example")
    threatened = make_case("Kenya: threatened", defender="B Example")
    do_enter_event(acting_user=None, case=arrested, type="arrest", date=dt.date(2024, 2, 1))
    do_enter_event(
        acting_user=None,
        case=threatened,
        type="arrest",
        date=dt.date(2024, 3, 1),
        confidentiality="confidential",
    )
    viewer, admin = clients["viewer"], clients["admin"]
    assert ids(viewer, event_type="arrest") == [arrested.pk], "a confidential arrest is not counted"
    assert sorted(ids(admin, event_type="arrest")) == sorted([arrested.pk, threatened.pk])
    assert ids(viewer, violation="arbitrary_detention", year=2024) == [arrested.pk]
    do_set_assignees(threatened, [accounts["viewer"]], acting_user=None)
    assert ids(viewer, assigned_to="me") == [threatened.pk]
    assert ids(viewer, assigned_to="nobody") == [arrested.pk]
    do_enter_followup(acting_user=None, case=arrested, kind="hearing", due=dt.date(2031, 1, 1))
    assert ids(viewer, sort="due") == [arrested.pk, threatened.pk]
    assert ids(viewer, sort="title") == [arrested.pk, threatened.pk]
    assert viewer.get("/api/v1/cases", {"event_type": "picnic"}).status_code == 422
    assert viewer.get("/api/v1/cases", {"sort": "mood"}).status_code == 422
