"""The dashboard: what is due, what waits, what changed, who is at growing risk — for its reader only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from tests.factories import make_case, make_user, the
from vigil.cases.actions.records import add_event, add_followup
from vigil.cases.models import Person
from vigil.cases.overview import overview

pytestmark = pytest.mark.django_db


def signed_in(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-dash", role))
    return client


def incidents(case_title: str, level: str, days_ago: list[int], defender: str) -> None:
    case = make_case(case_title, level, defender=defender)
    person = the(Person.objects.all(), name=defender)
    today = timezone.localdate()
    with transaction.atomic():
        for days in days_ago:
            add_event(
                acting_user=None,
                case=case,
                victims=[person],
                type="threat",
                date=today - dt.timedelta(days=days),
                confidentiality=level,
            )
        add_followup(
            acting_user=None,
            case=case,
            kind="hearing",
            due=today - dt.timedelta(days=2),
            confidentiality=level,
        )


def test_the_dashboard_shows_overdue_follow_ups_and_defenders_at_growing_risk() -> None:
    incidents("Kenya: paralegal threatened", "restricted", [5, 30, 80], "Amina Example")
    incidents("Kenya: one old threat", "restricted", [5, 200, 300], "Baraka Example")
    page = signed_in("viewer").get("/").content.decode()
    assert "Kenya: paralegal threatened" in page and "3 incidents in the last 90 days" in page
    assert page.count("incidents in the last") == 1, "two incidents in 90 days is no escalation"
    assert "Follow-ups overdue" in page


def test_the_dashboard_shows_nothing_its_reader_may_not_see() -> None:
    incidents("Confidential: hidden defender", "confidential", [1, 2, 3], "Hidden Person")
    page = signed_in("viewer").get("/").content.decode()
    assert "Hidden Person" not in page and "Confidential: hidden defender" not in page
    seen = overview(None, today=timezone.localdate())
    assert [e.person.name for e in seen.escalations] == ["Hidden Person"], "the operator sees it"
    assert Client().get("/today/").status_code == 302


def test_signing_in_lands_on_the_dashboard_and_the_old_address_leads_there() -> None:
    make_user("lands", "viewer")
    from django.contrib.auth.models import User

    account = User.objects.get(username="lands")
    account.set_password("a long enough passphrase 42")
    account.save()
    client = Client()
    answer = client.post("/login/", {"username": "lands", "password": "a long enough passphrase 42"})
    assert answer.status_code == 302 and answer["Location"] == "/"
    assert signed_in("viewer").get("/today/")["Location"] == "/"
    home = signed_in("editor").get("/")
    assert home.status_code == 200 and "web/dashboard.html" in [t.name for t in home.templates]


def far_behind(overdue: int) -> dt.date:
    """A case with ``overdue`` follow-ups overdue (one a day back) and one due in two days."""
    case = make_case("Kenya: many hearings", "restricted", defender="Chege Example")
    today = timezone.localdate()
    dues = [today - dt.timedelta(days=back) for back in range(1, overdue + 1)]
    dues.append(today + dt.timedelta(days=2))
    with transaction.atomic():
        for due in dues:
            add_followup(
                acting_user=None,
                case=case,
                kind="hearing" if due < today else "trial",
                due=due,
                confidentiality="restricted",
            )
    return today


def test_a_team_far_behind_sees_the_earliest_overdue_follow_ups_and_how_many_there_are() -> None:
    today = far_behind(overdue=30)
    seen = overview(None, today=today)
    assert (len(seen.overdue), seen.overdue_total, seen.overdue_more) == (25, 30, False)
    assert seen.overdue[0].due == today - dt.timedelta(days=30), "the oldest first"
    assert (len(seen.due_soon), seen.due_soon_total) == (1, 1)
    page = signed_in("viewer").get("/").content.decode()
    assert "Showing 25 of 30" in page and "/cases/?sort=due" in page
    assert page.count('class="overdue"') == 25
    assert "Showing 1 of 1" not in page, "a list shown whole says nothing more"


def test_a_due_list_longer_than_the_count_limit_says_more_than(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vigil.cases.overview.COUNTED", 28)
    today = far_behind(overdue=30)
    seen = overview(None, today=today)
    assert (len(seen.overdue), seen.overdue_total, seen.overdue_more) == (25, 28, True)
    assert (seen.due_soon_total, seen.due_soon_more) == (1, False)
    client = signed_in("viewer")
    page = client.get("/").content.decode()
    assert "Showing 25 of more than 28" in page and "Showing 25 of 30" not in page
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "25 sur plus de 28 affichés" in french
