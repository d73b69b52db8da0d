"""Search: finds what a user may see; confidential records never enter the index."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import make_case, make_user
from vigil.search.index import search
from vigil.search.tokens import snippet, tokens

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


def indexed_text() -> str:
    """Every column of every entry, as text (the tokens themselves on PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM search_entry")
        return " ".join(" ".join(str(value) for value in row) for row in cursor.fetchall())


def test_confidential_records_are_not_indexed() -> None:
    make_case("Secret relocation of Zawadi Canary", "confidential", defender="Zawadi Canary")
    make_case("Public case", "public", defender="Other Person")
    assert search(None, "Zawadi") == []
    assert "Zawadi" not in indexed_text()
    if connection.vendor == "postgresql":
        assert tokens("Zawadi") not in indexed_text(), "not even as a token"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the keyed-token index is PostgreSQL's")
def test_postgresql_index_holds_keyed_tokens_and_no_word() -> None:
    source_text = "Ruslan Tokenova was detained in Almaty after the protest."
    case = make_case("Kazakhstan: Ruslan Tokenova detained", "restricted", defender="Ruslan Tokenova")
    from vigil.cases.models import Source
    from vigil.search.index import index_source

    index_source(Source.objects.create(title="Note", fingerprint="h1", text=source_text, case=case))
    stored = indexed_text().casefold()
    for word in ("ruslan", "tokenova", "almaty", "protest", "kazakhstan"):
        assert word not in stored
    assert tokens("Tokenova") in indexed_text()
    viewer = make_user("viewer1", "viewer")
    hits = search(viewer, "tokenova ALMATY")
    assert [h.kind for h in hits] == ["source"]
    assert "\x02Almaty\x03" in hits[0].snippet and "Tokenova" in hits[0].snippet


def test_tokens_ignore_case_and_accents_and_depend_on_the_key() -> None:
    assert tokens("Élise Öztürk") == tokens("elise OZTURK")
    assert tokens("Elise", b"k" * 32) != tokens("Elise", b"j" * 32)
    assert set(tokens("Elise Example")) <= set("abcdefghijklmnop ")


def test_a_snippet_marks_matches_around_the_first_one() -> None:
    text = " ".join(f"w{i}" for i in range(40)) + " Almaty " + " ".join(f"v{i}" for i in range(40))
    piece = snippet(text, "almaty", "[", "]")
    assert piece.startswith("…w34 ") and "[Almaty]" in piece and piece.endswith("…")
    assert len(piece.split()) == 20


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
    case.save(update_fields=["title"])
    index_case(case)
    index_case(case)
    titles = [h.title for h in search(None, "Kenya") if h.kind == "case"]
    assert titles == ["Kenya: second title"]
