"""Django's SQLite backend, connected through ``sqlcipher3`` with the store's key.

Two details matter (see DESIGN.md): the key must be the connection's very first statement,
so the connection class runs ``PRAGMA key`` in its constructor, before Django's own PRAGMAs;
and Django's cursor wrapper must subclass sqlcipher3's ``Cursor``, not the standard library's.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping
from itertools import tee
from typing import Any

from django.db.backends.sqlite3 import base as sqlite_base
from django.db.backends.sqlite3._functions import register as register_functions  # type: ignore[import-untyped]
from django.utils.asyncio import async_unsafe
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from sqlcipher3 import dbapi2 as Database

from vigil.crypto.keys import keyring

# The same converters and adapters Django registers on the standard library's sqlite3 module.
for name, converter in (
    ("bool", b"1".__eq__),
    ("date", lambda value: parse_date(value.decode())),
    ("time", lambda value: parse_time(value.decode())),
    ("datetime", lambda value: parse_datetime(value.decode())),
    ("timestamp", lambda value: parse_datetime(value.decode())),
):
    Database.register_converter(name, converter)
Database.register_adapter(decimal.Decimal, str)
Database.register_adapter(datetime.date, lambda value: value.isoformat())
Database.register_adapter(datetime.datetime, lambda value: value.isoformat(" "))


class KeyedConnection(Database.Connection):  # type: ignore[misc]
    """A connection whose first statement sets the SQLCipher key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.execute(f"PRAGMA key = \"x'{keyring().database_hex}'\"")


class SQLCipherCursorWrapper(Database.Cursor):  # type: ignore[misc]
    """Django's format-style parameters on a sqlcipher3 cursor (as Django's SQLite wrapper)."""

    def execute(self, query: str, params: Any = None) -> Any:
        if params is None:
            return super().execute(query)
        names = list(params) if isinstance(params, Mapping) else None
        return super().execute(self.convert_query(query, param_names=names), params)

    def executemany(self, query: str, param_list: Any) -> Any:
        peekable, param_list = tee(iter(param_list))
        first = next(peekable, None)
        names = list(first) if first and isinstance(first, Mapping) else None
        return super().executemany(self.convert_query(query, param_names=names), param_list)

    convert_query = sqlite_base.SQLiteCursorWrapper.convert_query  # type: ignore[attr-defined]


class DatabaseWrapper(sqlite_base.DatabaseWrapper):
    """SQLite's wrapper with the sqlcipher3 driver and a keyed connection."""

    Database = Database

    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        params["factory"] = KeyedConnection
        return params

    @async_unsafe
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = Database.connect(**conn_params)
        register_functions(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA legacy_alter_table = OFF")
        for command in self.init_commands:  # type: ignore[attr-defined]
            if command := command.strip():
                connection.execute(command)
        return connection

    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=SQLCipherCursorWrapper)
