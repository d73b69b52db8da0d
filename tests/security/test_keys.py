"""Keys apart from data: a passphrase-wrapped key by default, a copied store folder that reads
as noise, clean refusals for a wrong passphrase or a damaged key, never a new key for an
existing store, and a passphrase that can be changed."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

from tests.security.conftest import Run

PASSPHRASE = "correct horse battery staple"
WRAPPED = {"VIGIL_KEY_FILE": "", "VIGIL_PASSPHRASE": PASSPHRASE}
LOCKED = {"VIGIL_KEY_FILE": ""}
CANARIES = (
    "Zhanargul Canarybekova",
    "CANARY-7c1e-safehouse-Talas",
    "Canaryville Defenders Union",
    "Canarygorsk",
    "CANARY-7c1e-demand",
)
APPEAL = (
    "3 March 2025\n\nKyrgyzstan: woman human rights defender Zhanargul Canarybekova detained\n\n"
    "On 1 March 2025, police officers arrested woman human rights defender Zhanargul Canarybekova,"
    " a member of the Canaryville Defenders Union, in Canarygorsk."
    " She stays at CANARY-7c1e-safehouse-Talas.\n"
    "\nWe urge the authorities to release Zhanargul Canarybekova and to end CANARY-7c1e-demand.\n"
)


def wrapped_store(run_vigil: Run, vigil_home: Path, tmp_path: Path) -> Path:
    created = run_vigil("init", env=WRAPPED, check=True)
    assert "wrapped by your passphrase" in created.stdout
    appeal = tmp_path / "appeal.txt"
    appeal.write_text(APPEAL, encoding="utf-8")
    run_vigil("ingest", "--accept", "--confidentiality", "confidential", str(appeal), env=WRAPPED, check=True)
    return vigil_home / "keys" / "vigil.key"


def test_init_wraps_the_key_with_a_passphrase_by_default(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    key = wrapped_store(run_vigil, vigil_home, tmp_path)
    data = json.loads(key.read_text())
    assert data["format"] == "vigil-wrapped-key-v2" and data["kdf"] == "argon2id"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    locked = run_vigil("case", "list", env=LOCKED)
    assert locked.returncode == 1 and "locked by a passphrase" in locked.stderr
    wrong = run_vigil("case", "list", env={**LOCKED, "VIGIL_PASSPHRASE": "not the passphrase"})
    assert wrong.returncode == 1 and "wrong passphrase" in wrong.stderr
    for result in (locked, wrong):
        assert "Traceback" not in result.stderr and result.stdout == ""
    assert "Zhanargul" in run_vigil("case", "list", env=WRAPPED, check=True).stdout


def test_a_copied_store_folder_yields_no_name_and_no_text(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    wrapped_store(run_vigil, vigil_home, tmp_path)
    copy = tmp_path / "seized"
    shutil.copytree(vigil_home, copy)
    files = [f for f in copy.rglob("*") if f.is_file()]
    assert any(f.name == "vigil.db" for f in files) and any(f.name == "vigil.key" for f in files)
    for file in files:
        content = file.read_bytes()
        for canary in CANARIES:
            for encoded in (canary.encode(), canary.encode("utf-16-le"), canary.lower().encode()):
                assert encoded not in content, f"{canary!r} in {file}"
        assert b"SQLite format 3" not in content[:100], file
    for env in (LOCKED, {**LOCKED, "VIGIL_PASSPHRASE": "a guess at the passphrase"}):
        opened = run_vigil("case", "list", env={**env, "VIGIL_HOME": str(copy)})
        assert opened.returncode == 1 and "Zhanargul" not in opened.stdout + opened.stderr


def test_init_on_a_store_whose_key_is_missing_writes_no_new_key(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    key = wrapped_store(run_vigil, vigil_home, tmp_path)
    key.unlink()
    again = run_vigil("init", env=WRAPPED)
    assert again.returncode == 1 and "its key" in again.stderr and "missing" in again.stderr
    assert not key.exists() and "Traceback" not in again.stderr


def test_a_damaged_key_file_is_refused_in_one_line(run_vigil: Run, vigil_home: Path, tmp_path: Path) -> None:
    key = wrapped_store(run_vigil, vigil_home, tmp_path)
    for damage in ('{"format": "vigil-wrapped-key-v2", "salt": "%%%"}', "garbage", "vigil-key-v1:AAAA"):
        key.write_text(damage)
        result = run_vigil("case", "list", env=WRAPPED)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and str(key) in result.stderr


def test_without_a_terminal_or_passphrase_init_explains_the_choices(run_vigil: Run, vigil_home: Path) -> None:
    result = run_vigil("init", env=LOCKED)
    assert (
        result.returncode == 1
        and "VIGIL_PASSPHRASE" in result.stderr
        and "--insecure-key-in-home" in result.stderr
    )
    assert not (vigil_home / "keys" / "vigil.key").exists()


def test_the_demo_key_in_home_says_it_is_insecure(run_vigil: Run, vigil_home: Path) -> None:
    result = run_vigil("init", "--insecure-key-in-home", env=LOCKED, check=True)
    assert "INSECURE" in result.stdout
    assert (vigil_home / "keys" / "vigil.key").read_text().startswith("vigil-key-v1:")
    assert run_vigil("case", "list", env=LOCKED).returncode == 0


def test_changing_the_passphrase_keeps_the_data_and_retires_the_old_one(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    wrapped_store(run_vigil, vigil_home, tmp_path)
    new = "a different and longer passphrase"
    run_vigil("key", "passphrase", env={**WRAPPED, "VIGIL_NEW_PASSPHRASE": new}, check=True)
    assert run_vigil("case", "list", env=WRAPPED).returncode == 1
    assert (
        "Zhanargul" in run_vigil("case", "list", env={**LOCKED, "VIGIL_PASSPHRASE": new}, check=True).stdout
    )
