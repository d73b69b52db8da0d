"""The store's key: created once by ``vigil init``, read from a file or derived from a passphrase.

One 256-bit master key gives, through HKDF-SHA256, independent subkeys for the SQLCipher
database, the application's field encryption, audit digests, the blind index of names and
Django's ``SECRET_KEY``.
The master key comes from the key file (mode 0600) or, when ``VIGIL_PASSPHRASE`` is set,
from Argon2id over the passphrase and a per-store salt. It never comes from the repository.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vigil.home import key_file_path, salt_file_path

KEY_PREFIX = "vigil-key-v1:"
KEY_BYTES = 32


class KeyUnavailable(Exception):
    """The store's key is missing or unreadable; the message says what to do."""


@dataclass(frozen=True)
class KeyRing:
    """The subkeys derived from the master key, one per purpose."""

    database: bytes
    fields: bytes
    audit: bytes
    names: bytes
    django_secret: str

    @property
    def database_hex(self) -> str:
        return self.database.hex()


def create_key_file(path: Path | None = None) -> Path:
    """Write a new random master key to ``path`` (mode 0600); refuse to overwrite one."""
    path = path or key_file_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    encoded = KEY_PREFIX + base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(encoded + "\n")
    return path


def read_master_key(path: Path | None = None) -> bytes:
    passphrase = os.environ.get("VIGIL_PASSPHRASE")
    if passphrase:
        return master_key_from_passphrase(passphrase)
    path = path or key_file_path()
    try:
        content = path.read_text().strip()
    except FileNotFoundError:
        raise KeyUnavailable(
            f"no key file at {path}: run `vigil init`, or set VIGIL_KEY_FILE to the store's key"
        ) from None
    except PermissionError:
        raise KeyUnavailable(f"cannot read the key file {path}: permission denied") from None
    if not content.startswith(KEY_PREFIX):
        raise KeyUnavailable(f"{path} is not a Vigil key file")
    key = base64.b64decode(content.removeprefix(KEY_PREFIX))
    if len(key) != KEY_BYTES:
        raise KeyUnavailable(f"{path} holds a key of the wrong length")
    return key


def master_key_from_passphrase(passphrase: str) -> bytes:
    """Argon2id over the passphrase and the store's salt (created on first use)."""
    from argon2.low_level import Type, hash_secret_raw

    salt_path = salt_file_path()
    if not salt_path.exists():
        salt_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(salt_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_bytes(16))
    return hash_secret_raw(
        passphrase.encode(),
        salt_path.read_bytes(),
        time_cost=3,
        memory_cost=65536,
        parallelism=2,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def derive(master: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=f"vigil {purpose}".encode()
    ).derive(master)


@cache
def keyring() -> KeyRing:
    """The subkeys of this process's store, read once."""
    master = read_master_key()
    return KeyRing(
        database=derive(master, "database"),
        fields=derive(master, "fields"),
        audit=derive(master, "audit"),
        names=derive(master, "name index"),
        django_secret=derive(master, "django secret key").hex(),
    )
