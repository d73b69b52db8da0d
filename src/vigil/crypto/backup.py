"""``vigil backup``: a consistent copy of a store in one encrypted archive, and its return
into an empty ``VIGIL_HOME``.

The archive (:mod:`vigil.crypto.archive`) holds a tar stream of:

- ``vigil.db``: a snapshot of the embedded database taken by ``VACUUM INTO`` through the
  SQLCipher connection — one read transaction, so it is consistent while others write — and
  still encrypted by SQLCipher under the store's database key. Source originals are kept in
  the database (encrypted fields), so they come with it.
- ``audit.head``: the sealed head of the audit chain, read *before* the snapshot, so it never
  runs ahead of it (entries after the head are accepted by ``vigil audit verify``).

Its header carries the master key wrapped by the store's passphrase when the store's key is
wrapped. A store whose key is a plain file (``VIGIL_KEY_FILE``, or a demo key in the home)
keeps that key out of the archive too: restoring needs the same file.

On PostgreSQL the database is not in the archive — ``pg_dump`` is the tool for it, run *after*
``vigil backup create`` — and the archive holds the wrapped key and the audit head only.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from vigil.crypto.archive import ArchiveError, DecryptingReader, EncryptingWriter, Header, read_header
from vigil.crypto.keys import (
    KeyUnavailable,
    find_passphrase,
    keyring,
    keyring_from,
    parse_master_key,
    read_key_text,
    read_master_key,
    write_private,
)
from vigil.home import key_file_path, vigil_home

DATABASE = "vigil.db"
HEAD = "audit.head"
MEMBERS = (DATABASE, HEAD)
EMBEDDED, POSTGRESQL = "embedded", "postgresql"


class BackupRefused(Exception):
    """A backup or restore that cannot go ahead; the message says why, in one line."""


@dataclass(frozen=True)
class Archived:
    """What a backup wrote: which database it holds and the form of its key."""

    database: str
    key_form: str
    members: tuple[str, ...]


def key_meta() -> dict[str, Any]:
    """The key as the archive's header carries it: wrapped (the passphrase opens it), or not at all."""
    content = read_key_text(key_file_path())
    if content.startswith("{"):
        return {"form": "wrapped", "file": json.loads(content)}
    return {"form": "separate"}


def create_backup(output: Path, database: str) -> Archived:
    """Write the archive of this store to ``output`` (which must not exist yet).

    The caller records the backup in the audit chain first, so the archive holds that entry."""
    if output.exists():
        raise BackupRefused(f"{output} exists already: choose a new file name")
    head = vigil_home() / HEAD
    head_bytes = head.read_bytes() if head.exists() else None
    meta: dict[str, Any] = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "key": key_meta(),
    }
    partial = output.with_name(output.name + ".partial")
    members: list[str] = []
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise BackupRefused(f"cannot write {output}: {exc.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            writer = EncryptingWriter(handle, keyring().backup, meta)
            with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
                if head_bytes is not None:
                    add_member(tar, HEAD, io.BytesIO(head_bytes), len(head_bytes))
                    members.append(HEAD)
                if database == EMBEDDED:
                    with snapshot() as path, path.open("rb") as db:
                        add_member(tar, DATABASE, db, path.stat().st_size)
                    members.append(DATABASE)
            writer.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Archived(database, meta["key"]["form"], tuple(members))


def add_member(tar: tarfile.TarFile, name: str, content: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = size, 0o600
    tar.addfile(info, content)


@contextmanager
def snapshot() -> Iterator[Path]:
    """A consistent copy of the embedded database, still SQLCipher-encrypted with the same key,
    in a private folder inside the store that is removed afterwards."""
    from django.db import connection

    folder = Path(tempfile.mkdtemp(prefix=".backup-", dir=vigil_home()))
    try:
        path = folder / DATABASE
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class Restored:
    """What a restore put back, and the header's word on where the archive came from."""

    database: str
    created: str
    members: tuple[str, ...]


def restore_backup(archive: Path, *, embedded_here: bool) -> Restored:
    """Put the archive's store back into ``VIGIL_HOME``, which must be empty or absent.

    ``embedded_here`` is False when this store is configured for PostgreSQL. On any failure
    (wrong passphrase or key, a damaged archive) nothing is left behind in the home.
    """
    home = vigil_home()
    if home.exists() and any(home.iterdir()):
        raise BackupRefused(f"{home} is not empty: restore into an empty VIGIL_HOME")
    try:
        source = archive.open("rb")
    except OSError as exc:
        raise BackupRefused(f"cannot read {archive}: {exc.strerror}") from None
    with source:
        header = read_header(source, str(archive))
        database = str(header.data.get("database"))
        if database == EMBEDDED and not embedded_here:
            raise BackupRefused(
                f"{archive} holds an embedded store, but VIGIL_DATABASE_URL points at PostgreSQL:"
                " unset it to restore this archive"
            )
        key_content, master = archive_master_key(header, archive)
        if key_content is not None and key_file_path().exists():
            raise BackupRefused(f"a key file is already at {key_file_path()}: it would be replaced")
        reader = DecryptingReader(source, header, keyring_from(master).backup, str(archive))
        created_home = not home.exists()
        with placing(home, created_home) as staging:
            members = extract(reader, staging, str(archive))
            reader.finish()
            for name in members:
                os.replace(staging / name, home / name)
            if key_content is not None:
                write_private(key_file_path(), key_content)
    return Restored(database, str(header.data.get("created", "")), members)


def archive_master_key(header: Header, archive: Path) -> tuple[str | None, bytes]:
    """The master key: unwrapped from the header with the passphrase, or read from the key file
    the store kept apart. Returns the key file's content to write, when it comes from the archive."""
    key = header.data.get("key")
    if not isinstance(key, dict):
        raise ArchiveError(f"{archive} is damaged (its header)")
    if key.get("form") == "wrapped":
        content = json.dumps(key.get("file"), indent=1) + "\n"
        passphrase = find_passphrase(archive)
        master = parse_master_key(content, archive, passphrase=passphrase)
        os.environ["VIGIL_PASSPHRASE"] = passphrase  # this process opens the restored store next
        return content, master
    if not key_file_path().exists():
        raise KeyUnavailable(
            f"{archive} holds no key (the store kept its key in a file of its own):"
            " set VIGIL_KEY_FILE to that key file"
        )
    return None, read_master_key()


@contextmanager
def placing(home: Path, created_home: bool) -> Iterator[Path]:
    """A private staging folder inside ``home``; on failure, the home is left as it was."""
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(home, 0o700)
    staging = home / ".restoring"
    staging.mkdir(mode=0o700)
    try:
        yield staging
    except BaseException:
        for name in MEMBERS:
            (home / name).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        if created_home:
            shutil.rmtree(home, ignore_errors=True)
        raise
    staging.rmdir()


def extract(reader: DecryptingReader, staging: Path, name: str) -> tuple[str, ...]:
    """Write the archive's members into ``staging``: only the known names, only plain files."""
    found: list[str] = []
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                if member.name not in MEMBERS or not member.isfile() or member.name in found:
                    raise ArchiveError(f"{name} holds an unexpected entry")
                content = tar.extractfile(member)
                descriptor = os.open(staging / member.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "wb") as out:
                    shutil.copyfileobj(content, out, 1 << 20)
                    out.flush()
                    os.fsync(out.fileno())
                found.append(member.name)
    except tarfile.TarError:
        raise ArchiveError(f"{name} is damaged (its contents)") from None
    return tuple(found)
