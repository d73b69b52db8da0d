"""The suite runs on the database it was asked for: SQLCipher by default, PostgreSQL in CI."""

from __future__ import annotations

import os

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_configured_database_is_the_one_in_use() -> None:
    expected = "postgresql" if os.environ.get("VIGIL_TEST_DATABASE_URL") else "sqlite"
    assert connection.vendor == expected


def test_the_embedded_database_is_sqlcipher_with_fts5() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the embedded store is SQLCipher; this run uses PostgreSQL (the other run checks it)")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cipher_version")
        assert cursor.fetchone()[0].startswith("4.")
        cursor.execute("SELECT count(*) FROM search_entry WHERE search_entry MATCH 'x'")
        assert cursor.fetchone()[0] == 0
