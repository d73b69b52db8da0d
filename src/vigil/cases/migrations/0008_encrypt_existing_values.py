"""The values already stored in the columns the previous migration made encrypted are
encrypted in place, in SQL (never through the models); going back decrypts them."""

from django.db import migrations

from vigil.crypto.columns import Column, open_to_plain, rewrite, seal_plain

COLUMNS = [
    Column("cases.affiliation", "role"),
    Column("cases.case", "title"),
    Column("cases.demand", "text"),
    Column("cases.event", "detention_place"),
    Column("cases.event", "duration"),
    Column("cases.event", "legal_basis"),
    Column("cases.event", "outcome"),
    Column("cases.event", "perpetrator_text"),
    Column("cases.event", "place"),
    Column("cases.followup", "note"),
    Column("cases.intervention", "addressees", json=True),
    Column("cases.intervention", "publisher"),
    Column("cases.intervention", "sections", json=True),
    Column("cases.intervention", "title"),
    Column("cases.organisation", "name"),
    Column("cases.organisationname", "name"),
    Column("cases.person", "name"),
    Column("cases.personname", "name"),
    Column("cases.personrole", "role"),
    Column("cases.source", "filename"),
    Column("cases.source", "publisher"),
    Column("cases.source", "title"),
    Column("cases.source", "url"),
    Column("cases.suggestion", "original", json=True),
    Column("cases.suggestion", "value", json=True),
]


def encrypt(apps, schema_editor):
    rewrite(apps, schema_editor.connection, COLUMNS, seal_plain)


def decrypt(apps, schema_editor):
    rewrite(apps, schema_editor.connection, COLUMNS, open_to_plain)


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_encrypted_columns")]
    operations = [migrations.RunPython(encrypt, decrypt)]
