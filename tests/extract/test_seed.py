"""The real seed appeal (read from ../shared, never copied): the facts issue 2 names."""

from __future__ import annotations

from pathlib import Path

from vigil_extract import extract_file
from vigil_extract.contract import to_contract


def test_seed_yields_defender_country_events_and_demands_with_evidence(seed_path: Path) -> None:
    doc = extract_file(seed_path)
    line = to_contract(doc)
    text = doc.text
    assert line["country"] == "KZ"
    assert line["published"] == "2025-03-03"
    assert [(d["name"], d["gender"]) for d in line["defenders"]] == [("Zhanar Sekerbayeva", "female")]
    on_the_day = {e["type"]: e for e in line["events"] if e["date"] == "2025-02-28"}
    assert "arrest" in on_the_day and "sentence" in on_the_day
    assert on_the_day["sentence"]["duration"] == "10 days"
    laws = {e["legal_basis"] for e in line["events"] if e["legal_basis"]}
    assert any(law.startswith("part 7 of Article 488 of the Code of Administrative Offences") for law in laws)
    assert len(line["demands"]) == 4
    assert line["demands"][0].startswith("Immediately and unconditionally release")
    for demand, span in zip(line["demands"], line["demand_evidence"], strict=True):
        assert text[span["start"] : span["end"]] == demand
    sentence = on_the_day["sentence"]["evidence"]
    assert "sentenced Zhanar Sekerbayeva to 10 days" in text[sentence["start"] : sentence["end"]]


def test_seed_boilerplate_yields_no_people_dates_or_places(seed_path: Path) -> None:
    doc = extract_file(seed_path)
    board = ["Kieran Mulvey", "Mary Lawlor", "Michel Forst", "Hina Jilani"]
    assert not any(d.name in board for d in doc.defenders)
    assert "IE" not in doc.countries_seen and "BE" not in doc.countries_seen
    for event in doc.events:
        assert event.date is not None and 2024 <= event.date.year <= 2025
