"""``vigil backup``: an encrypted archive of the whole store that restores into an empty home
and passes ``vigil audit verify``; a wrong passphrase, a wrong key, a damaged archive or a
home that is not empty are refused in one line, leaving nothing behind."""

from __future__ import annotations

import base64
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.store_dump import dump
from tests.conftest import key_file_of, runner_for
from tests.security.conftest import Run
from tests.security.test_keys import CANARIES, LOCKED, WRAPPED, wrapped_store


def one_line_refusal(result: object, *words: str) -> None:
    stderr = getattr(result, "stderr", "")
    assert getattr(result, "returncode", 0) == 1, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    for word in words:
        assert word in stderr, stderr


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")) if folder.exists() else []


@dataclass(frozen=True)
class Backed:
    """One passphrase-wrapped store holding a confidential canary source, and its archive."""

    home: Path
    archive: Path


@pytest.fixture(scope="module")
def backed(tmp_path_factory: pytest.TempPathFactory) -> Backed:
    folder = tmp_path_factory.mktemp("backed")
    home = folder / "store"
    run = runner_for(home)
    wrapped_store(run, home, folder)
    path = folder / "store.vbk"
    made = run("backup", "create", "-o", str(path), env=WRAPPED, check=True)
    assert "vigil.db" in made.stdout and "audit.head" in made.stdout and "wrapped" in made.stdout
    return Backed(home, path)


@pytest.fixture
def archive(backed: Backed, tmp_path: Path) -> Path:
    """A copy of the module's archive for one test."""
    return Path(shutil.copy(backed.archive, tmp_path / "store.vbk"))


