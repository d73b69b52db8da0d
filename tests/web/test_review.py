"""Review in the browser: the source's text beside its facts, the evidence marked; keep,
correct, reject, attach, accept into a new or an existing case, reopen. Hidden sources 404."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_user, signed_in_client, where
from tests.fixtures import STEPPE_UPDATE
from tests.web.world import stored_source
from vigil.cases.models import Case, Source, SuggestionStatus
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.store import do_ingest

pytestmark = pytest.mark.django_db


def client_for(role: str) -> Client:
    return signed_in_client(make_user(f"{role}-review", role))


def position(source: Source, field: str, **value: object) -> int:
    for s in source.suggestions.filter(field=field).order_by("position"):
        if all(s.value.get(k) == v for k, v in value.items()):
            return int(s.position)
    raise AssertionError(f"no {field} suggestion with {value}")


def test_the_source_text_shows_each_facts_evidence_marked(tmp_path: Path) -> None:
    source = stored_source()
    page = client_for("viewer").get(f"/review/{source.pk}/").content.decode()
    threat = next(s for s in source.suggestions.filter(field="event") if s.value["type"] == "threat")
    marked = "On 5 March 2025, unknown men threatened Dana Example near her office."
    assert f'<mark id="at-{threat.start}">{marked}</mark>' in page
    assert f'href="#at-{threat.start}"' in page
    assert "Reject" not in page and "Save the correction" not in page


def test_markup_in_a_source_is_shown_as_text(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "On 3 May 2025 police arrested lawyer <script>alert(1)</script> Tumaini Example in Kisumu."
    )
    extracted = read_for_intake(hostile)
    assert isinstance(extracted, ExtractedFile)
    source_id = do_ingest(extracted, acting_user=None, confidentiality="restricted", accept=False).source_id
    page = client_for("viewer").get(f"/review/{source_id}/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_coordinator_corrects_two_facts_rejects_one_and_accepts_into_a_new_case() -> None:
    source = stored_source()
    client = client_for("coordinator")
    threat = position(source, "event", type="threat")
    response = client.post(
        f"/review/{source.pk}/{threat}/correct/",
        {
            f"s{threat}-type": "threat",
            f"s{threat}-date": "2025-03",
            f"s{threat}-location": "Almaty",
            f"s{threat}-perpetrator": "unknown men",
            f"s{threat}-victims": "Dana Example",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#suggestion-{threat}")
    defender = position(source, "defender")
    client.post(
        f"/review/{source.pk}/{defender}/correct/",
        {
            f"s{defender}-name": "Dana Example",
            f"s{defender}-gender": "female",
            f"s{defender}-roles": "lawyer",
            f"s{defender}-organisations": "Steppe Rights Initiative",
        },
    )
    wrong = position(source, "event", type="detention", duration="15 days")
    client.post(f"/review/{source.pk}/{wrong}/reject/")
    bad = client.post(
        f"/review/{source.pk}/{threat}/correct/", {f"s{threat}-type": "threat", f"s{threat}-date": "March"}
    )
    assert bad.status_code == 302
    assert "YYYY" in client.get(bad["Location"]).content.decode()
    page = client.get(f"/review/{source.pk}/").content.decode()
    assert "Extraction said" in page and "2025-03-05" in page
    response = client.post(f"/review/{source.pk}/", {"target": "new"})
    case = Case.objects.get()
    assert response["Location"] == f"/cases/{case.pk}/"
    threat_event = case.events.get(type="threat")
    assert (threat_event.date_precision, threat_event.place) == ("month", "Almaty")
    assert case.events.filter(type="detention").count() == 1
    assert list(case.defenders.get().roles.values_list("role", flat=True)) == ["lawyer"]
    statuses = dict(source.suggestions.values_list("position", "status"))
    assert statuses[threat] == SuggestionStatus.EDITED and statuses[wrong] == SuggestionStatus.REJECTED
    case_page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "On 5 March 2025, unknown men threatened Dana Example" in case_page


def test_an_update_is_offered_the_defenders_case_first_and_filed_there() -> None:
    client = client_for("editor")
    first = stored_source()
    client.post(f"/review/{first.pk}/", {"target": "new"})
    case = Case.objects.get()
    extracted = read_for_intake(STEPPE_UPDATE)
    assert isinstance(extracted, ExtractedFile)
    update = Source.objects.get(
        pk=do_ingest(extracted, acting_user=None, confidentiality="restricted", accept=False).source_id
    )
    page = client.get(f"/review/{update.pk}/").content.decode()
    assert re.search(rf'value="{case.pk}"[^>]*checked', page)
    assert "the case of the same defender" in page
    client.post(f"/review/{update.pk}/{position(update, 'event', type='detention')}/reject/")
    response = client.post(f"/review/{update.pk}/", {"target": str(case.pk)})
    assert response["Location"] == f"/cases/{case.pk}/"
    assert Case.objects.count() == 1
    case.refresh_from_db()
    assert case.situation == "released" and case.events.filter(type="release").exists()


def test_a_renamed_defender_is_attached_to_the_person_on_record() -> None:
    client = client_for("editor")
    first = stored_source()
    client.post(f"/review/{first.pk}/", {"target": "new"})
    person = Case.objects.get().defenders.get()
    extracted = read_for_intake(STEPPE_UPDATE)
    assert isinstance(extracted, ExtractedFile)
    update = Source.objects.get(
        pk=do_ingest(extracted, acting_user=None, confidentiality="restricted", accept=False).source_id
    )
    defender = position(update, "defender")
    client.post(
        f"/review/{update.pk}/{defender}/correct/",
        {
            f"s{defender}-name": "Дана Экзампл",
            f"s{defender}-gender": "female",
            f"s{defender}-roles": "",
            f"s{defender}-organisations": "",
        },
    )
    page = client.get(f"/review/{update.pk}/").content.decode()
    assert f'<option value="{person.pk}"' in page
    client.post(f"/review/{update.pk}/{defender}/attach/", {"person": person.pk})
    client.post(f"/review/{update.pk}/", {"target": "new"})
    person.refresh_from_db()
    assert where(person.names.all(), name="Дана Экзампл")
    assert Case.objects.filter(defenders=person).count() == 2


def test_a_review_is_reopened_and_changed() -> None:
    client = client_for("editor")
    source = stored_source()
    threat = position(source, "event", type="threat")
    client.post(f"/review/{source.pk}/{threat}/reject/")
    client.post(f"/review/{source.pk}/", {"target": "new"})
    case = Case.objects.get()
    assert not case.events.filter(type="threat").exists()
    refused = client.post(f"/review/{source.pk}/{threat}/keep/")
    assert "reopen" in client.get(refused["Location"]).content.decode()
    client.post(f"/review/{source.pk}/reopen/")
    assert f"/review/{source.pk}/" in client.get("/review/").content.decode()
    client.post(f"/review/{source.pk}/{threat}/keep/")
    client.post(f"/review/{source.pk}/", {"target": str(case.pk)})
    assert case.events.filter(type="threat").count() == 1 and Case.objects.count() == 1


def test_a_viewer_cannot_decide_and_a_hidden_source_is_not_found() -> None:
    source = stored_source()
    viewer = client_for("viewer")
    assert viewer.post(f"/review/{source.pk}/", {"target": "new"}).status_code == 403
    assert viewer.post(f"/review/{source.pk}/0/reject/").status_code == 403
    assert not Case.objects.exists()
    Source.objects.filter(pk=source.pk).update(confidentiality="confidential")
    assert viewer.get(f"/review/{source.pk}/").status_code == 404
    assert client_for("editor").post(f"/review/{source.pk}/0/reject/").status_code == 404


def test_a_suggested_organisation_is_attached_to_one_on_record() -> None:
    from vigil.cases.actions.entry import do_enter_organisation

    on_record = do_enter_organisation(acting_user=None, name="Steppe Rights Initiative", country="KZ")
    source = stored_source()
    client = client_for("editor")
    defender = position(source, "defender")
    page = client.get(f"/review/{source.pk}/").content.decode()
    assert "is an organisation on record" in page and f'<option value="{on_record.pk}"' in page
    client.post(f"/review/{source.pk}/{defender}/organisations/", {"organisation-0": str(on_record.pk)})
    assert source.suggestions.get(position=defender).value["organisation_ids"] == {
        "the Steppe Rights Initiative": on_record.pk
    }
    client.post(f"/review/{source.pk}/", {"target": "new"})
    person = Case.objects.get().defenders.get()
    assert list(person.affiliations.values_list("organisation_id", flat=True)) == [on_record.pk]
    assert where(on_record.names.all(), name="the Steppe Rights Initiative")
    assert client_for("viewer").post(f"/review/{source.pk}/{defender}/organisations/", {}).status_code == 403
