"""eval/real: the manifest and the gold annotations agree line by line (no collected text is needed)."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from types import ModuleType
from typing import Any

import jsonschema

from tests.conftest import ROOT, SHARED, require_shared


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "scripts" / "real_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


real_corpus = load_script()
ROWS: list[dict[str, str]] = real_corpus.manifest_rows()
GOLD: dict[str, dict[str, Any]] = real_corpus.gold_lines()


def gold_schema() -> dict[str, Any]:
    """The contract's line schema, less what only a run of the command has (source, error, evidence)."""
    schema: dict[str, Any] = copy.deepcopy(
        json.loads((SHARED / "contract" / "extraction.schema.json").read_text(encoding="utf-8"))
    )
    schema["required"] = [f for f in schema["required"] if f not in ("source", "error")] + ["id"]
    events = schema["properties"]["events"]["items"]
    events["required"] = [f for f in events["required"] if f != "evidence"]
    return schema


def test_manifest_and_gold_hold_the_same_texts_once_each() -> None:
    ids = [row["id"] for row in ROWS]
    gold_ids = [
        json.loads(line)["id"]
        for line in (real_corpus.REAL / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert ids and len(ids) == len(set(ids))
    assert len(gold_ids) == len(set(gold_ids))
    assert set(ids) == set(gold_ids)


def test_every_manifest_row_is_complete() -> None:
    for row in ROWS:
        assert re.fullmatch(rf"{row['language']}-\d{{3}}", row["id"]), row["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", row["sha256"]), row["id"]
        assert re.fullmatch(r"https?://\S+", row["url"]), row["id"]
        assert row["query"].strip() and row["publisher"].strip(), row["id"]
        assert re.fullmatch(r"([A-Z]{2})?", row["country"]), row["id"]


def test_every_text_of_a_publisher_is_in_the_half_its_name_gives() -> None:
    halves: dict[str, set[str]] = {}
    for row in ROWS:
        assert row["half"] == real_corpus.half_of(row["publisher"]), row["id"]
        halves.setdefault(row["publisher"].strip().casefold(), set()).add(row["half"])
    assert all(len(found) == 1 for found in halves.values())
    assert {half for found in halves.values() for half in found} == {"tune", "check"}


def test_half_ignores_case_and_surrounding_space() -> None:
    assert real_corpus.half_of("  front line DEFENDERS ") == real_corpus.half_of("Front Line Defenders")


def test_gold_language_and_country_are_the_manifest_s() -> None:
    for row in ROWS:
        gold = GOLD[row["id"]]
        assert gold["language"] == row["language"], row["id"]
        assert gold["country"] == (row["country"] or None), row["id"]


def test_gold_lines_keep_to_the_contract_field_types() -> None:
    require_shared()
    validator = jsonschema.Draft202012Validator(gold_schema())
    errors = {id_: [e.message for e in validator.iter_errors(gold)] for id_, gold in GOLD.items()}
    assert {id_: found for id_, found in errors.items() if found} == {}


def test_the_gold_schema_still_rejects_a_wrong_field() -> None:
    require_shared()
    wrong = {**next(iter(GOLD.values())), "country": "Kenya"}
    assert list(jsonschema.Draft202012Validator(gold_schema()).iter_errors(wrong))
