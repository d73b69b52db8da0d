"""Search entries of the embedded store get rowids with room for more kinds (events now).

Only the rowids change (id * 8 + kind instead of id * 3 + kind); the entries are copied as
they are, in SQL, so this runs on any store whatever the models look like later. Events that
existed before are indexed by `vigil reindex`. PostgreSQL addresses rows by (kind, id): nothing to do.
"""

from django.db import migrations

OLD_SLOTS, NEW_SLOTS = 3, 8


def renumber(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT rowid, kind, object_id, level, title, body FROM search_entry")
        rows = cursor.fetchall()
        cursor.execute("DELETE FROM search_entry")
        for rowid, kind, object_id, level, title, body in rows:
            code = int(rowid) - int(object_id) * OLD_SLOTS
            cursor.execute(
                "INSERT INTO search_entry (rowid, kind, object_id, level, title, body) VALUES (%s, %s, %s, %s, %s, %s)",
                [int(object_id) * NEW_SLOTS + code, kind, object_id, level, title, body],
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entry")]
    operations = [migrations.RunPython(renumber, migrations.RunPython.noop)]
