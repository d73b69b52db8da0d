"""Names, titles, places, roles, demands, appeal sections and suggested facts are encrypted by
the application, so that PostgreSQL (which, unlike SQLCipher, does not encrypt its files) and
its dumps hold none of them in the clear: their columns become text here, and the next
migration encrypts the values already stored (two migrations, because PostgreSQL does not
alter a table in the transaction that has just updated its rows).

People and organisations are no longer ordered by name in the database (a ciphertext has no
order): code that lists them sorts the decrypted names itself (``vigil.cases.sorting``).
"""

from django.db import migrations

import vigil.crypto.fields


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_case_assignees"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="organisation",
            options={"ordering": ["id"]},
        ),
        migrations.AlterModelOptions(
            name="person",
            options={"ordering": ["id"]},
        ),
        migrations.AlterField(
            model_name="affiliation",
            name="role",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="case",
            name="title",
            field=vigil.crypto.fields.EncryptedCharField(max_length=400),
        ),
        migrations.AlterField(
            model_name="demand",
            name="text",
            field=vigil.crypto.fields.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name="event",
            name="detention_place",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="event",
            name="duration",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=100),
        ),
        migrations.AlterField(
            model_name="event",
            name="legal_basis",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="event",
            name="outcome",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="event",
            name="perpetrator_text",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="event",
            name="place",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="followup",
            name="note",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="intervention",
            name="addressees",
            field=vigil.crypto.fields.EncryptedJSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name="intervention",
            name="publisher",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="intervention",
            name="sections",
            field=vigil.crypto.fields.EncryptedJSONField(blank=True, default=dict),
        ),
        migrations.AlterField(
            model_name="intervention",
            name="title",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=400),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="name",
            field=vigil.crypto.fields.EncryptedCharField(max_length=300),
        ),
        migrations.AlterField(
            model_name="organisationname",
            name="name",
            field=vigil.crypto.fields.EncryptedCharField(max_length=300),
        ),
        migrations.AlterField(
            model_name="person",
            name="name",
            field=vigil.crypto.fields.EncryptedCharField(max_length=300),
        ),
        migrations.AlterField(
            model_name="personname",
            name="name",
            field=vigil.crypto.fields.EncryptedCharField(max_length=300),
        ),
        migrations.AlterField(
            model_name="personrole",
            name="role",
            field=vigil.crypto.fields.EncryptedCharField(max_length=200),
        ),
        migrations.AlterField(
            model_name="source",
            name="filename",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="source",
            name="publisher",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=300),
        ),
        migrations.AlterField(
            model_name="source",
            name="title",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=400),
        ),
        migrations.AlterField(
            model_name="source",
            name="url",
            field=vigil.crypto.fields.EncryptedCharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="suggestion",
            name="original",
            field=vigil.crypto.fields.EncryptedJSONField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="suggestion",
            name="value",
            field=vigil.crypto.fields.EncryptedJSONField(),
        ),
    ]
