"""Application encryption: confidential fields and source texts never reach the database in clear."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import make_case
from vigil.cases.models import Person, Source
from vigil.crypto.fields import DecryptionError

pytestmark = pytest.mark.django_db

CANARY = "CANARY-7f3a9c-risk-note"


def raw_value(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        value = cursor.fetchone()[0]
    return value.decode("latin-1") if isinstance(value, (bytes, memoryview)) else str(value)


def test_encrypted_text_is_stored_as_ciphertext_and_read_back() -> None:
    person = Person.objects.create(name="Amina Example", risk_notes=CANARY)
    stored = raw_value("cases_person", "risk_notes", person.pk)
    assert stored.startswith("enc1:") and CANARY not in stored
    assert Person.objects.get(pk=person.pk).risk_notes == CANARY


def test_source_text_and_original_are_encrypted() -> None:
    source = Source.objects.create(fingerprint="0" * 64, text=CANARY, original=CANARY.encode())
    assert CANARY not in raw_value("cases_source", "text", source.pk)
    assert CANARY not in raw_value("cases_source", "original", source.pk)
    fresh = Source.objects.get(pk=source.pk)
    assert fresh.text == CANARY and bytes(fresh.original or b"") == CANARY.encode()


def test_ciphertext_copied_to_another_column_does_not_decrypt() -> None:
    person = Person.objects.create(name="Amina Example", risk_notes=CANARY)
    stolen = raw_value("cases_person", "risk_notes", person.pk)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE cases_person SET contact_notes = %s WHERE id = %s", [stolen, person.pk])
    with pytest.raises(DecryptionError):
        Person.objects.get(pk=person.pk)


def test_case_summary_is_encrypted() -> None:
    case = make_case("Case with summary", summary=CANARY)
    assert CANARY not in raw_value("cases_case", "summary", case.pk)
