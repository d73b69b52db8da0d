"""``vigil user disable|enable|reset-password``: the web UI's account actions on the command line."""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]


def test_the_command_line_disables_enables_and_resets_accounts(run_vigil: Run) -> None:
    run_vigil("init", check=True)
    run_vigil("user", "create", "maria", "--role", "editor", check=True)
    assert "disabled" in run_vigil("user", "disable", "maria", check=True).stdout
    assert run_vigil("--as", "maria", "case", "list").returncode == 2
    assert "enabled" in run_vigil("user", "enable", "maria", check=True).stdout
    reset = run_vigil("user", "reset-password", "maria", check=True).stdout
    assert "temporary password:" in reset
    refused = run_vigil("user", "disable", "admin")
    assert refused.returncode == 1 and "last active admin" in refused.stderr
