"""Replacing the master key: every encrypted value, name key and search token moves to the new
key in one transaction, the old key (and a copy of the old key file) no longer opens anything,
the chain records it and still verifies — on the embedded store and on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import make_case
from tests.security.conftest import Run
from tests.security.test_keys import LOCKED, PASSPHRASE, WRAPPED
from vigil.crypto.fields import DecryptionError
from vigil.crypto.keys import keyring, keyring_from, using
from vigil.crypto.rotate import encrypted_columns, new_master_key, rekey_records

CANARY = "Gulnara Rotatova"
APPEAL = (
    "3 March 2025\n\nKyrgyzstan: woman human rights defender Gulnara Rotatova detained\n\n"
    "On 1 March 2025, police officers arrested woman human rights defender Gulnara Rotatova"
    " in Talas after the march of the Rotation Watch collective.\n"
)


def test_every_encrypted_column_is_found_from_the_models() -> None:
    found = {c.context for c in encrypted_columns()}
    assert {
        "cases.person.name",
        "cases.source.text",
        "cases.suggestion.value",
        "audit.auditevent.detail",
    } <= found
    assert next(c for c in encrypted_columns() if c.context == "cases.source.original").binary


@pytest.mark.django_db
@pytest.mark.db_backend
def test_rekeying_moves_values_names_and_tokens_to_the_new_key() -> None:
    from vigil.cases.identity import person_candidates
    from vigil.cases.models import Case
    from vigil.search.index import search

    case = make_case(f"Kyrgyzstan: {CANARY} detained", "restricted", defender=CANARY)
    old, new = keyring(), keyring_from(new_master_key())
    rotation = rekey_records(old, new)
    assert rotation.values > 0 and rotation.spellings == 1 and rotation.fingerprints == 0
    with pytest.raises(DecryptionError):
        Case.objects.get(pk=case.pk).title  # noqa: B018 — the old key no longer opens it
    with using(new):
        assert Case.objects.get(pk=case.pk).title == f"Kyrgyzstan: {CANARY} detained"
        found = person_candidates(CANARY, levels=["public", "restricted", "confidential"])
        assert case.defenders.get().pk in {c.person_id for c in found}, "the name index answers"
        if connection.vendor == "postgresql":
            assert ("case", case.pk) in {(h.kind, h.object_id) for h in search(None, "Rotatova")}
        from vigil.audit.models import AuditEvent

        last = AuditEvent.objects.order_by("-seq").first()
        assert last is not None and last.action == "store.rotate_key"
        assert last.detail["values"] == rotation.values


def rotated_store(run_vigil: Run, tmp_path: Path, env: dict[str, str]) -> Path:
    run_vigil("init", env=env, check=True)
    appeal = tmp_path / "appeal.txt"
    appeal.write_text(APPEAL, encoding="utf-8")
    run_vigil("ingest", "--accept", "--confidentiality", "restricted", str(appeal), env=env, check=True)
    return appeal


def check_rotation(
    run_vigil: Run, vigil_home: Path, tmp_path: Path, env: dict[str, str], appeal: Path
) -> None:
    key = vigil_home / "keys" / "vigil.key"
    old_key = tmp_path / "old.key"
    shutil.copy(key, old_key)
    backup = tmp_path / "before.vigil"
    run_vigil("backup", "create", "-o", str(backup), env=env, check=True)
    rotated = run_vigil("key", "rotate", env=env, check=True)
    assert "new master key is in place" in rotated.stdout
    named = next(line for line in rotated.stdout.splitlines() if str(backup) in line)
    assert "holds the old key, wrapped by the passphrase of its day" in named
    assert not (vigil_home / "keys" / "vigil.key.new").exists()
    assert CANARY in run_vigil("case", "list", env=env, check=True).stdout
    assert "Rotatova" in run_vigil("search", "Rotatova", env=env, check=True).stdout
    assert "audit chain intact" in run_vigil("audit", "verify", env=env, check=True).stdout
    again = run_vigil("ingest", str(appeal), env=env, check=True)
    assert "(already stored: nothing changed)" in again.stdout, "the fingerprint moved to the new key"
    shutil.copy(old_key, key)
    stale = run_vigil("case", "list", env=env)
    assert stale.returncode != 0 and CANARY not in stale.stdout, "the old key opens nothing"


def test_rotating_the_embedded_store_key(run_vigil: Run, vigil_home: Path, tmp_path: Path) -> None:
    appeal = rotated_store(run_vigil, tmp_path, WRAPPED)
    check_rotation(run_vigil, vigil_home, tmp_path, WRAPPED, appeal)
    # The backup taken before still restores, under the old key, with the passphrase of its day;
    # its chain (digests under the old key) verifies there.
    elsewhere = {**WRAPPED, "VIGIL_HOME": str(tmp_path / "restored")}
    run_vigil("backup", "restore", str(tmp_path / "before.vigil"), env=elsewhere, check=True)
    assert "audit chain intact" in run_vigil("audit", "verify", env=elsewhere, check=True).stdout
    assert CANARY in run_vigil("case", "list", env=elsewhere, check=True).stdout


def test_a_rotation_names_the_backups_its_key_file_no_longer_opens(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    appeal = tmp_path / "appeal.txt"
    appeal.write_text(APPEAL, encoding="utf-8")
    run_vigil("ingest", "--accept", str(appeal), check=True)
    kept, gone = tmp_path / "kept.vigil", tmp_path / "gone.vigil"
    for archive in (kept, gone):
        run_vigil("backup", "create", "-o", str(archive), check=True)
    gone.unlink()
    rotated = run_vigil("key", "rotate", check=True)
    lines = rotated.stdout.splitlines()
    assert "needs the old key file, which is replaced: it no longer restores" in next(
        line for line in lines if str(kept) in line
    )
    assert "no longer at that path" in next(line for line in lines if str(gone) in line)
    restored = run_vigil("backup", "restore", str(kept), env={"VIGIL_HOME": str(tmp_path / "restored")})
    assert restored.returncode == 1 and "Traceback" not in restored.stderr
    assert "audit chain intact" in run_vigil("audit", "verify", check=True).stdout


def test_rotating_the_key_of_a_postgresql_store(
    run_vigil: Run, vigil_home: Path, tmp_path: Path, postgres_database: str
) -> None:
    env = {**WRAPPED, "VIGIL_DATABASE_URL": postgres_database}
    appeal = rotated_store(run_vigil, tmp_path, env)
    check_rotation(run_vigil, vigil_home, tmp_path, env, appeal)


def test_a_new_passphrase_may_come_with_the_new_key(run_vigil: Run, vigil_home: Path, tmp_path: Path) -> None:
    rotated_store(run_vigil, tmp_path, WRAPPED)
    new = "another passphrase, long enough"
    run_vigil("key", "rotate", env={**WRAPPED, "VIGIL_NEW_PASSPHRASE": new}, check=True)
    assert run_vigil("case", "list", env={**LOCKED, "VIGIL_PASSPHRASE": PASSPHRASE}).returncode == 1
    assert CANARY in run_vigil("case", "list", env={**LOCKED, "VIGIL_PASSPHRASE": new}, check=True).stdout


INTERRUPTED = """
from vigil.cli.context import setup_django
setup_django()
from vigil.crypto.keys import keyring_from, read_master_key
from vigil.crypto.rotate import new_master_key, rekey_records, write_pending
from vigil.home import key_file_path
import os
path = key_file_path()
old, new = read_master_key(path), new_master_key()
write_pending(path, new, os.environ["VIGIL_PASSPHRASE"])
rekey_records(keyring_from(old), keyring_from(new))
os._exit(9)  # killed after the transaction, before SQLCipher, the key file and the head
"""


def test_an_interrupted_rotation_is_finished_by_running_it_again(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    rotated_store(run_vigil, tmp_path, WRAPPED)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    environment.update({"VIGIL_HOME": str(vigil_home), "VIGIL_PASSPHRASE": PASSPHRASE})
    crashed = subprocess.run(
        [sys.executable, "-c", INTERRUPTED], env=environment, capture_output=True, text=True
    )
    assert crashed.returncode == 9, crashed.stderr
    assert (vigil_home / "keys" / "vigil.key.new").exists()
    finished = run_vigil("key", "rotate", env=WRAPPED, check=True)
    assert "interrupted rotation is finished" in finished.stdout
    assert not (vigil_home / "keys" / "vigil.key.new").exists()
    assert CANARY in run_vigil("case", "list", env=WRAPPED, check=True).stdout
    assert "audit chain intact" in run_vigil("audit", "verify", env=WRAPPED, check=True).stdout
