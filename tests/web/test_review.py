"""Review in the browser: writers accept the ticked facts; readers see them; hidden sources 404."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_user
from vigil.cases.models import Source
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.store import do_ingest

pytestmark = pytest.mark.django_db


def stored(path: Path, level: str) -> Source:
    extracted = read_for_intake(path)
    assert isinstance(extracted, ExtractedFile)
    return Source.objects.get(
        pk=do_ingest(extracted, acting_user=None, confidentiality=level, accept=False).source_id
    )


def client_for(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-review", role))
    return client


def test_a_coordinator_accepts_the_ticked_facts(seed_path: Path) -> None:
    source = stored(seed_path, "restricted")
    client = client_for("coordinator")
    page = client.get(f"/review/{source.pk}/").content.decode()
    assert "Zhanar Sekerbayeva" in page and "sentenced Zhanar Sekerbayeva to 10 days" in page
    protest = source.suggestions.get(field="event", value__type="protest").position
    keep = [p for p in source.suggestions.values_list("position", flat=True) if p != protest]
    response = client.post(f"/review/{source.pk}/", {"keep": keep})
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.case is not None and not source.case.events.filter(type="protest").exists()
    assert "Sources to review" in client.get("/review/").content.decode()
    assert f"/review/{source.pk}/" not in client.get("/review/").content.decode()


def test_a_viewer_sees_but_cannot_accept_and_a_hidden_source_is_not_found(seed_path: Path) -> None:
    source = stored(seed_path, "restricted")
    viewer = client_for("viewer")
    assert viewer.get(f"/review/{source.pk}/").status_code == 200
    assert viewer.post(f"/review/{source.pk}/", {"keep": []}).status_code == 403
    source.refresh_from_db()
    assert source.case is None
    Source.objects.filter(pk=source.pk).update(confidentiality="confidential")
    assert viewer.get(f"/review/{source.pk}/").status_code == 404
