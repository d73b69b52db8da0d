"""Every fact carries the cue that produced it and a confidence, so review can show the weakest first.

The text is fictional, written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from vigil_extract import extract_text
from vigil_extract.contract import to_contract

SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "contract" / "extraction.schema.json"
TEXT = (
    "3 June 2024\n\nKenya: journalist Amina Example detained\n\n"
    "On 2 June 2024, police arrested journalist Amina Example in Nakuru. Later that week, officers "
    "also beat Mr. Otieno Sample, who had filmed the arrest, and he remains in custody without charge. "
    "Journalist Amina Example faces trumped-up charges.\n\n"
    "We urge the authorities to:\n\n1. Release Amina Example immediately;\n"
)


def test_each_fact_has_a_cue_and_a_confidence() -> None:
    line = to_contract(extract_text(TEXT))
    facts = line["defenders"] + line["events"] + line["violation_cues"] + line["demand_cues"]
    assert facts and all(fact["cue"] and 0 < fact["confidence"] <= 1 for fact in facts)
    assert line["country_cue"]["cue"] == "country: Kenya"
    assert {v["type"] for v in line["violation_cues"]} == set(line["violations"])


def test_a_defender_named_in_the_demands_is_surer_than_one_who_only_suffered() -> None:
    by_name = {d["name"]: d for d in to_contract(extract_text(TEXT))["defenders"]}
    assert by_name["Amina Example"]["cue"] == "named in the demands"
    assert by_name["Otieno Sample"]["confidence"] < by_name["Amina Example"]["confidence"]


def test_the_extra_fields_keep_the_contract_valid() -> None:
    if not SCHEMA.exists():
        raise AssertionError(f"no contract schema at {SCHEMA}: ../shared must sit beside the checkout")
    jsonschema.validate(to_contract(extract_text(TEXT)), json.loads(SCHEMA.read_text("utf-8")))
