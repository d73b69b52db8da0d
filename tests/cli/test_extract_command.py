"""``vigil extract --json`` keeps to the contract in ../shared/contract, one line per file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import jsonschema

from tests.conftest import SHARED

Run = Callable[..., CompletedProcess[str]]


def test_every_line_matches_the_contract_schema(run_vigil: Run, dev_corpus: Path, tmp_path: Path) -> None:
    schema = json.loads((SHARED / "contract" / "extraction.schema.json").read_text())
    bad = tmp_path / "junk.pdf"
    bad.write_bytes(bytes(range(256)) * 10)
    files = [*sorted(str(p) for p in dev_corpus.glob("*.txt")), str(bad)]
    result = run_vigil("extract", "--json", *files)
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == files
    for line in lines:
        jsonschema.validate(line, schema)
    assert lines[-1]["error"] and lines[-1]["defenders"] == []
    assert all(line["error"] is None for line in lines[:-1])


def test_text_option_prints_the_text_offsets_refer_to(run_vigil: Run, seed_path: Path) -> None:
    text = run_vigil("extract", "--text", str(seed_path), check=True).stdout
    line = json.loads(run_vigil("extract", "--json", str(seed_path), check=True).stdout)
    span = line["events"][0]["evidence"]
    assert text[span["start"] : span["end"]].strip()
    assert text == seed_path.read_text(encoding="utf-8")


def test_limits_are_options(run_vigil: Run, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("On 2 May 2025, police arrested journalist Ana Example. " * 25000)
    refused = run_vigil("extract", "--json", "--max-mb", "1", str(big))
    assert refused.returncode == 1 and "too large" in json.loads(refused.stdout)["error"]
    # the size limit is under test, not the time limit: a loaded CI machine may take > 30 s
    assert run_vigil("extract", "--json", "--max-mb", "5", "--timeout", "900", str(big)).returncode == 0
