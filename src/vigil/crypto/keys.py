"""The store's key: created once by ``vigil init``, kept apart from the data.

One random 256-bit master key gives, through HKDF-SHA256, independent subkeys for the
SQLCipher database, the application's field encryption, audit digests and seals, the
blind index of names, the search index's word tokens, backup archives and Django's
``SECRET_KEY``. The master key is kept in one of two forms:

- **wrapped** (the default): ``VIGIL_HOME/keys/vigil.key`` holds the master key encrypted with
  AES-256-GCM under a key derived from a passphrase by Argon2id (64 MiB, 3 passes, a random
  salt). A copy of the store folder without the passphrase reads as noise. The passphrase
  comes from ``VIGIL_PASSPHRASE`` or is asked for on the terminal.
- **plain**, in a key file: at ``VIGIL_KEY_FILE`` (kept elsewhere: another disk, a secrets
  mount) for unattended servers, or in ``VIGIL_HOME/keys`` for demos only
  (``vigil init --insecure-key-in-home``), where a copy of the folder carries it.

It never comes from the repository.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vigil.home import key_file_path

KEY_PREFIX = "vigil-key-v1:"
WRAPPED_FORMAT = "vigil-wrapped-key-v2"
KEY_BYTES = 32
ARGON2 = {"time_cost": 3, "memory_cost": 65536, "parallelism": 2}
WRAP_CONTEXT = b"vigil master key"

# Set by the command line when it may ask on a terminal; the web server never asks.
passphrase_prompt: Callable[[], str] | None = None


class KeyUnavailable(Exception):
    """The store's key is missing, locked or unreadable; the message says what to do."""


@dataclass(frozen=True)
class KeyRing:
    """The subkeys derived from the master key, one per purpose."""

    database: bytes
    fields: bytes
    audit: bytes
    names: bytes
    search: bytes
    backup: bytes
    django_secret: str
    fingerprints: bytes

    @property
    def database_hex(self) -> str:
        return self.database.hex()


