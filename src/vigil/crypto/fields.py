"""Model fields encrypted by the application (AES-256-GCM), so they stay protected on any database.

A value is stored as ``enc1:`` + base64(nonce | ciphertext | tag); the model and field name
are bound in as associated data, so a ciphertext copied into another column does not decrypt.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.expressions import Combinable
from django.utils.functional import cached_property

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

    _pyi_private_set_type: str | Combinable | None  # type: ignore[assignment]
    _pyi_private_get_type: str

    def context(self) -> str:
        return f"{self.model._meta.label_lower}.{self.name}"

    def get_lookup(self, lookup_name: str) -> Any:
        """Only ``isnull``: any other comparison would compare ciphertexts and silently match
        nothing, so it is refused (a FieldError) and the code must compare decrypted values."""
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return seal_text(str(value), self.context())

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return open_text(value, self.context())


def seal_text(plaintext: str, context: str) -> str:
    """The stored form of ``plaintext`` in the column named by ``context`` (``app.model.field``)."""
    return PREFIX + base64.b64encode(encrypt(plaintext.encode(), context)).decode()


def open_text(stored: str, context: str) -> str:
    """The plaintext of a value :func:`seal_text` stored."""
    if not stored.startswith(PREFIX):
        raise DecryptionError(f"{context} holds a value that was not encrypted")
    return decrypt(base64.b64decode(stored[len(PREFIX) :]), context).decode()


class EncryptedCharField(EncryptedTextField):
    """A short text (a name, a title, a place) encrypted in a text column: forms and validation
    still see a one-line field of ``max_length``; the database can neither search nor sort it."""

    @cached_property
    def validators(self) -> list[Any]:
        return (
            [*super().validators, MaxLengthValidator(self.max_length)]
            if self.max_length
            else super().validators
        )

    def formfield(self, form_class: Any = None, choices_form_class: Any = None, **kwargs: Any) -> Any:
        return models.Field.formfield(
            self,
            form_class=form_class or forms.CharField,
            choices_form_class=choices_form_class,
            **{"max_length": self.max_length, **kwargs},
        )


class EncryptedJSONField(EncryptedTextField):
    """JSON (lists and objects: suggested values, appeal sections, audit details) encrypted as
    one text; the database cannot look inside it."""

    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return seal_text(json.dumps(value, ensure_ascii=False, sort_keys=True), self.context())

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(open_text(value, self.context()))

    def to_python(self, value: Any) -> Any:
        return value

    def value_to_string(self, obj: models.Model) -> Any:
        return self.value_from_object(obj)

    def formfield(self, form_class: Any = None, choices_form_class: Any = None, **kwargs: Any) -> Any:
        return models.Field.formfield(
            self, form_class=form_class or forms.JSONField, choices_form_class=choices_form_class, **kwargs
        )


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
