"""``vigil case list`` with the web list's filters and sorting, and ``vigil case assign``,
end to end on a real store."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]


def listed(run_vigil: Run, *options: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(
        run_vigil("case", "list", "--json", *options, check=True).stdout
    )
    return rows


def test_filters_sorting_and_assignment_from_the_command_line(run_vigil: Run, vigil_home: Path) -> None:
    run_vigil("init", check=True)
    run_vigil(
        "case",
        "create",
        "Kazakhstan: lawyer detained",
        "--country",
        "KZ",
        "--situation",
        "detained",
        "--defender",
        "Aliya Example",
        check=True,
    )
    run_vigil("case", "create", "Kazakhstan: poet at risk", "--country", "KZ", check=True)
    run_vigil(
        "case",
        "create",
        "Kenya: paralegal detained",
        "--country",
        "KE",
        "--situation",
        "detained",
        check=True,
    )
    run_vigil("followup", "add", "1", "--kind", "hearing", "--due", "2030-01-10", check=True)
    run_vigil("followup", "add", "2", "--kind", "reply_due", "--due", "2029-05-01", check=True)
    run_vigil("user", "create", "maria", "--role", "coordinator", check=True)
    run_vigil("user", "create", "ed", "--role", "editor", check=True)

    detained_kz = listed(run_vigil, "--country", "kz", "--situation", "detained")
    assert [row["title"] for row in detained_kz] == ["Kazakhstan: lawyer detained"]
    assert detained_kz[0]["defenders"] == ["Aliya Example"] and detained_kz[0]["next_due"] == "2030-01-10"
    by_due = [row["id"] for row in listed(run_vigil, "--sort", "due")]
    assert by_due == [2, 1, 3], "the nearest follow-up first, a case with none last"

    refused = run_vigil("--as", "ed", "case", "assign", "1", "ed")
    assert refused.returncode == 1 and "only a coordinator" in refused.stderr
    assigned = run_vigil("--as", "maria", "case", "assign", "1", "ed", "maria", check=True)
    assert "case 1 assigned to: ed, maria" in assigned.stdout
    mine = json.loads(
        run_vigil("--as", "ed", "case", "list", "--json", "--assigned-to", "me", check=True).stdout
    )
    assert [row["id"] for row in mine] == [1] and mine[0]["assigned_to"] == ["ed", "maria"]
    run_vigil("--as", "maria", "case", "assign", "1", "maria", "--remove", check=True)
    assert listed(run_vigil, "--assigned-to", "maria") == []
    unassigned = [row["id"] for row in listed(run_vigil, "--assigned-to", "nobody")]
    assert unassigned == [2, 3], "latest activity first: case 2's follow-up came after case 3"

    bad = run_vigil("case", "list", "--situation", "flying")
    assert bad.returncode == 2 and "unknown situation 'flying'" in bad.stderr
    me_without_account = run_vigil("case", "list", "--assigned-to", "me")
    assert me_without_account.returncode == 2 and "--as NAME" in me_without_account.stderr
    text = run_vigil("case", "list", "--sort", "title", check=True).stdout
    assert [int(n) for n in re.findall(r"^│ (\d+) ", text, re.M)] == [1, 2, 3], text
    assert "intact" in run_vigil("audit", "verify", check=True).stdout
