"""The calendar feed: a secret address that opens without signing in, lists the owner's open
follow-ups on the day each needs looking at, names no one, and stops when revoked, replaced or
when the account is disabled."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_case, make_user
from vigil.audit.models import AuditEvent
from vigil.cases.actions.entry import do_enter_followup
from vigil.cases.actions.followups import do_mark_done, do_snooze
from vigil.followups.feeds import do_create_feed, do_revoke_feeds
from vigil.followups.models import CalendarFeed

pytestmark = pytest.mark.django_db


def events_of(body: bytes) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def future(days: int) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)


def test_the_feed_lists_open_follow_ups_the_owner_may_see_and_names_no_one() -> None:
    viewer = make_user("vera", "viewer")
    case = make_case("Kenya: Amina Example detained", "restricted", defender="Amina Example")
    public = make_case("Kenya: trial of Baraka Example", "public", defender="Baraka Example")
    secret = make_case("Belarus: Hidden Witness", "confidential", defender="Hidden Witness")
    hearing = do_enter_followup(
        acting_user=None, case=case, kind="hearing", due=future(3), note="Amina's trial"
    )
    snoozed = do_enter_followup(acting_user=None, case=case, kind="reply_due", due=future(1))
    do_snooze(snoozed, until=future(20), reason="ministry closed", acting_user=None)
    done = do_enter_followup(acting_user=None, case=case, kind="check_in", due=future(2))
    do_mark_done(done, outcome="visited", acting_user=None)
    open_public = do_enter_followup(acting_user=None, case=public, kind="hearing", due=future(5))
    hidden = do_enter_followup(acting_user=None, case=secret, kind="hearing", due=future(4))

    _feed, value = do_create_feed(viewer, acting_user=viewer)
    answer = Client().get(reverse("calendar-feed", args=[value]))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/calendar") and "no-store" in answer["Cache-Control"]
    events = events_of(answer.content)
    uids = {f"followup-{f.pk}@testserver": f for f in (hearing, snoozed, open_public)}
    assert set(events) == set(uids), "open follow-ups the viewer may see, and only those"
    assert events[f"followup-{snoozed.pk}@testserver"].decoded("dtstart") == future(20)
    assert str(events[f"followup-{hearing.pk}@testserver"]["summary"]) == f"Hearing — case {case.pk}"
    assert "Baraka Example" in str(events[f"followup-{open_public.pk}@testserver"]["summary"])
    text = answer.content.decode()
    for name in ("Amina", "Hidden Witness", "detained"):
        assert name not in text
    assert str(events[f"followup-{hearing.pk}@testserver"]["url"]).endswith(f"/cases/{case.pk}/")
    assert f"followup-{hidden.pk}@" not in text


def test_a_revoked_or_replaced_address_stops_and_each_change_is_audited() -> None:
    user = make_user("vera", "viewer")
    _first, old = do_create_feed(user, acting_user=user)
    _second, new = do_create_feed(user, acting_user=user)
    assert Client().get(reverse("calendar-feed", args=[old])).status_code == 404
    assert Client().get(reverse("calendar-feed", args=[new])).status_code == 200
    assert do_revoke_feeds(user, acting_user=user) == 1
    assert Client().get(reverse("calendar-feed", args=[new])).status_code == 404
    actions = list(
        AuditEvent.objects.filter(object_type="followups.calendarfeed").values_list("action", flat=True)
    )
    assert actions == ["calendar.create", "calendar.revoke", "calendar.create", "calendar.revoke"]
    assert new not in str(list(CalendarFeed.objects.values_list()))


def test_a_disabled_account_has_no_feed_and_a_guess_is_not_found() -> None:
    user = make_user("vera", "viewer")
    _feed, value = do_create_feed(user, acting_user=None)
    user.is_active = False
    user.save()
    assert Client().get(reverse("calendar-feed", args=[value])).status_code == 404
    assert Client().get("/calendar/vigil_cal_guess.ics").status_code == 404
    assert Client().get("/calendar/../admin.ics").status_code == 404


def test_only_the_owner_or_an_admin_manages_a_feed() -> None:
    from vigil.cases.actions.guard import NotAllowed

    owner, other = make_user("vera", "viewer"), make_user("olga", "editor")
    with pytest.raises(NotAllowed):
        do_create_feed(owner, acting_user=other)
    do_create_feed(owner, acting_user=make_user("ada", "admin"))
    with pytest.raises(NotAllowed):
        do_revoke_feeds(owner, acting_user=other)


def test_the_api_hands_out_the_address_once(settings: object) -> None:
    from tests.api.conftest import bearer, token_for

    user = make_user("vera", "viewer")
    client = bearer(token_for(user))
    url = client.post("/api/v1/me/calendar").json()["url"]
    assert url.startswith("http://127.0.0.1:8000/calendar/vigil_cal_")
    path = url.removeprefix("http://127.0.0.1:8000")
    assert Client().get(path).status_code == 200
    assert client.post("/api/v1/me/calendar/revoke").json() == {"revoked": 1}
    assert Client().get(path).status_code == 404