def write_private(path: Path, content: str, *, replace: bool = False) -> None:
    """Write ``content`` to ``path`` (mode 0600, parent 0700); refuse to overwrite unless ``replace``."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    target = path.with_suffix(path.suffix + ".new") if replace else path
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    descriptor = os.open(target, flags, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    if replace:
        os.replace(target, path)


def create_key_file(path: Path | None = None, *, passphrase: str | None = None) -> Path:
    """Write a new random master key to ``path``: wrapped by ``passphrase``, or plain without one."""
    path = path or key_file_path()
    master = secrets.token_bytes(KEY_BYTES)
    write_private(path, encode_key(master, passphrase))
    return path


def encode_key(master: bytes, passphrase: str | None) -> str:
    if passphrase is None:
        return KEY_PREFIX + base64.b64encode(master).decode() + "\n"
    return json.dumps(wrap(master, passphrase), indent=1) + "\n"


def wrap(master: bytes, passphrase: str) -> dict[str, Any]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(kek(passphrase, salt, ARGON2)).encrypt(nonce, master, WRAP_CONTEXT)
    b64 = base64.b64encode
    return {
        "format": WRAPPED_FORMAT,
        "kdf": "argon2id",
        **ARGON2,
        "salt": b64(salt).decode(),
        "nonce": b64(nonce).decode(),
        "wrapped": b64(wrapped).decode(),
    }


def kek(passphrase: str, salt: bytes, cost: dict[str, int]) -> bytes:
    """The key-encryption key: Argon2id over the passphrase and the key file's salt."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode(),
        salt,
        time_cost=cost["time_cost"],
        memory_cost=cost["memory_cost"],
        parallelism=cost["parallelism"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def read_key_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise KeyUnavailable(
            f"no key file at {path}: run `vigil init`, or set VIGIL_KEY_FILE to the store's key"
        ) from None
    except PermissionError:
        raise KeyUnavailable(f"cannot read the key file {path}: permission denied") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise KeyUnavailable(f"cannot read the key file {path} ({type(exc).__name__})") from None


def is_wrapped(path: Path) -> bool:
    return read_key_text(path).startswith("{")


def read_master_key(path: Path | None = None, *, passphrase: str | None = None) -> bytes:
    """The master key from its file, unwrapping it with the passphrase when it is wrapped."""
    path = path or key_file_path()
    return parse_master_key(read_key_text(path), path, passphrase=passphrase)


def parse_master_key(content: str, path: Path, *, passphrase: str | None = None) -> bytes:
    """The master key from a key file's ``content`` (``path`` names it in errors, and for the
    passphrase prompt), unwrapping it with the passphrase when it is wrapped."""
    if content.startswith(KEY_PREFIX):
        try:
            key = base64.b64decode(content.removeprefix(KEY_PREFIX), validate=True)
        except ValueError:
            raise KeyUnavailable(f"the key file {path} is damaged (not base64)") from None
        if len(key) != KEY_BYTES:
            raise KeyUnavailable(f"the key file {path} is damaged (a key of the wrong length)")
        return key
    if not content.startswith("{"):
        raise KeyUnavailable(f"{path} is not a Vigil key file")
    try:
        data = json.loads(content)
        if data.get("format") != WRAPPED_FORMAT:
            raise ValueError("unknown format")
        salt, nonce, wrapped = (
            base64.b64decode(data[k], validate=True) for k in ("salt", "nonce", "wrapped")
        )
        cost = {k: int(data[k]) for k in ARGON2}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise KeyUnavailable(f"the key file {path} is damaged (not a wrapped Vigil key)") from None
    secret = passphrase if passphrase is not None else find_passphrase(path)
    try:
        master = AESGCM(kek(secret, salt, cost)).decrypt(nonce, wrapped, WRAP_CONTEXT)
    except (InvalidTag, ValueError):
        raise KeyUnavailable(f"wrong passphrase for {path} (or the key file is damaged)") from None
    if len(master) != KEY_BYTES:
        raise KeyUnavailable(f"the key file {path} is damaged (a key of the wrong length)")
    return master


def find_passphrase(path: Path) -> str:
    """``VIGIL_PASSPHRASE``, else the terminal's answer, else a clear refusal."""
    from_environment = os.environ.get("VIGIL_PASSPHRASE")
    if from_environment:
        return from_environment
    if passphrase_prompt is not None:
        return passphrase_prompt()
    raise KeyUnavailable(
        f"the store's key {path} is locked by a passphrase: set VIGIL_PASSPHRASE,"
        " or run the command on a terminal to be asked for it"
    )


def rewrap(master: bytes, new_passphrase: str | None, *, path: Path | None = None) -> None:
    """Keep the master key, change what protects it: a new passphrase (new salt), or none."""
    write_private(path or key_file_path(), encode_key(master, new_passphrase), replace=True)


def derive(master: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=f"vigil {purpose}".encode()
    ).derive(master)


def keyring_from(master: bytes) -> KeyRing:
    return KeyRing(
        database=derive(master, "database"),
        fields=derive(master, "fields"),
        audit=derive(master, "audit"),
        names=derive(master, "name index"),
        search=derive(master, "search index"),
        backup=derive(master, "backup"),
        django_secret=derive(master, "django secret key").hex(),
        fingerprints=derive(master, "file fingerprints"),
    )


@cache
def store_keyring() -> KeyRing:
    """The subkeys of the key in this process's key file, read once."""
    return keyring_from(read_master_key())


ACTIVE: ContextVar[KeyRing | None] = ContextVar("vigil_keyring", default=None)


def keyring() -> KeyRing:
    """The subkeys in use: the store's, unless a key rotation has put another ring in place."""
    return ACTIVE.get() or store_keyring()


@contextmanager
def using(ring: KeyRing) -> Iterator[None]:
    """Encrypt, decrypt, hash and seal with ``ring`` inside the block (a key rotation's new key,
    or its old one)."""
    token = ACTIVE.set(ring)
    try:
        yield
    finally:
        ACTIVE.reset(token)
