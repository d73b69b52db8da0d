"""Casework from the command line, end to end on a real store: create, edit and close a case,
add, correct and delete an event, edit a person, follow-ups, levels with a reason, restore;
refusals for roles that may not; every write in the audit trail."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.fixtures import STEPPE_APPEAL

Run = Callable[..., CompletedProcess[str]]


@pytest.fixture
def store(run_vigil: Run, vigil_home: Path) -> Path:
    run_vigil("init", check=True)
    return vigil_home


def number(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    assert found is not None, text
    return found.group(1)


def test_a_case_is_kept_by_hand_from_the_command_line(run_vigil: Run, store: Path) -> None:
    created = run_vigil(
        "case",
        "create",
        "Kenya: paralegal detained",
        "--country",
        "ke",
        "--situation",
        "detained",
        "--opened",
        "2025-05-02",
        "--defender",
        "Amina Example",
        check=True,
    )
    case = number(r"case (\d+) created", created.stdout)
    shown = json.loads(run_vigil("case", "show", case, "--json", check=True).stdout)
    assert shown["country"] == "KE" and [d["name"] for d in shown["defenders"]] == ["Amina Example"]
    person = str(shown["defenders"][0]["id"])
    added = run_vigil(
        "event",
        "add",
        case,
        "--type",
        "arrest",
        "--date",
        "2025-05-02",
        "--place",
        "Nairobi",
        "--victim",
        person,
        check=True,
    )
    event = number(r"event (\d+) added", added.stdout)
    edited = run_vigil("event", "edit", event, "--type", "detention", "--duration", "15 days", check=True)
    assert "changed type, duration" in edited.stdout
    assert "nothing changed" in run_vigil("event", "edit", event, "--type", "detention", check=True).stdout
    assert (
        "changed title"
        in run_vigil("case", "edit", case, "--title", "Kenya: paralegal held", check=True).stdout
    )
    assert (
        "changed gender"
        in run_vigil("person", "edit", person, "--gender", "female", "--role", "paralegal", check=True).stdout
    )
    followup = number(
        r"follow-up (\d+) added",
        run_vigil(
            "followup",
            "add",
            case,
            "--kind",
            "hearing",
            "--due",
            "2025-05-20",
            "--note",
            "bail hearing",
            check=True,
        ).stdout,
    )
    assert followup in run_vigil("due", "--today", "2025-06-01", check=True).stdout
    run_vigil("followup", "snooze", followup, "--until", "2025-06-10", "--reason", "court closed", check=True)
    assert "overdue" not in run_vigil("due", "--today", "2025-06-01", check=True).stdout
    run_vigil("followup", "done", followup, "--outcome", "bail refused", check=True)
    assert run_vigil("due", "--today", "2025-06-01", check=True).stdout.strip() == ""
    assert (
        "restricted → public"
        in run_vigil(
            "set-confidentiality", "event", event, "public", "--reason", "reported by the press", check=True
        ).stdout
    )
    run_vigil("event", "delete", event, "--reason", "it was a summons, not an arrest", check=True)
    shown = json.loads(run_vigil("case", "show", case, "--json", check=True).stdout)
    assert shown["events"] == []
    assert "restored" in run_vigil("restore", "event", event, check=True).stdout
    assert (
        "closed (released)" in run_vigil("case", "close", case, "--situation", "released", check=True).stdout
    )
    shown = json.loads(run_vigil("case", "show", case, "--json", check=True).stdout)
    assert shown["situation"] == "released" and len(shown["events"]) == 1
    assert "reopened" in run_vigil("case", "reopen", case, check=True).stdout
    assert "intact" in run_vigil("audit", "verify", check=True).stdout


def test_refusals_say_why_and_change_nothing(run_vigil: Run, store: Path) -> None:
    run_vigil("user", "create", "eddie", "--role", "editor", check=True)
    run_vigil("user", "create", "vera", "--role", "viewer", check=True)
    case = number(r"case (\d+) created", run_vigil("case", "create", "Kenya: case", check=True).stdout)
    level = run_vigil("--as", "eddie", "set-confidentiality", "case", case, "public", "--reason", "consent")
    assert (
        level.returncode == 1
        and "only a coordinator or an admin may change who may see a record" in level.stderr
    )
    assert run_vigil("--as", "vera", "case", "edit", case, "--title", "X").returncode == 1
    assert run_vigil("--as", "eddie", "delete", "case", case, "--reason", "dup").returncode == 1
    missing = run_vigil("set-confidentiality", "case", case, "public", "--reason", "")
    assert missing.returncode == 1 and "reason is required" in missing.stderr
    bad = run_vigil("event", "add", case, "--type", "invented", "--date", "2025-01-01")
    assert bad.returncode == 1 and "type" in bad.stderr
    assert run_vigil("event", "add", case, "--type", "arrest", "--date", "5 May").returncode == 2
    assert run_vigil("set-confidentiality", "planet", "1", "public", "--reason", "x").returncode == 2
    shown = json.loads(run_vigil("case", "show", case, "--json", check=True).stdout)
    assert (
        shown["title"] == "Kenya: case" and shown["confidentiality"] == "restricted" and shown["events"] == []
    )


def test_an_update_is_accepted_into_an_existing_case_and_a_review_reopened(
    run_vigil: Run, store: Path
) -> None:
    source = number(r"source (\d+)", run_vigil("ingest", str(STEPPE_APPEAL), check=True).stdout)
    case = number(r"case (\d+)", run_vigil("source", "accept", source, check=True).stdout)
    assert run_vigil("source", "accept", source).returncode == 1
    assert "review reopened" in run_vigil("source", "reopen", source, check=True).stdout
    again = run_vigil("source", "accept", source, "--case", case, check=True)
    assert f"accepted into case {case}" in again.stdout
    listed = json.loads(run_vigil("case", "list", "--json", check=True).stdout)
    assert len(listed) == 1
