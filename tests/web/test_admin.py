"""The admin: staff only, and read-only so that every write keeps its audit entry."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_case, make_user, signed_in_client

pytestmark = pytest.mark.django_db


def test_admin_is_for_admins_only() -> None:
    client = Client()
    client.force_login(make_user("ed", "editor"))
    assert client.get("/admin/cases/case/").status_code == 302


def test_admin_shows_cases_but_offers_no_change() -> None:
    case = make_case("Kenya: paralegal detained")
    client = signed_in_client(make_user("root", "admin"))
    assert "Kenya: paralegal detained" in client.get("/admin/cases/case/").content.decode()
    assert client.get("/admin/cases/case/add/").status_code == 403
    response = client.post(f"/admin/cases/case/{case.pk}/change/", {"title": "changed"})
    assert response.status_code == 403
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
