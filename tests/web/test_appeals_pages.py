"""Appeals in the browser: compose, edit sections and demands, preview every language,
advance by the roles that may, new version, downloads; the HTML appeal styled under the CSP."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re

import pytest
from django.test import Client

from tests.factories import make_user
from tests.web.world import make_world
from vigil.cases.actions.levels import do_set_confidentiality
from vigil.cases.models import Intervention

pytestmark = pytest.mark.django_db
SERIAL = itertools.count()


def signed_in(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-appeal-{next(SERIAL)}", role))
    return client


def test_the_html_appeal_is_styled_under_the_csp_without_loosening_it() -> None:
    world = make_world()
    response = signed_in("viewer").get(f"/appeals/{world.appeal.pk}/download.html?lang=en")
    body = response.content.decode()
    styles = re.findall(r"<style[^>]*>(.*?)</style>", body, re.S)
    assert styles and ".brand img { height: 34px" in styles[0]
    policy = response["Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy and "default-src 'none'" in policy
    other = signed_in("viewer").get("/")
    assert "sha256-" not in other["Content-Security-Policy"]


def test_demands_are_reordered_added_and_removed_and_sections_rewritten() -> None:
    world = make_world()
    editor = signed_in("editor")
    demands = [d.text for d in world.appeal.demands.order_by("position")]
    assert len(demands) >= 2
    data = {f"text_{i}": t for i, t in enumerate(demands)}
    data |= {f"order_{i}": str(len(demands) - i + 1) for i in range(len(demands))}
    data["text_0"] = ""
    data[f"text_{len(demands)}"] = "Allow Amina Example to meet her lawyer"
    data[f"order_{len(demands)}"] = "1"
    editor.post(f"/appeals/{world.appeal.pk}/demands/", data)
    saved = [d.text for d in world.appeal.demands.order_by("position")]
    assert saved[0] == "Allow Amina Example to meet her lawyer"
    assert saved[1:] == list(reversed(demands[1:]))
    editor.post(
        f"/appeals/{world.appeal.pk}/section/", {"section": "summary", "summary-text": "Amina was arrested."}
    )
    page = editor.get(f"/appeals/{world.appeal.pk}/").content.decode()
    assert "Amina was arrested." in page and "Allow Amina Example to meet her lawyer" in page
    french = editor.get(f"/appeals/{world.appeal.pk}/?lang=fr").content.decode()
    assert 'lang="fr"' in french and "summary" in french


def test_the_public_preview_says_why_it_is_refused_until_a_defender_is_public() -> None:
    world = make_world()
    coordinator = signed_in("coordinator")
    refused = coordinator.get(f"/appeals/{world.appeal.pk}/?public=1").content.decode()
    assert 'class="refusal">this version has no defender to write about' in refused
    download = coordinator.get(f"/appeals/{world.appeal.pk}/download.pdf?lang=en&public=1")
    assert download.status_code == 409 and "no defender to write about" in download.content.decode()
    do_set_confidentiality(world.person, "public", reason="she asked for publicity", acting_user=None)
    do_set_confidentiality(world.event, "public", reason="reported by the press", acting_user=None)
    page = coordinator.get(f"/cases/{world.case.pk}/").content.decode()
    assert "A public appeal names: Amina Example." in page and "2025-05-02 · arrest" in page
    pdf = coordinator.get(f"/appeals/{world.appeal.pk}/download.pdf?lang=en&public=1")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert 'filename="case-' in pdf["Content-Disposition"] and "-public.pdf" in pdf["Content-Disposition"]


def test_editors_send_for_review_and_coordinators_approve_publish_and_start_a_new_version() -> None:
    world = make_world()
    editor, coordinator = signed_in("editor"), signed_in("coordinator")
    page = editor.get(f"/appeals/{world.appeal.pk}/").content.decode()
    assert "Send for review" in page
    editor.post(f"/appeals/{world.appeal.pk}/advance/")
    page = editor.get(f"/appeals/{world.appeal.pk}/").content.decode()
    assert "A coordinator approves and publishes." in page and ">Approve<" not in page
    assert editor.post(f"/appeals/{world.appeal.pk}/advance/").status_code == 403
    coordinator.post(f"/appeals/{world.appeal.pk}/advance/")
    coordinator.post(f"/appeals/{world.appeal.pk}/advance/")
    world.appeal.refresh_from_db()
    assert world.appeal.status == "published"
    response = coordinator.post(f"/appeals/{world.appeal.pk}/new-version/")
    newer = Intervention.objects.get(supersedes=world.appeal)
    assert response["Location"] == f"/appeals/{newer.pk}/" and newer.version == 2
    viewer_page = signed_in("viewer").get(f"/appeals/{newer.pk}/").content.decode()
    assert "Send for review" not in viewer_page and "Save the demands" not in viewer_page


def test_every_format_and_language_downloads() -> None:
    world = make_world()
    viewer = signed_in("viewer")
    for language in ("en", "fr", "es", "ru"):
        for fmt, start in (
            ("pdf", b"%PDF-"),
            ("eml", b""),
            ("md", b"**"),
            ("txt", b""),
            ("html", b"<!doctype"),
        ):
            response = viewer.get(f"/appeals/{world.appeal.pk}/download.{fmt}?lang={language}")
            assert response.status_code == 200 and response.content.lstrip().startswith(start), (
                language,
                fmt,
            )
            assert b"Amina Example" in response.content or fmt == "pdf", (language, fmt)
    assert viewer.get(f"/appeals/{world.appeal.pk}/download.docx").status_code == 404
    assert viewer.get(f"/appeals/{world.appeal.pk}/download.pdf?lang=de").status_code == 404


def test_demands_reach_the_public_version_only_when_marked_public() -> None:
    world = make_world()
    coordinator = signed_in("coordinator")
    do_set_confidentiality(world.person, "public", reason="consent", acting_user=None)
    do_set_confidentiality(world.event, "public", reason="press", acting_user=None)
    data = {"text_0": "Allow Amina Example to see her family", "order_0": "1"}
    coordinator.post(f"/appeals/{world.appeal.pk}/demands/", data)
    public = coordinator.get(f"/appeals/{world.appeal.pk}/download.txt?lang=en&public=1").content.decode()
    internal = coordinator.get(f"/appeals/{world.appeal.pk}/download.txt?lang=en").content.decode()
    assert "see her family" in internal and "see her family" not in public
    coordinator.post(f"/appeals/{world.appeal.pk}/demands/", {**data, "public": "on"})
    public = coordinator.get(f"/appeals/{world.appeal.pk}/download.txt?lang=en&public=1").content.decode()
    assert "see her family" in public


def test_a_text_kept_as_written_is_translated_or_confirmed_from_the_preview() -> None:
    world = make_world()
    editor, coordinator = signed_in("editor"), signed_in("coordinator")
    data = {"text_0": "Return Amina Example's confiscated notebooks", "order_0": "1"}
    editor.post(f"/appeals/{world.appeal.pk}/demands/", data)
    page = editor.get(f"/appeals/{world.appeal.pk}/?lang=fr").content.decode()
    assert "Kept as written in fr" in page and "Return Amina Example&#x27;s confiscated notebooks" in page
    assert "Keep them as written" not in page
    editor.post(
        f"/appeals/{world.appeal.pk}/translate/",
        {
            "language": "fr",
            "original": "Return Amina Example's confiscated notebooks",
            "translation": "Rendre à Amina Example ses carnets confisqués",
        },
    )
    french = editor.get(f"/appeals/{world.appeal.pk}/download.txt?lang=fr").content.decode()
    assert "Rendre à Amina Example ses carnets confisqués" in french
    assert editor.post(f"/appeals/{world.appeal.pk}/confirm/", {"language": "es"}).status_code == 403
    world.appeal.refresh_from_db()
    assert "es" not in world.appeal.sections.get("confirmed", [])
    assert "Keep them as written" in coordinator.get(f"/appeals/{world.appeal.pk}/?lang=es").content.decode()
    coordinator.post(f"/appeals/{world.appeal.pk}/confirm/", {"language": "es"})
    world.appeal.refresh_from_db()
    assert "es" in world.appeal.sections["confirmed"]
