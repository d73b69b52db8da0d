"""Correcting records by hand: edits, hand entry, soft delete and restore, levels, closing,
follow-ups. Every write leaves its audit entry; roles that may not write are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from tests.factories import make_case, make_user
from vigil.appeals.facts import gather
from vigil.audit.chain import verify
from vigil.audit.models import AuditEvent
from vigil.cases.access import AccessDenied, access_event, access_record, readable_cases, readable_events
from vigil.cases.actions.deletion import do_delete, do_restore
from vigil.cases.actions.edits import EditError, do_edit
from vigil.cases.actions.entry import do_enter_case, do_enter_event, do_enter_followup, do_enter_person
from vigil.cases.actions.followups import do_mark_done, do_reopen_followup, do_snooze
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.levels import decisions_for, do_set_confidentiality
from vigil.cases.actions.lifecycle import do_close_case, do_reopen_case
from vigil.cases.models import Case, Event, FollowUp, LevelDecision

pytestmark = pytest.mark.django_db


def actions_on(kind: str, pk: int) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type=f"cases.{kind}", object_id=str(pk)).values_list(
            "action", flat=True
        )
    )


def hearing(case: Case, **fields: object) -> Event:
    return do_enter_event(
        acting_user=None, case=case, type="trial", date=dt.date(2025, 4, 2), place="Almaty", **fields
    )


def test_an_edit_changes_only_the_named_fields_and_audits_their_names() -> None:
    editor = make_user("ed", "editor")
    case = make_case("Kenya: paralegal detained")
    event = hearing(case)
    changed = do_edit(
        event, acting_user=editor, date=dt.date(2025, 4, 3), place="Almaty", legal_basis="Art. 174"
    )
    assert changed == ["date", "legal_basis"]
    event.refresh_from_db()
    assert event.date == dt.date(2025, 4, 3) and event.legal_basis == "Art. 174"
    entry = AuditEvent.objects.get(action="event.edit", object_id=str(event.pk))
    assert entry.detail == {"fields": ["date", "legal_basis"]} and entry.actor == "user:ed"
    assert entry.before_digest and entry.before_digest != entry.after_digest
    assert verify(require_head=False).ok  # the test's transaction never commits: no head file


def test_an_edit_is_checked_like_the_model_and_refused_to_readers() -> None:
    case = make_case("Kenya: paralegal detained")
    event = hearing(case)
    with pytest.raises(EditError, match="type"):
        do_edit(event, acting_user=None, type="invented_hearing")
    with pytest.raises(EditError, match="no editable field confidentiality"):
        do_edit(event, acting_user=None, confidentiality="public")
    with pytest.raises(NotAllowed):
        do_edit(event, acting_user=make_user("vi", "viewer"), place="Bishkek")
    event.refresh_from_db()
    assert event.type == "trial" and event.place == "Almaty"


def test_a_record_entered_by_hand_says_who_entered_it() -> None:
    editor = make_user("maria", "editor")
    person = do_enter_person(acting_user=editor, name="Dana Example", gender="female")
    case = do_enter_case(
        acting_user=editor, title="Kazakhstan: Dana Example fined", defenders=[person], country="KZ"
    )
    event = do_enter_event(acting_user=editor, case=case, type="fine", date=dt.date(2025, 2, 19))
    assert {r.entered_by for r in (person, case, event)} == {"user:maria"}
    assert list(case.defenders.all()) == [person]
    assert event.confidentiality == case.confidentiality
    assert "case.create" in actions_on("case", case.pk) and "event.create" in actions_on("event", event.pk)
    with pytest.raises(EditError, match="type"):
        do_enter_event(acting_user=editor, case=case, type="not_a_type")


def test_a_deleted_event_leaves_the_case_the_appeal_and_its_follow_ups_and_comes_back() -> None:
    editor = make_user("ed", "editor")
    case = make_case("Kenya: paralegal detained", "public")
    event = hearing(case, confidentiality="public")
    followup = do_enter_followup(
        acting_user=editor, case=case, kind="hearing", due=dt.date(2025, 4, 2), event=event
    )
    with pytest.raises(EditError, match="reason"):
        do_delete(event, reason="  ", acting_user=editor)
    do_delete(event, reason="invented by extraction: no hearing was set", acting_user=editor)
    assert not case.events.exists() and not case.followups.exists()
    assert gather(case, public=False).events == []
    with pytest.raises(AccessDenied):
        access_event(editor, event.pk)
    gone = access_record(editor, "event", event.pk, deleted=True)
    assert (
        gone.deleted_by == "user:ed" and gone.deleted_reason == "invented by extraction: no hearing was set"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT deleted_reason FROM cases_event WHERE id = %s", [event.pk])
        assert "invented" not in cursor.fetchone()[0]
    do_restore(gone, acting_user=editor)
    assert list(case.events.all()) == [event] and list(case.followups.all()) == [followup]
    assert actions_on("event", event.pk)[-2:] == ["event.delete", "event.restore"]
    assert actions_on("followup", followup.pk)[-2:] == ["followup.delete", "followup.restore"]


def test_deleting_a_whole_case_is_a_coordinators_decision() -> None:
    case = make_case("Kenya: paralegal detained")
    with pytest.raises(NotAllowed, match="coordinator"):
        do_delete(case, reason="duplicate of case 1", acting_user=make_user("ed", "editor"))
    coordinator = make_user("co", "coordinator")
    do_delete(case, reason="duplicate of case 1", acting_user=coordinator)
    assert not readable_cases(coordinator).exists()
    assert list(readable_cases(coordinator, deleted=True)) == [case]
    do_restore(case, acting_user=coordinator)
    assert list(readable_cases(coordinator)) == [case]


def test_a_level_change_is_a_coordinators_decision_with_its_reason() -> None:
    case = make_case("Kenya: paralegal detained")
    event = hearing(case)
    with pytest.raises(NotAllowed):
        do_set_confidentiality(event, "public", reason="she agreed", acting_user=make_user("ed", "editor"))
    coordinator = make_user("co", "coordinator")
    with pytest.raises(EditError, match="reason"):
        do_set_confidentiality(event, "public", reason="", acting_user=coordinator)
    decision = do_set_confidentiality(event, "public", reason="she agreed on 3 May", acting_user=coordinator)
    assert decision is not None and (decision.before, decision.after) == ("restricted", "public")
    assert decisions_for(event)[0].reason == "she agreed on 3 May"
    assert do_set_confidentiality(event, "public", reason="again", acting_user=coordinator) is None
    entry = AuditEvent.objects.get(action="event.set_confidentiality")
    assert entry.detail["before"] == "restricted" and "she agreed" not in str(entry.detail)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM cases_leveldecision")
        assert "agreed" not in cursor.fetchone()[0]
    assert LevelDecision.objects.count() == 1


def test_a_coordinator_who_makes_a_case_confidential_still_sees_it_and_others_do_not() -> None:
    case = make_case("Kenya: paralegal detained")
    coordinator, colleague = make_user("co", "coordinator"), make_user("co2", "coordinator")
    do_set_confidentiality(case, "confidential", reason="family at risk", acting_user=coordinator)
    assert list(readable_cases(coordinator)) == [case]
    assert not readable_cases(colleague).exists()


def test_a_confidential_event_of_a_restricted_case_is_hidden_from_staff_not_named() -> None:
    case = make_case("Kenya: paralegal detained")
    secret = hearing(case, confidentiality="confidential")
    shown = hearing(case)
    viewer = make_user("vi", "viewer")
    assert list(readable_events(viewer).filter(case=case)) == [shown]
    case.members.add(viewer)
    assert set(readable_events(viewer).filter(case=case)) == {shown, secret}


def test_closing_and_reopening_a_case_records_the_situation() -> None:
    editor = make_user("ed", "editor")
    case = make_case("Kenya: paralegal detained")
    do_close_case(case, situation="released", acting_user=editor, on=dt.date(2025, 3, 10))
    case.refresh_from_db()
    assert case.closed == dt.date(2025, 3, 10) and case.situation == "released"
    with pytest.raises(EditError, match="already closed"):
        do_close_case(case, situation="safe", acting_user=editor)
    do_reopen_case(case, situation="at_risk", acting_user=editor)
    case.refresh_from_db()
    assert case.closed is None and case.situation == "at_risk"
    assert actions_on("case", case.pk)[-2:] == ["case.close", "case.reopen"]
    with pytest.raises(NotAllowed):
        do_close_case(case, situation="safe", acting_user=make_user("vi", "viewer"))


def test_a_follow_up_is_done_with_its_outcome_or_snoozed_with_a_reason() -> None:
    editor = make_user("ed", "editor")
    case = make_case("Kenya: paralegal detained")
    followup = do_enter_followup(acting_user=editor, case=case, kind="reply_due", due=dt.date(2025, 3, 1))
    assert followup.is_overdue(dt.date(2025, 3, 2))
    with pytest.raises(EditError, match="reason"):
        do_snooze(followup, until=dt.date(2025, 3, 15), reason="", acting_user=editor)
    do_snooze(followup, until=dt.date(2025, 3, 15), reason="ministry asked for two weeks", acting_user=editor)
    followup.refresh_from_db()
    assert not followup.is_overdue(dt.date(2025, 3, 2)) and followup.watch_from == dt.date(2025, 3, 15)
    do_mark_done(followup, outcome="reply received: charges under review", acting_user=editor)
    followup.refresh_from_db()
    assert followup.status == "done" and followup.outcome.startswith("reply received")
    assert not followup.is_overdue(dt.date(2026, 1, 1))
    with pytest.raises(EditError, match="not open"):
        do_mark_done(followup, outcome="again", acting_user=editor)
    do_reopen_followup(followup, acting_user=editor)
    assert FollowUp.objects.get(pk=followup.pk).status == "open"
    assert actions_on("followup", followup.pk) == [
        "followup.create",
        "followup.snooze",
        "followup.done",
        "followup.reopen",
    ]
