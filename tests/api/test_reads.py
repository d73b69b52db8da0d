"""Reading through the API: the same access rules as the web UI (a record one may not see is
404, lists leave it out), parts filtered by the reader's levels, paging and filters, and the
OpenAPI document and docs page served from this server only."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.api.conftest import bearer, token_for
from tests.factories import make_case, make_user, signed_in_client
from tests.web.world import stored_source
from vigil.cases.actions.people import add_alias
from vigil.intake.review import do_accept

pytestmark = pytest.mark.django_db


def test_a_confidential_case_is_not_found_unless_the_reader_is_named_on_it(
    accounts: dict[str, User], clients: dict[str, Client]
) -> None:
    secret = make_case("Belarus: witness hidden", "confidential", defender="Hidden Witness")
    assert clients["viewer"].get(f"/api/v1/cases/{secret.pk}").status_code == 404
    assert clients["viewer"].get(f"/api/v1/cases/{secret.pk}").json() == {"detail": "Not found"}
    assert clients["viewer"].get("/api/v1/cases").json()["count"] == 0
    assert clients["admin"].get(f"/api/v1/cases/{secret.pk}").status_code == 200
    secret.members.add(accounts["viewer"])
    answer = clients["viewer"].get(f"/api/v1/cases/{secret.pk}")
    assert answer.status_code == 200 and answer.json()["defenders"][0]["name"] == "Hidden Witness"


def test_an_analyst_reads_public_records_only(clients: dict[str, Client]) -> None:
    public = make_case("Kenya: trial observed", "public", defender="Open Example")
    restricted = make_case("Kenya: paralegal detained", "restricted", defender="Staff Example")
    listed = clients["analyst"].get("/api/v1/cases").json()
    assert [c["id"] for c in listed["items"]] == [public.pk]
    assert clients["analyst"].get(f"/api/v1/cases/{restricted.pk}").status_code == 404
    names = [p["name"] for p in clients["analyst"].get("/api/v1/defenders").json()["items"]]
    assert names == ["Open Example"]
    hits = clients["analyst"].get("/api/v1/search", {"q": "Kenya"}).json()["items"]
    assert {(h["kind"], h["object_id"]) for h in hits} == {("case", public.pk)}


def test_a_spelling_from_a_confidential_source_reaches_only_those_who_may_read_it(
    accounts: dict[str, User], clients: dict[str, Client]
) -> None:
    case = make_case("Kazakhstan: lawyer detained", "restricted", defender="Dana Example")
    person = case.defenders.get()
    secret_case = make_case("Kazakhstan: witness", "confidential", defender="Other Witness")
    source = stored_source("confidential")
    do_accept(source, acting_user=None, case=secret_case)
    add_alias(person, "Дана Секретова", acting_user=None, level="confidential", source=source)
    for_viewer = clients["viewer"].get(f"/api/v1/defenders/{person.pk}").json()
    for_admin = clients["admin"].get(f"/api/v1/defenders/{person.pk}").json()
    assert "Дана Секретова" not in str(for_viewer)
    assert "Дана Секретова" in for_admin["aliases"]
    in_case = clients["viewer"].get(f"/api/v1/cases/{case.pk}").json()["defenders"][0]
    assert "Дана Секретова" not in str(in_case)
    secret_case.members.add(accounts["viewer"])
    named = clients["viewer"].get(f"/api/v1/defenders/{person.pk}").json()
    assert "Дана Секретова" in named["aliases"], "a viewer named on the source's case reads it"


def test_lists_are_paged(clients: dict[str, Client]) -> None:
    for number in range(7):
        make_case(f"Kenya: case {number}", "restricted", defender=f"Person {number}")
    page = clients["viewer"].get("/api/v1/cases", {"page": 2, "page_size": 3}).json()
    assert page["count"] == 7 and page["page"] == 2 and page["page_size"] == 3
    assert len(page["items"]) == 3
    last = clients["viewer"].get("/api/v1/cases", {"page": 3, "page_size": 3}).json()
    assert len(last["items"]) == 1
    everyone = {
        c["id"]
        for n in (1, 2, 3)
        for c in clients["viewer"].get("/api/v1/cases", {"page": n, "page_size": 3}).json()["items"]
    }
    assert len(everyone) == 7
    assert clients["viewer"].get("/api/v1/cases", {"page_size": 101}).status_code == 422
    assert clients["viewer"].get("/api/v1/cases", {"page": 0}).status_code == 422


def test_case_filters_narrow_the_list(clients: dict[str, Client]) -> None:
    kenya = make_case("Kenya: detained", "restricted", defender="K Example", situation="detained")
    make_case("Kenya: at risk", "restricted", defender="L Example")
    found = clients["viewer"].get("/api/v1/cases", {"situation": "detained", "country": "ke"}).json()
    assert [c["id"] for c in found["items"]] == [kenya.pk]
    assert clients["viewer"].get("/api/v1/cases", {"situation": "asleep"}).status_code == 422


def test_the_openapi_document_and_docs_page_open_to_a_token_or_a_signed_in_person() -> None:
    user = make_user("vera", "viewer")
    assert Client().get("/api/v1/openapi.json").status_code == 302
    assert bearer("vigil_api_wrong").get("/api/v1/openapi.json").status_code == 401
    document = bearer(token_for(user)).get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    page = signed_in_client(user).get("/api/v1/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.content.decode())
    assert sources and all(s.startswith("/static/") for s in sources), sources
    assert '"validatorUrl": null' in page.content.decode()


def test_every_operation_is_in_the_api_reference() -> None:
    from tests.conftest import ROOT
    from vigil.api.main import api

    reference = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for path, methods in api.get_openapi_schema()["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path.removeprefix('/api/v1')}`" in reference, (method, path)
