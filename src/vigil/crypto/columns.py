"""Rewriting encrypted columns in place, in SQL: plaintext in, ciphertext out (a migration that
starts encrypting a column), the way back, or one key to another (``vigil key rotate``).

It reads and writes raw column values, never through the models, so it works on the
historical models of a migration and whatever the models look like later.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vigil.crypto.fields import NONCE_BYTES, PREFIX, DecryptionError, open_text, seal_text

BATCH = 500


@dataclass(frozen=True)
class Column:
    """One encrypted column: its model (``app.model``, the associated data's prefix), field and kind."""

    model: str
    field: str
    json: bool = False
    binary: bool = False

    @property
    def context(self) -> str:
        return f"{self.model}.{self.field}"


def seal_plain(column: Column, stored: str) -> str:
    """Plaintext (JSON text for a JSON column) → the field's stored form."""
    if column.json:
        stored = json.dumps(json.loads(stored), ensure_ascii=False, sort_keys=True)
    return seal_text(stored, column.context)


def open_to_plain(column: Column, stored: str) -> str:
    return open_text(stored, column.context)


def rekeyer(old: bytes, new: bytes) -> Callable[[Column, Any], Any]:
    """Decrypt under the ``old`` fields key and encrypt again under ``new`` (text or bytes)."""

    def again(blob: bytes, context: str) -> bytes:
        try:
            plain = AESGCM(old).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
        except InvalidTag:
            raise DecryptionError(f"a value of {context} does not decrypt with the old key") from None
        nonce = os.urandom(NONCE_BYTES)
        return nonce + AESGCM(new).encrypt(nonce, plain, context.encode())

    def rekey(column: Column, stored: Any) -> Any:
        if column.binary:
            return again(bytes(stored), column.context)
        if not stored.startswith(PREFIX):
            raise DecryptionError(f"{column.context} holds a value that was not encrypted")
        blob = again(base64.b64decode(stored[len(PREFIX) :]), column.context)
        return PREFIX + base64.b64encode(blob).decode()

    return rekey


def rewrite(
    apps: Any, connection: Any, columns: Iterable[Column], change: Callable[[Column, Any], Any]
) -> int:
    """Apply ``change`` to every non-null value of ``columns``; returns how many values changed."""
    count = 0
    quote = connection.ops.quote_name
    for column in columns:
        model = apps.get_model(*column.model.split("."))
        table, name = quote(model._meta.db_table), quote(model._meta.get_field(column.field).column)
        pk = quote(model._meta.pk.column)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {pk}, {name} FROM {table} WHERE {name} IS NOT NULL")  # noqa: S608
            rows = cursor.fetchall()
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            changed = [(change(column, value if column.binary else str(value)), key) for key, value in batch]
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {table} SET {name} = %s WHERE {pk} = %s", changed)  # noqa: S608
            count += len(changed)
    return count
