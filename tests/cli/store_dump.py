"""Read a command-line store directly (SQLCipher with its key), to compare it before and after."""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from vigil.crypto.keys import derive, read_master_key


def dump(home: Path) -> list[str]:
    """Every row of every table of the store at ``home``, one string per row."""
    from tests.conftest import key_file_of

    located = key_file_of(home)
    key = derive(
        read_master_key(located if located.exists() else home / "keys" / "vigil.key"), "database"
    ).hex()
    connection = sqlcipher.connect(str(home / "vigil.db"))
    try:
        connection.execute(f"PRAGMA key = \"x'{key}'\"")
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_entry_%'"
        tables = sorted(row[0] for row in connection.execute(query))
        rows = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                rows.append(f"{table}: {row!r}")
        return rows
    finally:
        connection.close()
