"""Model fields encrypted by the application (AES-256-GCM), so they stay protected on any database.

A value is stored as ``enc1:`` + base64(nonce | ciphertext | tag); the model and field name
are bound in as associated data, so a ciphertext copied into another column does not decrypt.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import models

from vigil.crypto.keys import keyring

PREFIX = "enc1:"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A stored value does not decrypt with this store's key."""


def encrypt(plaintext: bytes, context: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(keyring().fields).encrypt(nonce, plaintext, context.encode())


def decrypt(blob: bytes, context: str) -> bytes:
    try:
        return AESGCM(keyring().fields).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
    except InvalidTag:
        raise DecryptionError(f"a value of {context} does not decrypt with this store's key") from None


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text encrypted before it reaches the database; not searchable or sortable there."""

    def context(self) -> str:
        return f"{self.model._meta.label_lower}.{self.name}"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return PREFIX + base64.b64encode(encrypt(str(value).encode(), self.context())).decode()

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        if not value.startswith(PREFIX):
            raise DecryptionError(f"{self.context()} holds a value that was not encrypted")
        return decrypt(base64.b64decode(value[len(PREFIX) :]), self.context()).decode()


class EncryptedBinaryField(models.BinaryField):  # type: ignore[type-arg]
    """Bytes (an original document) encrypted before they reach the database."""

    def context(self) -> str:
        return f"{self.model._meta.label_lower}.{self.name}"

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is None:
            return None
        return super().get_db_prep_value(encrypt(bytes(value), self.context()), connection, prepared)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> bytes | None:
        if value is None:
            return None
        return decrypt(bytes(value), self.context())
