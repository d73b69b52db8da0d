"""``vigil token create|list|revoke`` end to end on a store of its own."""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]


def test_token_create_prints_the_token_once_alone_on_the_last_line(run_vigil: Run) -> None:
    run_vigil("init", check=True)
    run_vigil("user", "create", "maria", "--role", "editor", check=True)
    created = run_vigil("token", "create", "maria", "--label", "laptop", "--days", "30", check=True)
    value = created.stdout.strip().splitlines()[-1]
    assert value.startswith("vigil_api_") and " " not in value

    listed = run_vigil("token", "list", check=True).stdout
    assert "maria" in listed and "laptop" in listed and value[:12] in listed
    assert value not in listed, "the list must not show the token again"

    number = created.stdout.split()[1]
    assert "revoked" in run_vigil("token", "revoke", number, check=True).stdout
    assert "revoked" in run_vigil("token", "list", check=True).stdout


def test_token_create_refuses_an_unknown_account_and_a_non_admin(run_vigil: Run) -> None:
    run_vigil("init", check=True)
    run_vigil("user", "create", "maria", "--role", "editor", check=True)
    unknown = run_vigil("token", "create", "nobody")
    assert unknown.returncode == 1 and "no account named 'nobody'" in unknown.stderr
    as_editor = run_vigil("--as", "maria", "token", "create", "maria")
    assert as_editor.returncode == 1 and "only an admin" in as_editor.stderr
    assert "vigil_api_" not in as_editor.stdout
