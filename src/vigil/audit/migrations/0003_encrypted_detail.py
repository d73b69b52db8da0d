"""Audit details are encrypted by the application (they name fields, addresses and accounts).

Existing details are encrypted in place, in SQL; going back decrypts them. The chain's hashes
are over the decrypted details, so they do not change.
"""

from django.db import migrations

import vigil.crypto.fields
from vigil.crypto.columns import Column, open_to_plain, rewrite, seal_plain

COLUMNS = [Column("audit.auditevent", "detail", json=True)]


def encrypt(apps, schema_editor):
    rewrite(apps, schema_editor.connection, COLUMNS, seal_plain)


def decrypt(apps, schema_editor):
    rewrite(apps, schema_editor.connection, COLUMNS, open_to_plain)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_activity_indexes")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="detail",
            field=vigil.crypto.fields.EncryptedJSONField(blank=True, default=dict),
        ),
        migrations.RunPython(encrypt, decrypt),
    ]
