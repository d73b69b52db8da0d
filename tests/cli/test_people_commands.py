"""``vigil person`` end to end: two appeals about one defender in two scripts become two records
and one possible match, which a coordinator merges and unmerges; other roles are refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]

ENGLISH = """Kazakhstan: Human rights defender Aigerim Tulegenova detained in Almaty

On 3 March 2025, police in Almaty detained human rights defender Aigerim Tulegenova after she spoke
at a peaceful rally. On 4 March 2025, the Medeu District Court sentenced Aigerim Tulegenova to 10 days
of administrative arrest.

Beacon for Defenders urges the authorities in Kazakhstan to:
1. Immediately and unconditionally release Aigerim Tulegenova;
2. End all harassment of human rights defenders in Kazakhstan.
"""
RUSSIAN = """Казахстан: правозащитница Айгерим Тулегенова задержана в Алматы

15 апреля 2025 года полиция Алматы задержала правозащитницу Айгерим Тулегенову после её выступления
на мирном митинге. 16 апреля 2025 года суд приговорил Айгерим Тулегенову к 15 суткам административного
ареста.

Мы призываем власти Казахстана:
1. Немедленно освободить Айгерим Тулегенову;
2. Прекратить преследование правозащитников.
"""


def test_two_scripts_one_match_merged_and_unmerged(run_vigil: Run, vigil_home: Path, tmp_path: Path) -> None:
    run_vigil("init", check=True)
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    run_vigil("ingest", "--accept", str(tmp_path / "en.txt"), str(tmp_path / "ru.txt"), check=True)
    [match] = json.loads(run_vigil("person", "matches", "--json", check=True).stdout)
    assert {match["left"]["name"], match["right"]["name"]} == {"Aigerim Tulegenova", "Айгерим Тулегенова"}
    assert any("another script" in reason for reason in match["reasons"])
    latin, cyrillic = match["left"]["id"], match["right"]["id"]
    shown = run_vigil("defender", "show", str(latin), check=True).stdout
    assert "may be the same as" in shown and "Айгерим Тулегенова" in shown

    run_vigil("user", "create", "ed", "--role", "editor", check=True)
    refused = run_vigil("--as", "ed", "person", "merge", str(latin), str(cyrillic))
    assert refused.returncode == 1 and "only a coordinator" in refused.stderr

    run_vigil("person", "merge", str(latin), str(cyrillic), check=True)
    merged = json.loads(run_vigil("defender", "show", str(latin), "--json", check=True).stdout)
    assert set(merged["names_by_script"]) == {"Latn", "Cyrl"} and len(merged["cases"]) == 2
    assert {e["date"] for e in merged["timeline"]} >= {"2025-03-03", "2025-04-15"}
    assert json.loads(run_vigil("person", "matches", "--json", check=True).stdout) == []

    run_vigil("person", "unmerge", str(cyrillic), check=True)
    again = json.loads(run_vigil("defender", "show", str(latin), "--json", check=True).stdout)
    assert set(again["names_by_script"]) == {"Latn"} and len(again["cases"]) == 1
    run_vigil("person", "distinct", str(latin), str(cyrillic), check=True)
    assert "no possible matches" in run_vigil("person", "matches", check=True).stdout
    assert "intact" in run_vigil("audit", "verify", check=True).stdout


def test_search_prints_bracketed_words_and_reindex_rebuilds(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    run_vigil("init", check=True)
    appeal = tmp_path / "en.txt"
    appeal.write_text(
        ENGLISH.replace("after she spoke", "after [sabotage] charges; she spoke"), encoding="utf-8"
    )
    run_vigil("ingest", "--accept", str(appeal), check=True)
    printed = run_vigil("search", "sabotage", check=True).stdout
    assert "[sabotage]" in printed
    assert "records indexed again" in run_vigil("reindex", check=True).stdout
    hits = json.loads(run_vigil("search", "Almaty", "--json", check=True).stdout)
    assert {hit["kind"] for hit in hits} == {"event", "case", "source"}
    assert all("\x02" not in hit["snippet"] for hit in hits)


def test_defender_show_prints_one_line_per_event_with_its_source_or_who_typed_it(
    run_vigil: Run, vigil_home: Path, tmp_path: Path
) -> None:
    run_vigil("init", check=True)
    appeal = tmp_path / "en.txt"
    appeal.write_text(ENGLISH, encoding="utf-8")
    run_vigil("ingest", "--accept", str(appeal), check=True)
    case = json.loads(run_vigil("case", "list", "--json", check=True).stdout)[0]
    person_id = json.loads(run_vigil("case", "show", str(case["id"]), "--json", check=True).stdout)[
        "defenders"
    ][0]["id"]
    run_vigil(
        "event",
        "add",
        str(case["id"]),
        "--type",
        "threat",
        "--date",
        "2025-06-01",
        "--place",
        "Bishkek",
        "--victim",
        str(person_id),
        check=True,
    )
    shown = run_vigil("defender", "show", str(person_id), check=True).stdout
    lines = [line for line in shown.splitlines() if f"case {case['id']}" in line]
    assert any("from source 1" in line for line in lines), shown
    typed = [line for line in lines if "threat in Bishkek" in line]
    assert typed and "2025-06-01 (day)" in typed[0] and "entered by hand by operator" in typed[0]