def test_an_archive_restores_into_an_empty_home_and_verifies(
    run_vigil: Run, archive: Path, backed: Backed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = archive.read_bytes()
    for canary in CANARIES:
        assert canary.encode() not in content and canary.encode("utf-16-le") not in content
    assert b"SQLite format 3" not in content and archive.stat().st_mode & 0o077 == 0
    home = tmp_path / "restored"
    env = {**WRAPPED, "VIGIL_HOME": str(home)}
    restored = run_vigil("backup", "restore", str(archive), env=env, check=True)
    assert "audit chain intact" in restored.stdout
    assert (home / "keys" / "vigil.key").read_text().startswith("{")  # still wrapped
    assert "Canarybekova" in run_vigil("case", "list", env=env, check=True).stdout
    monkeypatch.setenv("VIGIL_PASSPHRASE", WRAPPED["VIGIL_PASSPHRASE"])
    before, after = (
        {row for row in dump(store) if not row.startswith("sqlite_sequence")} for store in (backed.home, home)
    )
    assert len(before) > 50 and before <= after  # every row, originals and texts included, as it was
    added = sorted(after - before)
    assert len(added) == 1 and "'store.restore'" in added[0]
    # a later write on the restored store moves its head on, and the chain still verifies
    appeal = tmp_path / "later.txt"
    appeal.write_text(
        "4 March 2025\n\nKenya: a later appeal\n\nOn 2 March 2025 police arrested Neema Example.\n"
    )
    run_vigil("ingest", str(appeal), env=env, check=True)
    assert "audit chain intact" in run_vigil("audit", "verify", env=env, check=True).stdout


def test_a_wrong_passphrase_fails_cleanly_and_leaves_nothing(
    run_vigil: Run, archive: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for env in (
        {**LOCKED, "VIGIL_PASSPHRASE": "not the passphrase at all"},
        LOCKED,  # no passphrase and no terminal
    ):
        result = run_vigil("backup", "restore", str(archive), env={**env, "VIGIL_HOME": str(empty)})
        one_line_refusal(result, "passphrase")
        assert files_in(empty) == []
    absent = tmp_path / "absent"
    result = run_vigil(
        "backup",
        "restore",
        str(archive),
        env={**LOCKED, "VIGIL_PASSPHRASE": "wrong", "VIGIL_HOME": str(absent)},
    )
    one_line_refusal(result, "wrong passphrase")
    assert not absent.exists()


def test_restoring_into_a_home_that_is_not_empty_is_refused(
    run_vigil: Run, archive: Path, backed: Backed, tmp_path: Path
) -> None:
    before = {p: p.read_bytes() for p in files_in(backed.home) if p.is_file()}
    result = run_vigil("backup", "restore", str(archive), env={**WRAPPED, "VIGIL_HOME": str(backed.home)})
    one_line_refusal(result, "not empty")
    assert {p: p.read_bytes() for p in files_in(backed.home) if p.is_file()} == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    one_line_refusal(
        run_vigil("backup", "restore", str(archive), env={**WRAPPED, "VIGIL_HOME": str(other)}), "not empty"
    )
    assert [p.name for p in files_in(other)] == ["notes.txt"]


@pytest.mark.parametrize("damage", ["flip", "cut", "header", "junk"])
def test_a_damaged_archive_is_refused_and_leaves_nothing(
    run_vigil: Run, archive: Path, tmp_path: Path, damage: str
) -> None:
    data = bytearray(archive.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "cut":
        del data[-100:]
    elif damage == "header":
        data[data.index(b'"database": "embedded"') + 13] ^= 0x20
    else:
        data = bytearray(b"PK\x03\x04 a zip, not an archive")
    bad = tmp_path / f"{damage}.vbk"
    bad.write_bytes(bytes(data))
    home = tmp_path / f"home-{damage}"
    result = run_vigil("backup", "restore", str(bad), env={**WRAPPED, "VIGIL_HOME": str(home)})
    one_line_refusal(result, str(bad))
    assert not home.exists()


def test_a_store_with_a_separate_key_file_backs_up_by_admins_and_restores_with_that_file_only(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    """``run_vigil``'s stores keep a plain key file outside the home: the archive holds no key."""
    run_vigil("init", check=True)
    run_vigil("user", "create", "vera", "--role", "viewer", check=True)
    run_vigil("user", "create", "cora", "--role", "coordinator", check=True)
    for name in ("vera", "cora"):
        out = tmp_path / f"{name}.vbk"
        one_line_refusal(run_vigil("--as", name, "backup", "create", "-o", str(out)), "admin")
        assert not out.exists()
    path = tmp_path / "plain.vbk"
    made = run_vigil("--as", "admin", "backup", "create", "-o", str(path), check=True)
    assert "no key" in made.stdout
    one_line_refusal(run_vigil("backup", "create", "-o", str(path)), "exists")
    key = key_file_of(vigil_home).read_bytes()
    assert key.strip().split(b":")[-1] not in path.read_bytes()
    home = tmp_path / "again"
    one_line_refusal(
        run_vigil(
            "backup",
            "restore",
            str(path),
            env={"VIGIL_HOME": str(home), "VIGIL_KEY_FILE": str(tmp_path / "nowhere.key")},
        ),
        "VIGIL_KEY_FILE",
    )
    other_key = tmp_path / "other.key"
    other_key.write_text("vigil-key-v1:" + base64.b64encode(bytes(range(32))).decode())
    one_line_refusal(
        run_vigil(
            "backup", "restore", str(path), env={"VIGIL_HOME": str(home), "VIGIL_KEY_FILE": str(other_key)}
        ),
        "another key",
    )
    assert not home.exists()
    restored = run_vigil("backup", "restore", str(path), env={"VIGIL_HOME": str(home)}, check=True)
    assert "audit chain intact" in restored.stdout
    chain = [row for row in dump(home) if row.startswith("audit_auditevent:")]
    assert "'store.backup'" in chain[-2] and "'user:admin'" in chain[-2]
    assert "'store.restore'" in chain[-1] and "'operator" in chain[-1]


def test_on_postgresql_the_archive_holds_the_key_and_head_and_says_pg_dump(
    run_vigil: Run, vigil_home: Path, tmp_path: Path, postgres_database: str
) -> None:
    env = {**WRAPPED, "VIGIL_DATABASE_URL": postgres_database}
    run_vigil("init", env=env, check=True)
    path = tmp_path / "pg.vbk"
    made = run_vigil("backup", "create", "-o", str(path), env=env, check=True)
    assert "pg_dump" in made.stdout and "vigil.db" not in made.stdout and "audit.head" in made.stdout
    home = tmp_path / "restored"
    embedded = run_vigil("backup", "restore", str(path), env={**WRAPPED, "VIGIL_HOME": str(home)}, check=True)
    assert "pg_restore" in embedded.stdout and sorted(p.name for p in home.iterdir()) == [
        "audit.head",
        "keys",
    ]
    # the restored key and head open the same PostgreSQL database, and the chain verifies
    verified = run_vigil("audit", "verify", env={**env, "VIGIL_HOME": str(home)}, check=True)
    assert "audit chain intact" in verified.stdout
    sqlite_archive = tmp_path / "sqlite.vbk"
    run_vigil("init", env={**WRAPPED, "VIGIL_HOME": str(tmp_path / "sqlite")}, check=True)
    run_vigil(
        "backup",
        "create",
        "-o",
        str(sqlite_archive),
        env={**WRAPPED, "VIGIL_HOME": str(tmp_path / "sqlite")},
        check=True,
    )
    one_line_refusal(
        run_vigil("backup", "restore", str(sqlite_archive), env={**env, "VIGIL_HOME": str(tmp_path / "h")}),
        "VIGIL_DATABASE_URL",
    )
