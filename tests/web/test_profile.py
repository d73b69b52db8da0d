"""The organisation profile as a form: offices as rows, boards, footer, a checked logo, and
the authorities per country; coordinators only, every save audited."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from tests.factories import make_user
from vigil.appeals.models import Authority, OrganisationProfile
from vigil.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def coordinator() -> Client:
    client = Client()
    client.force_login(make_user("co-profile", "coordinator"))
    return client


def form(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Harbour Watch",
        "short_name": "HW",
        "email": "appeals@harbour.example.org",
        "board_title": "Board",
        "board": "A One\nB Two\n",
        "advisory_title": "Council",
        "advisory": "",
        "registration": "Reg. 1",
        "office-TOTAL_FORMS": "2",
        "office-INITIAL_FORMS": "0",
        "office-0-city": "Port",
        "office-0-label": "Head office",
        "office-0-address": "1 Quay\nPort 12",
        "office-0-email": "port@harbour.example.org",
        "office-1-city": "",
        "authority-TOTAL_FORMS": "1",
        "authority-INITIAL_FORMS": "0",
        "authority-0-country": "KE",
        "authority-0-title": "Attorney General",
        "authority-0-email": "ag@example.org",
    }
    data.update(extra)
    return data


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (138, 28, 28)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_offices_are_rows_and_authorities_are_kept_per_country() -> None:
    client = coordinator()
    response = client.post("/profile/", form())
    assert response.status_code == 302
    profile = OrganisationProfile.current()
    assert profile.offices == [
        {
            "city": "Port",
            "label": "Head office",
            "email": "port@harbour.example.org",
            "address": ["1 Quay", "Port 12"],
        }
    ]
    assert profile.board == ["A One", "B Two"]
    authority = Authority.objects.get()
    assert (authority.country, authority.title) == ("KE", "Attorney General")
    page = client.get("/profile/").content.decode()
    assert 'value="Port"' in page and "1 Quay\nPort 12" in page and 'value="Attorney General"' in page
    changed = form(
        **{
            "office-TOTAL_FORMS": "2",
            "office-INITIAL_FORMS": "1",
            "office-0-DELETE": "on",
            "authority-TOTAL_FORMS": "1",
            "authority-INITIAL_FORMS": "1",
            "authority-0-id": str(authority.pk),
            "authority-0-title": "Attorney General of Kenya",
        }
    )
    assert client.post("/profile/", changed).status_code == 302
    assert OrganisationProfile.current().offices == []
    assert Authority.objects.get().title == "Attorney General of Kenya"
    deleted = form(
        **{"authority-INITIAL_FORMS": "1", "authority-0-id": str(authority.pk), "authority-0-DELETE": "on"}
    )
    client.post("/profile/", deleted)
    assert not Authority.objects.exists()
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert {"organisationprofile.change", "authority.create", "authority.change", "authority.delete"} <= set(
        actions
    )


def test_a_logo_is_an_svg_png_or_jpeg_of_at_most_256_kb_and_never_a_script() -> None:
    client = coordinator()
    ok = client.post("/profile/", form(logo=SimpleUploadedFile("logo.png", png(1264, 300), "image/png")))
    assert ok.status_code == 302
    svg = OrganisationProfile.current().logo_svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1264 300"')
    hostile = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused = client.post("/profile/", form(logo=SimpleUploadedFile("logo.svg", hostile, "image/svg+xml")))
    assert refused.status_code == 400 and "logo.svg: the SVG contains a script" in refused.content.decode()
    handler = b'<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>'
    assert (
        "event handler"
        in client.post("/profile/", form(logo=SimpleUploadedFile("h.svg", handler))).content.decode()
    )
    linked = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'
    assert (
        "outside itself"
        in client.post("/profile/", form(logo=SimpleUploadedFile("l.svg", linked))).content.decode()
    )
    big = client.post("/profile/", form(logo=SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 300_000)))
    assert "big.png: larger than 256 KB" in big.content.decode()
    gif = client.post("/profile/", form(logo=SimpleUploadedFile("logo.gif", b"GIF89a" + b"\0" * 20)))
    assert "not an SVG, PNG or JPEG" in gif.content.decode()
    assert OrganisationProfile.current().logo_svg == svg
    client.post("/profile/", form(remove_logo="on"))
    assert OrganisationProfile.current().logo_svg == ""


def test_only_coordinators_and_admins_edit_the_profile() -> None:
    editor = Client()
    editor.force_login(make_user("ed-profile", "editor"))
    assert editor.get("/profile/").status_code == 403
    assert editor.post("/profile/", form()).status_code == 403
    assert not OrganisationProfile.objects.exists()
    assert "Organisation profile" not in editor.get("/").content.decode()
