"""Intake in the browser: one or many files or pasted text become sources waiting for
review; a bad file is named with its problem and nothing else changes."""

from __future__ import annotations

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import make_user, the
from tests.fixtures import STEPPE_APPEAL, STEPPE_UPDATE
from vigil.audit.models import AuditEvent
from vigil.cases.models import Source

pytestmark = pytest.mark.django_db


def editor() -> Client:
    client = Client()
    client.force_login(make_user("ed-intake", "editor"))
    return client


def upload(path: os.PathLike[str] | str, name: str | None = None) -> SimpleUploadedFile:
    with open(path, "rb") as handle:
        return SimpleUploadedFile(name or os.path.basename(path), handle.read())


def test_several_files_at_once_each_become_a_source_and_a_bad_one_is_named() -> None:
    client = editor()
    junk = SimpleUploadedFile("scan.pdf", os.urandom(4096))
    response = client.post(
        "/intake/",
        {
            "documents": [upload(STEPPE_APPEAL), junk, upload(STEPPE_UPDATE)],
            "confidentiality": "confidential",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert sorted(Source.objects.values_list("filename", flat=True)) == [
        "steppe_appeal.txt",
        "steppe_update.txt",
    ]
    assert set(Source.objects.values_list("confidentiality", flat=True)) == {"confidential"}
    assert "scan.pdf:" in page and "vigil-upload" not in page
    first = the(Source.objects.all(), filename="steppe_appeal.txt")
    assert f'href="/review/{first.pk}/"' in page and f"{first.suggestions.count()} suggested facts" in page
    assert AuditEvent.objects.filter(action="source.create").count() == 2


def test_pasted_text_becomes_a_source_and_the_same_file_again_says_nothing_changed() -> None:
    client = editor()
    text = STEPPE_APPEAL.read_text()
    client.post("/intake/", {"text": text, "confidentiality": "restricted"})
    source = Source.objects.get()
    assert source.filename.startswith("pasted-") and source.text and "Dana Example" in source.text
    again = client.post(
        "/intake/", {"text": text, "confidentiality": "public"}, headers={"Accept": "application/json"}
    ).json()
    assert again["results"][0]["source_id"] == source.pk
    assert "Already stored as restricted: nothing changed" in again["results"][0]["note"]
    assert Source.objects.get().confidentiality == "restricted"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings: object) -> None:
    from vigil.web import intake

    client = editor()
    big = SimpleUploadedFile("huge.txt", b"a" * (intake.LIMITS.max_bytes + 1))
    page = client.post("/intake/", {"documents": [big], "confidentiality": "restricted"}).content.decode()
    assert "huge.txt: larger than 25 MB, not read" in page
    assert not Source.objects.exists()


def test_nothing_chosen_is_an_error_and_readers_may_not_upload() -> None:
    assert (
        "Choose a file or paste a text."
        in editor().post("/intake/", {"confidentiality": "restricted"}).content.decode()
    )
    viewer = Client()
    viewer.force_login(make_user("vi-intake", "viewer"))
    assert (
        viewer.post(
            "/intake/", {"documents": [upload(STEPPE_APPEAL)], "confidentiality": "restricted"}
        ).status_code
        == 403
    )
    assert not Source.objects.exists()
