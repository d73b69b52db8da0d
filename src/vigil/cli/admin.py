"""``vigil audit verify`` and ``vigil user create``: the store's integrity and its accounts."""

from __future__ import annotations

from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.output import echo

audit_app = typer.Typer(help="The audit trail.", no_args_is_help=True)
user_app = typer.Typer(help="Accounts.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the hash chain; exit 1 and name the first bad entry if any row was edited or removed."""
    require_store()
    from vigil.audit.chain import verify

    result = verify()
    if not result.ok:
        fail(f"audit chain broken: {result.reason} ({result.checked} entries verified before it)")
    echo(f"audit chain intact: {result.checked} entries")


@user_app.command("create")
def user_create(
    name: Annotated[str, typer.Argument(help="The account name.")],
    role: Annotated[str, typer.Option("--role", help="admin, coordinator, editor, viewer or analyst.")],
) -> None:
    """Create an account; its generated password is printed once."""
    require_store()
    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.roles import ROLES

    if role not in ROLES:
        fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}", code=2)
    from vigil.cases.actions.users import do_create_user

    try:
        user, password = do_create_user(name, role=role, acting_user=acting_user())
    except (ValueError, NotAllowed) as exc:
        fail(str(exc))
        return
    echo(f"account {user.username} ({role}) password: {password}")
    echo("(shown once: hand it over now)")


@user_app.command("unlock")
def user_unlock(name: Annotated[str, typer.Argument(help="The account name.")]) -> None:
    """Lift a sign-in lockout (after too many wrong passwords) from an account; admins only."""
    require_store()
    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.actions.users import do_unlock_user

    try:
        count = do_unlock_user(name, acting_user=acting_user())
    except NotAllowed as exc:
        fail(str(exc))
        return
    echo(f"account {name}: {count} lockout records cleared")
