"""Which backups a key rotation leaves under the old key, and what still opens them.

A backup archive is encrypted under a subkey of the master key of its day, and carries that
master key (wrapped by the passphrase of its day) or, for a store whose key is a plain file,
no key at all. ``vigil key rotate`` cannot re-encrypt copies it does not hold, so it names
them: every backup recorded in the audit chain (``store.backup`` keeps the archive's path)
that is still at that path is checked, by its header's key check, against the old key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vigil.crypto.archive import ArchiveError, archive_key, key_check, read_header
from vigil.crypto.keys import KeyRing


@dataclass(frozen=True)
class OldBackup:
    """One backup taken before a rotation, and what can still open it."""

    path: str
    taken: str
    state: str  # "wrapped", "separate" (needs the old key file), "earlier" key, "missing", "damaged"

    def describe(self) -> str:
        return {
            "wrapped": "holds the old key, wrapped by the passphrase of its day: it still restores,"
            " under the old key",
            "separate": "needs the old key file, which is replaced: it no longer restores",
            "earlier": "taken under a key older than the one just replaced",
            "missing": "no longer at that path",
            "damaged": "cannot be read as an archive",
        }[self.state]


def backups_before(old: KeyRing) -> list[OldBackup]:
    """The backups the chain records, each checked against ``old``; oldest first."""
    from vigil.audit.models import AuditEvent

    found = []
    for entry in AuditEvent.objects.filter(action="store.backup").order_by("seq"):
        name = (entry.detail or {}).get("file")
        if not isinstance(name, str):
            continue
        found.append(OldBackup(name, entry.at.isoformat(timespec="minutes"), state_of(Path(name), old)))
    return found


def state_of(path: Path, old: KeyRing) -> str:
    try:
        with path.open("rb") as handle:
            header = read_header(handle, str(path))
    except FileNotFoundError:
        return "missing"
    except (OSError, ArchiveError):
        return "damaged"
    if key_check(archive_key(old.backup, header.salt)) != header.data["check"]:
        return "earlier"
    return "wrapped" if header.data.get("key", {}).get("form") == "wrapped" else "separate"
