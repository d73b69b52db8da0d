"""Search: finds what a user may see; confidential records never enter the index."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import make_case, make_user
from vigil.search.index import search

pytestmark = pytest.mark.django_db


def test_search_finds_cases_and_defenders_by_name() -> None:
    case = make_case("Kenya: paralegal detained", defender="Wanjiku Example")
    hits = search(None, "Wanjiku")
    assert ("case", case.pk) in {(h.kind, h.object_id) for h in hits}
    assert any(h.kind == "person" for h in hits)


def test_query_syntax_is_never_interpreted() -> None:
    make_case("Kenya: paralegal detained", defender="Wanjiku Example")
    assert search(None, 'Wanjiku OR "unbalanced') == []
    assert search(None, "NEAR(x y) *") == []


def test_confidential_records_are_not_indexed() -> None:
    make_case("Secret relocation of Zawadi Canary", "confidential", defender="Zawadi Canary")
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, body FROM search_entry")
        indexed = " ".join(" ".join(row) for row in cursor.fetchall())
    assert "Zawadi" not in indexed
    assert search(None, "Zawadi") == []


def test_analyst_sees_public_hits_only() -> None:
    make_case("Public case of Baraka Example", "public", defender="Baraka Example")
    make_case("Restricted case of Baraka Other", "restricted", defender="Baraka Other")
    analyst = make_user("analyst1", "analyst")
    titles = {h.title for h in search(analyst, "Baraka")}
    assert titles == {"Public case of Baraka Example", "Baraka Example"}


def test_indexing_a_record_again_replaces_its_entry() -> None:
    from vigil.search.index import index_case

    case = make_case("Kenya: first title", defender="Baraka Example")
    case.title = "Kenya: second title"
    index_case(case)
    index_case(case)
    titles = [h.title for h in search(None, "Kenya") if h.kind == "case"]
    assert titles == ["Kenya: second title"]
