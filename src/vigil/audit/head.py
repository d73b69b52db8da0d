"""The chain's head, kept outside the database and sealed with the store's key.

Removing the last entries of a hash chain leaves a shorter chain that is valid in itself, so
the number and hash of the last entry are also written, after each commit, to
``VIGIL_HOME/audit.head``. The file is sealed: an HMAC-SHA256 under a subkey of the master
key, which a copy of the store does not carry when the key is wrapped by a passphrase or kept
elsewhere. Whoever edits the database and the file together, without the key, cannot make a
seal that verifies; deleting the file is reported as well (a chain with entries has a head).
Writers from several processes take an exclusive lock on the file, and the head only moves
forward.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from vigil.crypto.keys import keyring
from vigil.home import vigil_home


@dataclass(frozen=True)
class Head:
    """The last entry's number and hash as recorded, and whether the seal on them is ours."""

    seq: int
    hash: str
    sealed: bool


def head_path() -> Path:
    return vigil_home() / "audit.head"


def seal(seq: int, hash_: str) -> str:
    message = f"vigil audit head v1|{seq}|{hash_}".encode()
    return hmac.new(keyring().audit, message, hashlib.sha256).hexdigest()


def write_head(seq: int, hash_: str) -> None:
    """Record ``seq``/``hash_`` as the head unless a later head is already there."""
    path = head_path()
    if not path.parent.exists():
        return
    lock = os.open(path.with_suffix(".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        current = read_head()
        if current is not None and current.sealed and current.seq >= seq:
            return
        temporary = path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            json.dump({"seq": seq, "hash": hash_, "seal": seal(seq, hash_)}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        os.close(lock)


def read_head() -> Head | None:
    """The recorded head, or None when there is no readable head file."""
    try:
        data = json.loads(head_path().read_text())
        seq, hash_ = int(data["seq"]), str(data["hash"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None
    return Head(seq, hash_, hmac.compare_digest(str(data.get("seal", "")), seal(seq, hash_)))
