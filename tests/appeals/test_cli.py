"""The appeal commands a user runs: profile, init --organisation, render warnings, translate."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_init_with_an_organisation_sets_the_letterhead_name(run_vigil: Run, tmp_path: Path) -> None:
    run_vigil("init", "--organisation", "Lantern Watch", check=True)
    shown = json.loads(run_vigil("profile", "show", "--json", check=True).stdout)
    assert shown["name"] == "Lantern Watch"


def test_profile_set_changes_only_what_it_is_given(run_vigil: Run, tmp_path: Path) -> None:
    run_vigil("init", check=True)
    assert "needs --name" in run_vigil("profile", "set", "--email", "a@example.org").stderr
    office = "Port Example|Head office|1 Quay;Port Example|info@b.example"
    board = ["--board", "Aurora Fictus", "--board", "Benedict Imaginary"]
    run_vigil(
        "profile",
        "set",
        "--name",
        "Beacon",
        "--office",
        office,
        *board,
        "--registration",
        "No. 0",
        check=True,
    )
    run_vigil("profile", "set", "--email", "appeals@b.example", check=True)
    shown = json.loads(run_vigil("profile", "show", "--json", check=True).stdout)
    assert shown["name"] == "Beacon" and shown["email"] == "appeals@b.example"
    assert shown["offices"][0]["address"] == ["1 Quay", "Port Example"]
    assert shown["board"] == ["Aurora Fictus", "Benedict Imaginary"]
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    refused = run_vigil("profile", "set", "--logo", str(logo))
    assert refused.returncode == 2 and "script" in refused.stderr


def test_render_warns_and_translate_clears_the_warning(
    run_vigil: Run, seed_path: Path, tmp_path: Path
) -> None:
    run_vigil("init", check=True)
    run_vigil("ingest", "--accept", "--confidentiality", "public", str(seed_path), check=True)
    out = tmp_path / "appeal.txt"
    first = run_vigil("appeal", "render", "1", "--format", "txt", "--lang", "fr", "-o", str(out), check=True)
    assert "no organisation profile" in first.stderr
    assert "not translated into fr" in first.stderr and "the Court in Almaty" in first.stderr
    assert "has passed" in first.stderr  # the expected release of March 2025 is long past
    appeal_id = first.stdout.split("appeal ")[1].split()[0]  # "…appeal.txt: appeal 2 v1 (draft), fr, …"
    run_vigil("profile", "set", "--name", "Beacon", check=True)
    court = ["the Court in Almaty", "le tribunal d’Almaty"]
    run_vigil("appeal", "translate", appeal_id, "--lang", "fr", *court, check=True)
    second = run_vigil("appeal", "render", "1", "--format", "txt", "--lang", "fr", "-o", str(out),
                       "--date", "2025-03-03", check=True)  # fmt: skip
    assert "the Court in Almaty;" not in second.stderr
    assert "no organisation profile" not in second.stderr
    assert "has passed" not in second.stderr
    assert "le tribunal d’Almaty" in out.read_text()
    check = run_vigil("appeal", "check", appeal_id, check=True).stdout
    assert "fr: not translated" in check and "en: ready" in check
