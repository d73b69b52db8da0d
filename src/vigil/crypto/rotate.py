"""Replacing the store's master key (``vigil key rotate``): after a suspected leak of the key.

In one database transaction, every value encrypted by the application is decrypted under the
old key and encrypted under the new one, the blind index of names, the files' fingerprints
and (on PostgreSQL) the search tokens are computed again under the new key, and the
rotation is written in the audit chain. Then the SQLCipher file is re-keyed, the key file
replaced and the audit head sealed under the new key. The new key file is written first,
beside the old one (``vigil.key.new``), so an interrupted rotation can be finished
(:func:`finish_interrupted`) whichever step it stopped at. Digests already in the chain
stay under the old key: they can no longer be checked against a guessed value by anyone.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection, transaction

from vigil.crypto.columns import Column, rekeyer, rewrite
from vigil.crypto.fields import DecryptionError, EncryptedBinaryField, EncryptedJSONField, EncryptedTextField
from vigil.crypto.fingerprints import fingerprint
from vigil.crypto.keys import KEY_BYTES, KeyRing, encode_key, keyring_from, using, write_private


@dataclass(frozen=True)
class Rotation:
    """What a rotation changed: values re-encrypted, spellings and files re-keyed, entries re-indexed."""

    values: int
    spellings: int
    entries: int
    fingerprints: int = 0


def encrypted_columns() -> list[Column]:
    """Every column the application encrypts, found from the models (so a new one is not missed)."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, (EncryptedTextField, EncryptedBinaryField)):
                found.append(
                    Column(
                        model._meta.label_lower,
                        field.name,
                        json=isinstance(field, EncryptedJSONField),
                        binary=isinstance(field, EncryptedBinaryField),
                    )
                )
    return found


def pending_path(path: Path) -> Path:
    return path.with_name(path.name + ".new")


def rekey_records(old: KeyRing, new: KeyRing, *, acting_user: object = None) -> Rotation:
    """Move every encrypted value, name key and search token from ``old`` to ``new``, and
    record it, in one transaction. The caller re-keys SQLCipher and replaces the key file."""
    from vigil.audit.chain import lock_chain, record
    from vigil.cases.identity import key_columns
    from vigil.cases.models import OrganisationName, PersonName, Source
    from vigil.cases.names import organisation_keys, person_keys
    from vigil.search.index import rebuild

    connection.ensure_connection()  # opened with the database key in use, before the new ring
    with using(new), transaction.atomic():
        lock_chain()
        with using(old):
            spellings = [
                (model, row.pk, row.name, keys)
                for model, keys in ((PersonName, person_keys), (OrganisationName, organisation_keys))
                for row in model.objects.only("id", "name")
            ]
            digests = [
                (pk, hashlib.sha256(bytes(original)).hexdigest())
                for pk, original in Source._base_manager.exclude(original=None).values_list("pk", "original")
                if original is not None
            ]
        values = rewrite(apps, connection, encrypted_columns(), rekeyer(old.fields, new.fields))
        for model, pk, name, keys in spellings:
            model.objects.filter(pk=pk).update(**key_columns(name, keys(name)))
        for pk, digest in digests:
            Source._base_manager.filter(pk=pk).update(fingerprint=fingerprint(digest, new.fingerprints))
        entries = rebuild() if connection.vendor == "postgresql" else 0
        rotation = Rotation(values, len(spellings), entries, len(digests))
        record(
            "store.rotate_key",
            acting_user=acting_user,  # type: ignore[arg-type]
            object_type="store",
            detail={
                "values": values,
                "spellings": len(spellings),
                "search_entries": entries,
                "fingerprints": len(digests),
            },
        )
    return rotation


def rekey_database(new: KeyRing) -> None:
    """Re-encrypt the SQLCipher file under ``new``'s database key (nothing to do on PostgreSQL)."""
    if connection.vendor == "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA rekey = \"x'{new.database_hex}'\"")


def new_master_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def write_pending(path: Path, master: bytes, passphrase: str | None) -> Path:
    """The new key, beside the old one, before anything is re-encrypted."""
    pending = pending_path(path)
    write_private(pending, encode_key(master, passphrase), replace=True)
    return pending


def records_use(ring: KeyRing) -> bool:
    """Whether the store's encrypted values are under ``ring`` (checked on the last audit entry
    that has a detail, which a rotation writes under its new key)."""
    from vigil.audit.models import AuditEvent

    with using(ring):
        try:
            latest = AuditEvent.objects.order_by("-seq").first()
            return latest is not None and isinstance(latest.detail, dict)
        except DecryptionError:
            return False


def rotate(path: Path, old_master: bytes, passphrase: str | None, *, acting_user: object = None) -> Rotation:
    """The whole rotation: pending key file, records, SQLCipher, key file, sealed head."""
    from vigil.audit.head import write_head
    from vigil.audit.models import AuditEvent

    old, new_master = keyring_from(old_master), new_master_key()
    new = keyring_from(new_master)
    pending = write_pending(path, new_master, passphrase)
    rotation = rekey_records(old, new, acting_user=acting_user)
    rekey_database(new)
    pending.replace(path)
    with using(new):
        last = AuditEvent.objects.order_by("-seq").first()
        if last is not None:
            write_head(last.seq, last.hash)
    return rotation


def finish_interrupted(path: Path, old_master: bytes, *, passphrase: str | None) -> bool:
    """Finish a rotation that stopped after its new key file was written: True if it had
    committed (and is now finished); False if it had not (the pending key is removed, nothing
    was changed, and the caller may rotate again)."""
    from vigil.audit.head import write_head
    from vigil.audit.models import AuditEvent
    from vigil.crypto.keys import read_master_key

    pending = pending_path(path)
    new = keyring_from(read_master_key(pending, passphrase=passphrase))
    old = keyring_from(old_master)
    opened_with = opening_ring(old, new)
    with using(opened_with):
        if not records_use(new):
            connection.close()
            pending.unlink()
            return False
        if opened_with is old:
            rekey_database(new)
    connection.close()
    pending.replace(path)
    with using(new):
        last = AuditEvent.objects.order_by("-seq").first()
        if last is not None:
            write_head(last.seq, last.hash)
    return True


def opening_ring(old: KeyRing, new: KeyRing) -> KeyRing:
    """The ring whose database key opens the store (SQLCipher is re-keyed last but one)."""
    from django.db import DatabaseError

    for ring in (old, new):
        connection.close()
        with using(ring):
            try:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM sqlite_master"
                        if connection.vendor != "postgresql"
                        else "SELECT 1"
                    )
                return ring
            except DatabaseError:
                continue
    raise DecryptionError("neither the old nor the new key opens the database")
