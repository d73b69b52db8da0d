"""The ``vigil`` command end to end on a real store: init, ingest, case show, audit, export."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.cli.store_dump import dump
from tests.conftest import key_file_of

Run = Callable[..., CompletedProcess[str]]
CANARY = "CANARY-2f9e41d7-safehouse"


@pytest.fixture
def store(run_vigil: Run, vigil_home: Path) -> Path:
    run_vigil("init", check=True)
    return vigil_home


def test_init_creates_a_private_key_an_encrypted_store_and_one_admin(
    run_vigil: Run, vigil_home: Path
) -> None:
    first = run_vigil("init", check=True)
    key = key_file_of(vigil_home)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert "password:" in first.stdout
    assert b"SQLite format 3" not in (vigil_home / "vigil.db").read_bytes()[:16]
    again = run_vigil("init", check=True)
    assert "password:" not in again.stdout


def test_ingest_accept_of_the_seed_then_case_show(run_vigil: Run, store: Path, seed_path: Path) -> None:
    ingested = run_vigil("ingest", "--accept", str(seed_path), check=True)
    assert "case 1" in ingested.stdout
    case = json.loads(run_vigil("case", "show", "1", "--json", check=True).stdout)
    assert case["country"] == "KZ"
    assert [(d["name"], d["gender"]) for d in case["defenders"]] == [("Zhanar Sekerbayeva", "female")]
    sentence = next(e for e in case["events"] if e["type"] == "sentence" and e["date"] == "2025-02-28")
    assert sentence["duration"] == "10 days"
    assert "sentenced Zhanar Sekerbayeva" in sentence["evidence"][0]["text"]
    assert len(case["demands"]) == 4
    assert {"kind": "expected_release", "due": "2025-03-10"}.items() <= case["followups"][0].items()
    listed = json.loads(run_vigil("case", "list", "--json", check=True).stdout)
    assert listed[0]["defenders"] == ["Zhanar Sekerbayeva"] and listed[0]["situation"] == "sentenced"
    person_id = case["defenders"][0]["id"]
    timeline = json.loads(run_vigil("defender", "show", str(person_id), "--json", check=True).stdout)
    dates = [e["date"] for e in timeline["timeline"]]
    assert dates == sorted(dates) and "2025-02-28" in dates
    assert "intact" in run_vigil("audit", "verify", check=True).stdout


def test_ingesting_the_same_file_twice_stores_it_once(run_vigil: Run, store: Path, seed_path: Path) -> None:
    run_vigil("ingest", str(seed_path), check=True)
    again = run_vigil("ingest", str(seed_path), check=True)
    assert "already stored: nothing changed" in again.stdout
    public = run_vigil("ingest", "--confidentiality", "public", str(seed_path), check=True)
    assert "already stored as restricted: nothing changed, not made public" in public.stdout
    assert "vigil set-confidentiality source 1 public --reason" in public.stdout


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "file not found"),
        ("empty.txt", b"", "file is empty"),
        ("folder", "dir", "is a directory"),
        ("random.pdf", os.urandom(4096), "not a readable document"),
        ("huge.txt", b"a" * (50 * 1024 * 1024), "too large"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_the_store_is_unchanged(
    run_vigil: Run,
    store: Path,
    seed_path: Path,
    tmp_path: Path,
    name: str,
    content: object,
    reason: str,
) -> None:
    run_vigil("ingest", "--accept", str(seed_path), check=True)
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content.replace(b"%PDF", b"%pdf"))
    before = dump(store)
    result = run_vigil("ingest", "--accept", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr
    assert dump(store) == before


def test_confidential_source_leaves_no_plaintext_in_the_store_files(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    appeal = tmp_path / "confidential.txt"
    appeal.write_text(
        "4 April 2025\n\nKenya: woman human rights defender Neema Example relocated\n\n"
        f"On 2 April 2025, police arrested woman human rights defender Neema Example. {CANARY}.\n",
        encoding="utf-8",
    )
    run_vigil("ingest", "--accept", "--confidentiality", "confidential", str(appeal), check=True)
    for file in store.rglob("*"):
        if file.is_file():
            assert CANARY.encode() not in file.read_bytes(), file
    assert json.loads(run_vigil("search", "Neema", "--json", check=True).stdout) == []
    export = tmp_path / "public.json"
    run_vigil("export", "--public", "-o", str(export), check=True)
    assert "Neema" not in export.read_text() and CANARY not in export.read_text()


def test_accounts_act_within_their_role(run_vigil: Run, store: Path, seed_path: Path) -> None:
    created = run_vigil("user", "create", "vera", "--role", "viewer", check=True)
    assert "password:" in created.stdout
    denied = run_vigil("--as", "vera", "ingest", str(seed_path))
    assert denied.returncode == 1 and "may not change records" in denied.stderr
    run_vigil("ingest", "--accept", str(seed_path), check=True)
    assert json.loads(run_vigil("--as", "vera", "case", "list", "--json", check=True).stdout)
    assert run_vigil("--as", "nobody", "case", "list").returncode == 2


def test_usage_errors_exit_2(run_vigil: Run, store: Path) -> None:
    assert run_vigil("ingest", "--confidentiality", "secret", "x.txt").returncode == 2
    assert run_vigil("case", "show", "not-a-number").returncode == 2
    assert run_vigil("export", "-o", "x.json").returncode == 2
