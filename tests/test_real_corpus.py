"""eval/real: the manifest and the gold annotations agree line by line (no collected text is needed)."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT, SHARED, require_shared


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "scripts" / "real_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
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


# A fictional stored excerpt, written for this test: a date prefix, a site's own line, a
# hard-wrapped body and a cut at the end, as the search tool returns excerpts.
EXCERPT = (
    " date 2031-02-03 Skip to content\n\n"
    "Rights worker held in Northvale  \n"
    "Police in Northvale detained the rights worker Ana Tovar on 2 February. She was released\n"
    "the next day, her lawyer said.\n\n"
    "“We call for the charges to be dropped,” the group said. The hearing is set for Ma"
)


def test_clean_numbers_blocks_and_ends_at_the_last_complete_sentence() -> None:
    blocks = real_corpus.excerpt_blocks(EXCERPT)
    assert blocks[:3] == ["2031-02-03", "Skip to content", "Rights worker held in Northvale"]
    text = real_corpus.clean_excerpt(EXCERPT, real_corpus.Cleaning(drop=(1,)))
    assert text.startswith("2031-02-03\n\nRights worker held in Northvale\n\nPolice in Northvale")
    assert text.endswith("the group said.\n")
    assert "Ma\n" not in text
    assert real_corpus.clean_excerpt(EXCERPT, real_corpus.Cleaning(drop=(1,), whole=True)).endswith("Ma\n")


def test_lines_keep_the_page_s_single_line_breaks() -> None:
    excerpt = "Site name\nHeadline\nFirst line.\nSecond line.\n\nAfter a gap.\nCut her"
    how = real_corpus.Cleaning(drop=(0,), tail=1, lines=True, whole=True)
    assert real_corpus.clean_excerpt(excerpt, how) == "Headline\nFirst line.\nSecond line.\n\nAfter a gap.\n"
    across_gap = real_corpus.Cleaning(drop=(0, 3), tail=1, lines=True, whole=True)
    assert real_corpus.clean_excerpt(excerpt, across_gap) == "Headline\nFirst line.\n\nAfter a gap.\n"


def test_a_date_with_its_time_stays_one_line() -> None:
    blocks = real_corpus.excerpt_blocks(" date 2031-02-03 18:54\nEUR 1.00\n\nHeadline")
    assert blocks == ["2031-02-03 18:54", "EUR 1.00", "Headline"]
    assert real_corpus.excerpt_blocks(" date 2031-02 Body text.")[0] == "2031-02"


def test_clean_keep_lines_leaves_a_wrapped_paragraph_whole() -> None:
    text = real_corpus.clean_excerpt(EXCERPT, real_corpus.Cleaning(drop=(1,), keep_lines=True))
    assert "Ana Tovar on 2 February. She was released\nthe next day" in text


def test_find_cleaning_recovers_the_drops_from_the_checksum() -> None:
    wanted = real_corpus.clean_excerpt(EXCERPT, real_corpus.Cleaning(drop=(0, 1), tail=1))
    found = real_corpus.find_cleaning(EXCERPT, real_corpus.sha256_text(wanted))
    assert found is not None
    assert found[1] == wanted
    assert found[0].flags() == "--drop 0,1 --tail 1"
    assert real_corpus.find_cleaning(EXCERPT, real_corpus.sha256_text("another text\n")) is None


def test_clean_can_treat_a_closing_ellipsis_as_a_cut() -> None:
    excerpt = "Headline\n\nThe court met on 3 May. The lawyer said the hearing went on…"
    assert real_corpus.clean_excerpt(excerpt).endswith("went on…\n")
    assert real_corpus.clean_excerpt(excerpt, real_corpus.Cleaning(ellipsis=False)).endswith("3 May.\n")


def test_an_elision_does_not_end_a_sentence() -> None:
    excerpt = "He was sentenced on 9 May. On 3 May the offices were closed by the (...) - …"
    assert real_corpus.clean_excerpt(excerpt, real_corpus.Cleaning(ellipsis=False)).endswith("9 May.\n")


def test_clean_names_the_file_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "excerpt.txt"
    raw.write_bytes(b"\xff\xfe not UTF-8 \xc3")
    assert real_corpus.main(["clean", ROWS[0]["id"], str(raw)]) == 2
    assert str(raw) in capsys.readouterr().err
    assert real_corpus.main(["clean", "xx-999", str(raw)]) == 2
    assert "xx-999" in capsys.readouterr().err


def test_repairs_undo_rendering_faults() -> None:
    repairs = real_corpus.REPAIRS
    assert repairs["sentences"]("was held.The court") == "was held. The court"
    assert repairs["words"]("the AmazonBasin") == "the Amazon Basin"
    assert repairs["bullets"]("  • first\n  • second") == "first\nsecond"
    assert repairs["spaces"]("two  spaces") == "two spaces"
    assert repairs["cells"]("| - A cell.\n|") == "A cell."
    assert repairs["dash"]("NORTHVALE \ufffd Two") == "NORTHVALE \u2014 Two"


def test_every_text_has_one_recorded_cleaning_row_that_parses() -> None:
    lines = (real_corpus.RECIPES).read_text(encoding="utf-8").splitlines()
    ids = [line.split("\t")[0] for line in lines[1:]]
    assert ids == [row["id"] for row in ROWS]
    recorded = real_corpus.recorded_cleanings()
    assert recorded and set(recorded) <= set(ids)
    assert all(isinstance(how, real_corpus.Cleaning) for how in recorded.values())


def test_clean_all_says_which_excerpts_are_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert real_corpus.main(["clean-all", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{ROWS[0]['id']}: no excerpt" in out
    assert out.strip().endswith(f"no excerpt {len(ROWS)}")
