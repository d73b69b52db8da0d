"""Writing and verifying the audit chain.

The head of the chain is also kept, sealed, outside the database (:mod:`vigil.audit.head`),
so removing the last entries, which leaves a shorter valid chain, is found too.

Each entry's hash is SHA-256 over the previous entry's hash and a canonical JSON form of
the entry. Digests of the record before and after are HMAC-SHA256 under the store's audit
key, so they prove a change without revealing (or allowing guesses of) confidential values.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection, models, transaction
from django.db.models.functions import Cast
from django.utils import timezone

from vigil.audit.head import head_path, read_head, write_head
from vigil.audit.models import AuditEvent
from vigil.crypto.fields import DecryptionError
from vigil.crypto.keys import keyring

GENESIS = "0" * 64


def actor_label(user: User | AnonymousUser | None) -> str:
    """The user's name, ``anonymous``, or ``operator:<os user>`` for the command line's operator."""
    if user is None:
        try:
            return f"operator:{getpass.getuser()}"
        except (KeyError, OSError):
            return "operator"
    if not user.is_authenticated:
        return "anonymous"
    return f"user:{user.get_username()}"


def snapshot(instance: models.Model | None) -> dict[str, Any]:
    """The concrete field values of a record, as JSON-ready data."""
    if instance is None:
        return {}
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        data[field.attname] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
    return data


def digest(data: dict[str, Any]) -> str:
    if not data:
        return ""
    return hmac.new(keyring().audit, canonical(data).encode(), hashlib.sha256).hexdigest()


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(fields)).encode()).hexdigest()


def entry_fields(event: AuditEvent) -> dict[str, Any]:
    at = event.at.isoformat() if isinstance(event.at, datetime) else str(event.at)
    return {
        "seq": event.seq,
        "at": at,
        "actor": event.actor,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "before_digest": event.before_digest,
        "after_digest": event.after_digest,
        "detail": event.detail,
    }


def record(
    action: str,
    *,
    acting_user: User | AnonymousUser | None,
    instance: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    before: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one entry to the chain; must run inside the transaction of the write.

    Inside :func:`batch`, the entry is chained with the batch's others when the batch ends (the
    returned entry has its number and hash only then).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction of the write")
    event = AuditEvent(
        at=timezone.now(),
        actor=actor_label(acting_user),
        action=action,
        object_type=object_type or (instance._meta.label_lower if instance is not None else ""),
        object_id=object_id or (str(instance.pk) if instance is not None else ""),
        before_digest=digest(before or {}),
        after_digest=digest(snapshot(instance)),
        detail=detail or {},
    )
    pending = PENDING.get()
    if pending is not None:
        pending.append(event)
    else:
        append([event])
    return event


PENDING: ContextVar[list[AuditEvent] | None] = ContextVar("audit_pending", default=None)


@contextmanager
def batch() -> Iterator[None]:
    """Entries recorded inside are chained and written together at the end (one lookup of the
    chain's tail, one insert), still inside the caller's transaction. Nested batches join the
    outer one; if the block raises, nothing is written and the transaction rolls back. Use it
    only around writes that do not catch a failure of their own inside the block (an entry
    would outlive its rolled-back savepoint).

    The chain's lock is taken when the batch starts, as an unbatched write takes it before its
    rows: writers then always lock in the same order, and cannot deadlock on PostgreSQL."""
    if PENDING.get() is not None:
        yield
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("an audit batch must run inside the transaction of its writes")
    lock_chain()
    pending: list[AuditEvent] = []
    token = PENDING.set(pending)
    try:
        yield
    finally:
        PENDING.reset(token)
    if pending:
        append(pending)


def append(events: list[AuditEvent]) -> None:
    """Chain ``events`` after the current tail and insert them; the head file follows on commit."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit entries must be written inside the transaction of the write")
    lock_chain()
    last = AuditEvent.objects.order_by("-seq").only("seq", "hash").first()
    seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS)
    for event in events:
        seq += 1
        event.seq, event.prev_hash = seq, prev_hash
        event.hash = entry_hash(prev_hash, entry_fields(event))
        prev_hash = event.hash
    AuditEvent.objects.bulk_create(events)
    transaction.on_commit(lambda: write_head(seq, prev_hash))


def lock_chain() -> None:
    """Serialise writers on PostgreSQL; SQLite's IMMEDIATE transactions already do."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7461)")


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of checking the chain: how many entries, and the first bad one if any."""

    checked: int
    bad_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.bad_seq is None


def entries_with_sealed_detail() -> Iterator[AuditEvent]:
    """The chain in order, each entry's detail still as stored (decrypted by :func:`opened_detail`,
    so a detail that does not decrypt is named as an edit, not a crash)."""
    sealed = Cast("detail", output_field=models.TextField())
    return AuditEvent.objects.order_by("seq").defer("detail").annotate(sealed_detail=sealed).iterator()


def opened_detail(event: Any) -> bool:
    """Decrypt ``event``'s stored detail into ``event.detail``; False if it does not decrypt."""
    field = AuditEvent._meta.get_field("detail")
    try:
        event.detail = field.from_db_value(event.sealed_detail, None, connection)
    except (DecryptionError, ValueError):
        return False
    return True


def verify(*, require_head: bool = True) -> VerifyResult:
    """Walk the chain in order; name the first entry edited, removed or out of place.

    The head file must be there (when the chain has entries), carry our seal, and match the
    entry of its number; entries after it (a crash between the commit and the head's write)
    are accepted. ``require_head=False`` is for tests whose transaction never commits, so no
    head was ever written.
    """
    previous_hash, expected_seq, checked = GENESIS, 1, 0
    head = read_head()
    if head is not None and not head.sealed:
        return VerifyResult(0, head.seq, f"the head file {head_path()} does not carry the store's seal")
    for event in entries_with_sealed_detail():
        if not opened_detail(event):
            return VerifyResult(
                checked, event.seq, f"entry #{event.seq} was edited (its detail does not decrypt)"
            )
        if event.seq != expected_seq:
            return VerifyResult(checked, expected_seq, f"entry #{expected_seq} is missing")
        if event.prev_hash != previous_hash:
            return VerifyResult(checked, event.seq, f"entry #{event.seq} does not follow the entry before it")
        if entry_hash(event.prev_hash, entry_fields(event)) != event.hash:
            return VerifyResult(checked, event.seq, f"entry #{event.seq} was edited")
        if head is not None and event.seq == head.seq and event.hash != head.hash:
            return VerifyResult(checked, event.seq, f"entry #{event.seq} differs from the recorded head")
        previous_hash, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    if head is None and checked and require_head:
        return VerifyResult(
            checked,
            checked,
            f"the head file {head_path()} is missing: the end of the chain cannot be checked"
            " (restore it from a copy kept elsewhere)",
        )
    if head is not None and checked < head.seq:
        return VerifyResult(
            checked,
            checked + 1,
            f"entries #{checked + 1} to #{head.seq} were removed (the head file records #{head.seq})",
        )
    return VerifyResult(checked)
