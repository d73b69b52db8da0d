"""The web UI: sign-in required, access-checked views, strict CSP; every view has a denied test."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_case, make_user, signed_in_client

pytestmark = pytest.mark.django_db


def signed_in(role: str) -> Client:
    return signed_in_client(make_user(f"{role}-web", role))


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    case = make_case("Kenya: case")
    for url in ("/", f"/cases/{case.pk}/"):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_case_list_shows_the_cases_a_user_may_see() -> None:
    make_case("Restricted Kenya case", "restricted")
    make_case("Confidential Kenya case", "confidential", defender="Hidden Person")
    page = signed_in("viewer").get("/cases/").content.decode()
    assert "Restricted Kenya case" in page
    assert "Confidential Kenya case" not in page and "Hidden Person" not in page


def test_case_detail_of_a_hidden_case_is_not_found() -> None:
    case = make_case("Confidential Kenya case", "confidential")
    assert signed_in("editor").get(f"/cases/{case.pk}/").status_code == 404
    assert signed_in("admin").get(f"/cases/{case.pk}/").status_code == 200


def test_pages_carry_a_strict_content_security_policy() -> None:
    response = Client().get("/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_titles_are_escaped() -> None:
    make_case("<script>alert(1)</script>", "restricted")
    page = signed_in("viewer").get("/cases/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_appeal_downloads_respect_access_and_levels() -> None:
    from vigil.cases.actions.records import add_event

    case = make_case("Kenya: paralegal detained", "public", defender="Amina Example")
    from django.db import transaction

    with transaction.atomic():
        add_event(
            acting_user=None,
            case=case,
            victims=list(case.defenders.all()),
            type="arrest",
            date=__import__("datetime").date(2025, 5, 2),
            place="Nairobi",
            confidentiality="public",
        )
    from vigil.appeals.models import Authority

    Authority.objects.create(country="KE", title="Attorney General", email="ag@example.org")
    viewer = signed_in("viewer")
    assert "Attorney General" in viewer.get(f"/cases/{case.pk}/appeal.txt?lang=en").content.decode()
    pdf = viewer.get(f"/cases/{case.pk}/appeal.pdf?lang=fr&public=1")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "attachment" in pdf["Content-Disposition"]
    text = viewer.get(f"/cases/{case.pk}/appeal.txt?lang=es").content.decode()
    assert "Amina Example" in text and "2 de mayo de 2025" in text
    assert viewer.get(f"/cases/{case.pk}/appeal.docx").status_code == 404
    hidden = make_case("Confidential case", "confidential", defender="Hidden Person")
    assert viewer.get(f"/cases/{hidden.pk}/appeal.html").status_code == 404
