"""Keyed fingerprints of original files: how a file already stored is recognised.

A plain SHA-256 of each original, kept beside it, would let anyone holding a copy of the
database (a dump, a backup of PostgreSQL) confirm that a document they have is in the store.
The fingerprint is HMAC-SHA256 of the file's SHA-256 under the store's fingerprint subkey:
the same file gives the same fingerprint (so the duplicate check is one indexed lookup), and
without the key nobody can compute it. ``vigil key rotate`` computes every fingerprint again
under the new key, from the originals.
"""

from __future__ import annotations

import hashlib
import hmac

from vigil.crypto.keys import keyring


def fingerprint(sha256_hex: str, key: bytes | None = None) -> str:
    """The fingerprint of a file whose SHA-256 is ``sha256_hex`` (64 hex characters)."""
    secret = keyring().fingerprints if key is None else key
    return hmac.new(secret, bytes.fromhex(sha256_hex), hashlib.sha256).hexdigest()


def fingerprint_of(data: bytes, key: bytes | None = None) -> str:
    """The fingerprint of the file ``data``."""
    return fingerprint(hashlib.sha256(data).hexdigest(), key)
