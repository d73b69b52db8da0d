"""Ordering and filtering records by names and titles, which the database cannot do: they are
encrypted by the application (``vigil.crypto.fields``), so the comparison runs here, on the
decrypted values of records the reader may already see."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def text_of(record: Any, field: str) -> str:
    return str(getattr(record, field) or "").casefold()


def sorted_by(records: Iterable[T], field: str = "name") -> list[T]:
    """``records`` by ``field`` (case folded), then by id."""
    return sorted(records, key=lambda r: (text_of(r, field), getattr(r, "pk", 0)))


def containing(records: Iterable[T], words: str, field: str = "name") -> list[T]:
    """The records whose ``field`` contains ``words`` (case folded)."""
    wanted = words.casefold()
    return [r for r in records if wanted in text_of(r, field)]
