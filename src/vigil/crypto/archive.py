"""The encrypted archive format of ``vigil backup``: a readable header, then a tar stream
encrypted in authenticated chunks.

Layout: ``MAGIC``, a 4-byte length and the header (JSON), then chunks, each a 4-byte length
and AES-256-GCM ciphertext. The archive key is HKDF-SHA256 of the store's backup subkey with a
random salt from the header, so every archive has its own key and a chunk's number can be its
nonce. Each chunk's associated data binds the header's SHA-256, the chunk's number and whether
it is the last (the STREAM construction): a chunk edited, removed, reordered or cut off, or a
header changed, fails to decrypt and the archive is refused. The header holds a check value of
the archive key, so a wrong key is told apart from a damaged archive.

The header is not secret: it says which database the archive came from, carries the master key
wrapped by the store's passphrase (Argon2id, as in the key file) when the store's key is
wrapped, and nothing about the records.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
from dataclasses import dataclass
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"VIGIL-BACKUP\n"
FORMAT = "vigil-backup-v1"
CHUNK = 1 << 20
LENGTH = struct.Struct(">I")
MAX_HEADER = 1 << 16
TAG_BYTES = 16


class ArchiveError(Exception):
    """The file is not a Vigil archive, is damaged, or does not open with this key."""


def archive_key(secret: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"vigil backup v1").derive(secret)


def key_check(key: bytes) -> str:
    return hmac.new(key, b"vigil backup key check", hashlib.sha256).hexdigest()


def nonce(index: int) -> bytes:
    return b"\0\0\0\0" + index.to_bytes(8, "big")


def associated(header_digest: bytes, index: int, last: bool) -> bytes:
    return header_digest + index.to_bytes(8, "big") + (b"\1" if last else b"\0")


@dataclass(frozen=True)
class Header:
    """What an archive says about itself before it is opened."""

    data: dict[str, Any]
    raw: bytes

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.raw).digest()

    @property
    def salt(self) -> bytes:
        return base64.b64decode(self.data["salt"])


class EncryptingWriter:
    """A write-only file object: bytes in, encrypted chunks out to ``target``."""

    def __init__(self, target: IO[bytes], secret: bytes, meta: dict[str, Any]) -> None:
        salt = os.urandom(16)
        self.key = archive_key(secret, salt)
        data = {
            "format": FORMAT,
            **meta,
            "salt": base64.b64encode(salt).decode(),
            "check": key_check(self.key),
        }
        raw = json.dumps(data, sort_keys=True).encode()
        target.write(MAGIC + LENGTH.pack(len(raw)) + raw)
        self.header = Header(data, raw)
        self.target, self.buffer, self.index = target, bytearray(), 0

    def write(self, data: bytes) -> int:
        self.buffer += data
        while len(self.buffer) > CHUNK:
            self.emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        """Write the last chunk (possibly empty), which marks the archive's end."""
        self.emit(bytes(self.buffer), last=True)
        self.buffer.clear()

    def emit(self, chunk: bytes, *, last: bool) -> None:
        sealed = AESGCM(self.key).encrypt(
            nonce(self.index), chunk, associated(self.header.digest, self.index, last)
        )
        self.target.write(LENGTH.pack(len(sealed)) + sealed)
        self.index += 1


def read_header(source: IO[bytes], name: str) -> Header:
    """The header of the archive ``source`` (``name`` for errors), leaving it at the first chunk."""
    if source.read(len(MAGIC)) != MAGIC:
        raise ArchiveError(f"{name} is not a Vigil backup archive")
    size = source.read(LENGTH.size)
    if len(size) != LENGTH.size or not 0 < LENGTH.unpack(size)[0] <= MAX_HEADER:
        raise ArchiveError(f"{name} is damaged (its header)")
    raw = source.read(LENGTH.unpack(size)[0])
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError("format")
        base64.b64decode(data["salt"], validate=True)
        str(data["check"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ArchiveError(f"{name} is damaged or of an unknown format (its header)") from None
    return Header(data, raw)


class DecryptingReader:
    """A read-only file object over the archive's chunks, checked one by one."""

    def __init__(self, source: IO[bytes], header: Header, secret: bytes, name: str) -> None:
        self.key = archive_key(secret, header.salt)
        if not hmac.compare_digest(key_check(self.key), str(header.data["check"])):
            raise ArchiveError(f"{name} was made with another key: this key does not open it")
        self.source, self.header, self.name = source, header, name
        self.buffer, self.index, self.ended = bytearray(), 0, False

    def read(self, size: int = -1) -> bytes:
        while not self.ended and (size < 0 or len(self.buffer) < size):
            self.buffer += self.next_chunk()
        if size < 0:
            size = len(self.buffer)
        out = bytes(self.buffer[:size])
        del self.buffer[:size]
        return out

    def next_chunk(self) -> bytes:
        size = self.source.read(LENGTH.size)
        if len(size) != LENGTH.size:
            raise ArchiveError(f"{self.name} is cut short (its end is missing)")
        length = LENGTH.unpack(size)[0]
        if not TAG_BYTES <= length <= CHUNK + TAG_BYTES:
            raise ArchiveError(f"{self.name} is damaged (chunk {self.index})")
        sealed = self.source.read(length)
        for last in (False, True):
            try:
                plain = AESGCM(self.key).decrypt(
                    nonce(self.index), sealed, associated(self.header.digest, self.index, last)
                )
            except InvalidTag:
                continue
            self.index += 1
            if last:
                self.ended = True
                if self.source.read(1):
                    raise ArchiveError(f"{self.name} is damaged (data after its end)")
            return plain
        raise ArchiveError(f"{self.name} is damaged (chunk {self.index} does not decrypt)")

    def finish(self) -> None:
        """Read to the archive's last chunk: an archive cut short is refused even when the tar
        stream inside ended early."""
        while not self.ended:
            self.next_chunk()
