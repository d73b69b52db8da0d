"""Writing through the API: a document uploaded becomes a source with its suggestions (the same
intake as the command line and the web UI), reviewed and accepted into a case; facts entered
by hand; follow-ups worked through. Refusals change nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import make_case, where
from tests.fixtures import STEPPE_APPEAL
from vigil.audit.models import AuditEvent
from vigil.cases.models import Case, Event, FollowUp, Source

pytestmark = pytest.mark.django_db


def post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def upload(client: Client, name: str, data: bytes, level: str = "restricted") -> Any:
    return client.post("/api/v1/sources", {"file": SimpleUploadedFile(name, data), "confidentiality": level})


def test_an_uploaded_appeal_answers_with_its_suggested_facts(
    clients: dict[str, Client], accounts: dict[str, User]
) -> None:
    answer = upload(clients["editor"], "steppe.txt", STEPPE_APPEAL.read_bytes())
    assert answer.status_code == 201, answer.content
    body = answer.json()
    source = Source.objects.get(pk=body["source_id"])
    assert source.filename == "steppe.txt" and source.confidentiality == "restricted"
    assert body["suggestion_count"] == len(body["suggestions"]) == source.suggestions.count()
    defenders = [s["value"]["name"] for s in body["suggestions"] if s["field"] == "defender"]
    assert "Dana Example" in defenders
    assert all(s["status"] == "pending" for s in body["suggestions"])
    assert AuditEvent.objects.filter(action="source.create", actor="user:editor-w").exists()
    again = upload(clients["editor"], "copy.txt", STEPPE_APPEAL.read_bytes()).json()
    assert again["duplicate"] is True and again["source_id"] == source.pk
    assert Source.objects.count() == 1


def test_an_unreadable_upload_is_refused_by_name_and_stores_nothing(clients: dict[str, Client]) -> None:
    before = AuditEvent.objects.count()
    answer = upload(clients["editor"], "scan.pdf", b"%PDF-1.7\n\x00\xff garbage")
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "file"] and "scan.pdf" in problem["msg"]
    assert "/tmp" not in problem["msg"] and "vigil-upload" not in problem["msg"]
    assert not Source.objects.exists() and AuditEvent.objects.count() == before


def test_review_through_the_api_rejects_corrects_and_accepts_into_a_new_case(
    clients: dict[str, Client],
) -> None:
    editor = clients["editor"]
    body = upload(editor, "steppe.txt", STEPPE_APPEAL.read_bytes()).json()
    source_id, suggestions = body["source_id"], body["suggestions"]
    url = f"/api/v1/sources/{source_id}/suggestions"
    title = next(s for s in suggestions if s["field"] == "title")
    corrected = post(
        editor, f"{url}/{title['position']}/correct", {"value": "Kazakhstan: Dana Example jailed"}
    )
    assert corrected.status_code == 200 and corrected.json()["status"] == "edited"
    events = [s for s in suggestions if s["field"] == "event"]
    rejected = post(editor, f"{url}/{events[0]['position']}/reject")
    assert rejected.json()["status"] == "rejected"
    bad = post(editor, f"{url}/{events[1]['position']}/correct", {"value": {"type": "teleportation"}})
    assert bad.status_code == 422 and "vocabulary" in bad.json()["detail"][0]["msg"]

    accepted = post(editor, f"/api/v1/sources/{source_id}/accept", {"case_id": None})
    assert accepted.status_code == 200, accepted.content
    case = accepted.json()
    assert case["title"] == "Kazakhstan: Dana Example jailed"
    assert len(case["events"]) == len(events) - 1
    assert Case.objects.get(pk=case["id"]).sources.filter(pk=source_id).exists()

    late = post(editor, f"{url}/{title['position']}/correct", {"value": "Another title"})
    assert late.status_code == 409 and "already reviewed" in late.json()["detail"]
    assert post(editor, f"/api/v1/sources/{source_id}/reopen").status_code == 200
    assert post(editor, f"/api/v1/sources/{source_id}/reopen").status_code == 409


def test_a_viewer_may_read_a_source_but_not_review_it(clients: dict[str, Client]) -> None:
    source_id = upload(clients["editor"], "steppe.txt", STEPPE_APPEAL.read_bytes()).json()["source_id"]
    before = AuditEvent.objects.exclude(action__endswith=".read").count()
    assert clients["viewer"].get(f"/api/v1/sources/{source_id}/suggestions").status_code == 200
    assert post(clients["viewer"], f"/api/v1/sources/{source_id}/suggestions/0/reject").status_code == 403
    assert post(clients["viewer"], f"/api/v1/sources/{source_id}/accept").status_code == 403
    assert (
        upload(
            clients["viewer"], "other.txt", b"On 2 May 2025 police detained lawyer Jo Example."
        ).status_code
        == 403
    )
    assert AuditEvent.objects.exclude(action__endswith=".read").count() == before


def test_facts_entered_by_hand_name_people_the_writer_may_see_only(
    clients: dict[str, Client], accounts: dict[str, User]
) -> None:
    hidden = make_case("Belarus: witness", "confidential", defender="Hidden Witness").defenders.get()
    known = make_case("Kenya: lawyer", "restricted", defender="Known Lawyer").defenders.get()
    editor = clients["editor"]
    refused = post(editor, "/api/v1/cases", {"title": "Kenya: new", "defenders": [known.pk, hidden.pk]})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "defenders"]
    assert not where(Case.objects.all(), title="Kenya: new")
    created = post(editor, "/api/v1/cases", {"title": "Kenya: new", "country": "ke", "defenders": [known.pk]})
    assert created.status_code == 201
    case = created.json()
    assert case["country"] == "KE" and [d["name"] for d in case["defenders"]] == ["Known Lawyer"]
    assert Case.objects.get(pk=case["id"]).owner == accounts["editor"]
    event = post(
        editor,
        f"/api/v1/cases/{case['id']}/events",
        {"type": "arrest", "date": "2025-05-02", "place": "Nairobi", "victims": [known.pk]},
    )
    assert event.status_code == 201 and event.json()["victims"] == ["Known Lawyer"]
    assert Event.objects.get(pk=event.json()["id"]).entered_by == "user:editor-w"


@pytest.mark.parametrize(
    "body",
    [
        {"title": "x", "colour": "red"},
        {"title": ""},
        {"title": "x", "opened": 0},
        {"title": "x", "defenders": ["1"]},
        {"title": "x\x00y"},
        {"title": "x", "situation": "asleep"},
    ],
    ids=["unknown field", "empty title", "timestamp date", "id as text", "NUL", "unknown situation"],
)
def test_a_body_that_does_not_fit_is_422_and_writes_nothing(
    clients: dict[str, Client], body: dict[str, Any]
) -> None:
    before = AuditEvent.objects.count()
    assert post(clients["editor"], "/api/v1/cases", body).status_code == 422
    assert not Case.objects.exists() and AuditEvent.objects.count() == before


def test_follow_ups_are_added_done_snoozed_and_reopened(clients: dict[str, Client]) -> None:
    case = make_case("Kenya: lawyer", "restricted", defender="Known Lawyer")
    editor = clients["editor"]
    created = post(editor, f"/api/v1/cases/{case.pk}/followups", {"kind": "hearing", "due": "2030-06-01"})
    assert created.status_code == 201 and created.json()["state"] == "upcoming"
    followup_id = created.json()["id"]
    snoozed = post(
        editor, f"/api/v1/followups/{followup_id}/snooze", {"until": "2030-07-01", "reason": "court closed"}
    )
    assert snoozed.json()["watch_from"] == "2030-07-01"
    early = post(
        editor, f"/api/v1/followups/{followup_id}/snooze", {"until": "2030-06-15", "reason": "again"}
    )
    assert early.status_code == 409
    done = post(editor, f"/api/v1/followups/{followup_id}/done", {"outcome": "adjourned to September"})
    assert done.json()["status"] == "done" and done.json()["outcome"] == "adjourned to September"
    assert post(editor, f"/api/v1/followups/{followup_id}/done", {"outcome": "again"}).status_code == 409
    assert post(editor, f"/api/v1/followups/{followup_id}/reopen").json()["status"] == "open"
    assert FollowUp.objects.get(pk=followup_id).status == "open"
    listed = editor.get("/api/v1/followups", {"case_id": case.pk}).json()
    assert [f["id"] for f in listed["items"]] == [followup_id]



def test_a_body_of_the_wrong_json_shape_is_refused_and_nothing_is_stored(clients: dict[str, Client]) -> None:
    """A JSON string where an object is expected, or an array, is a 422 naming the body; no
    case is created and the source stays unaccepted."""
    editor = clients["editor"]
    source_id = upload(editor, "steppe.txt", STEPPE_APPEAL.read_bytes()).json()["source_id"]
    cases_before = Case.all_objects.count()
    as_string = editor.post("/api/v1/cases", '"AAA"', content_type="application/json")
    accept = f"/api/v1/sources/{source_id}/accept"
    as_array = editor.post(accept, "[null, null]", content_type="application/json")
    for answer in (as_string, as_array):
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"] == ["body", "data"]
    assert Case.all_objects.count() == cases_before
    source = Source.objects.get(pk=source_id)
    assert source.reviewed_at is None and source.case_id is None
