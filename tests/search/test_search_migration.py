"""The keyed-token migration on PostgreSQL: entries written as text become tokens, the text
columns go, and going back restores the table's shape (the words are then rebuilt by reindex)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from vigil.search.index import rebuild, search
from vigil.search.tokens import tokens

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

TEXT = [("search", "0002_room_for_more_kinds")]
TOKENS = [("search", "0003_keyed_tokens_on_postgresql")]


def migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def columns() -> set[str]:
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, "search_entry")}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the migration changes PostgreSQL's table only")
def test_text_entries_become_tokens_and_back() -> None:
    from tests.factories import make_case

    case = make_case("Kenya: Wanjiku Migrata detained", "public", defender="Wanjiku Migrata")
    migrate(TEXT)
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_entry")
            cursor.execute(
                "INSERT INTO search_entry (kind, object_id, level, title, body)"
                " VALUES ('case', %s, 'public', %s, %s)",
                [case.pk, "Kenya: Wanjiku Migrata detained", "Wanjiku Migrata KE"],
            )
        migrate(TOKENS)
        assert {"title", "body"}.isdisjoint(columns())
        with connection.cursor() as cursor:
            cursor.execute("SELECT document::text FROM search_entry")
            stored = cursor.fetchone()[0]
        assert "wanjiku" not in stored.casefold() and tokens("Migrata") in stored
        assert [(h.kind, h.object_id) for h in search(None, "migrata")] == [("case", case.pk)]

        migrate(TEXT)
        assert {"title", "body", "document"} <= columns()
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        rebuild()
    assert ("case", case.pk) in {(h.kind, h.object_id) for h in search(None, "migrata")}
