"""Create the search index table: an FTS5 table on SQLite, a tsvector table on PostgreSQL."""

from django.db import migrations

SQLITE = (
    "CREATE VIRTUAL TABLE search_entry USING fts5("
    "kind UNINDEXED, object_id UNINDEXED, level UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRESQL = [
    "CREATE TABLE search_entry (kind varchar(16) NOT NULL, object_id bigint NOT NULL, "
    "level varchar(12) NOT NULL, title text NOT NULL DEFAULT '', body text NOT NULL DEFAULT '', "
    "document tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED, "
    "PRIMARY KEY (kind, object_id))",
    "CREATE INDEX search_entry_document ON search_entry USING gin (document)",
]


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            for statement in POSTGRESQL:
                cursor.execute(statement)
        else:
            cursor.execute(SQLITE)


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP TABLE search_entry")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
