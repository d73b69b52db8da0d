"""On PostgreSQL the search table keeps keyed word tokens instead of text.

Each entry's title and body become HMAC tokens (``vigil.search.tokens``) in a ``tsvector``, and
the ``title`` and ``body`` columns are dropped, so the table (and a ``pg_dump``) holds no word
of any record. Existing entries are carried across. Going back restores the columns but not
the words (the tokens cannot be reversed): run ``vigil reindex`` after it. Dead row versions
with the old text stay in the table's files until ``VACUUM FULL search_entry``.
The embedded store keeps its FTS5 table inside the SQLCipher file: nothing to do there.
"""

from django.db import migrations

from vigil.search.tokens import tokens

DOCUMENT = "setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s)"


def to_tokens(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT kind, object_id, title, body FROM search_entry")
        rows = cursor.fetchall()
        cursor.execute("ALTER TABLE search_entry DROP COLUMN document")
        cursor.execute("ALTER TABLE search_entry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector")
        for kind, object_id, title, body in rows:
            cursor.execute(
                f"UPDATE search_entry SET document = {DOCUMENT} WHERE kind = %s AND object_id = %s",  # noqa: S608
                [tokens(title), tokens(body), kind, object_id],
            )
        cursor.execute("ALTER TABLE search_entry DROP COLUMN title, DROP COLUMN body")
        cursor.execute("CREATE INDEX search_entry_document ON search_entry USING gin (document)")


def to_text(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_entry")
        cursor.execute("ALTER TABLE search_entry DROP COLUMN document")
        cursor.execute(
            "ALTER TABLE search_entry ADD COLUMN title text NOT NULL DEFAULT '',"
            " ADD COLUMN body text NOT NULL DEFAULT ''"
        )
        cursor.execute(
            "ALTER TABLE search_entry ADD COLUMN document tsvector"
            " GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED"
        )
        cursor.execute("CREATE INDEX search_entry_document ON search_entry USING gin (document)")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_room_for_more_kinds")]
    operations = [migrations.RunPython(to_tokens, to_text)]
