"""``vigil audit ...`` and ``vigil user ...``: the store's integrity and its accounts (the same
``do_*`` actions as the web UI's accounts pages)."""

from __future__ import annotations

from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, refusals, require_store
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
    permanent: Annotated[
        bool,
        typer.Option(
            "--permanent",
            help="The password need not be changed at the first sign-in (your own account, a test account).",
        ),
    ] = False,
) -> None:
    """Create an account; its generated password is printed once, and is temporary: the person
    chooses their own at the first sign-in (unless --permanent)."""
    require_store()
    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.roles import ROLES

    if role not in ROLES:
        fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}", code=2)
    from vigil.cases.actions.users import do_create_user

    try:
        user, password = do_create_user(name, role=role, acting_user=acting_user(), temporary=not permanent)
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


@audit_app.command("reads")
def audit_reads(
    kind: Annotated[str, typer.Argument(help="case, person, organisation, source, event or followup.")],
    record_id: Annotated[int, typer.Argument(help="The record's id.")],
) -> None:
    """Who opened a restricted or confidential record, newest first (coordinators and admins)."""
    require_store()
    from vigil.audit.reads import readers
    from vigil.cases.access import AccessDenied, access_record

    user = acting_user()
    try:
        instance = access_record(user, kind, record_id)
    except AccessDenied as exc:
        fail(str(exc))
        return
    readings = readers(user, instance, limit=500)
    if readings is None:
        fail("only coordinators and admins see who read a record")
        return
    for reading in readings:
        echo(f"{reading.at.isoformat(timespec='seconds')}  {reading.actor}")


@user_app.command("set-role")
def user_set_role(
    name: Annotated[str, typer.Argument(help="The account name.")],
    role: Annotated[str, typer.Argument(help="admin, coordinator, editor, viewer or analyst.")],
) -> None:
    """Give an account exactly one role; admins only, and in the audit chain."""
    require_store()
    from vigil.cases.actions.users import do_set_role

    with refusals(ValueError):
        do_set_role(name, role=role, acting_user=acting_user())
    echo(f"account {name} is now {role}")


@user_app.command("disable")
def user_disable(name: Annotated[str, typer.Argument(help="The account name.")]) -> None:
    """Disable an account: no sign-in, its sessions, API tokens and calendar feed stop; admins only."""
    set_active(name, active=False)


@user_app.command("enable")
def user_enable(name: Annotated[str, typer.Argument(help="The account name.")]) -> None:
    """Let a disabled account sign in again; admins only."""
    set_active(name, active=True)


def set_active(name: str, *, active: bool) -> None:
    require_store()
    from vigil.cases.actions.users import do_set_active

    with refusals(ValueError):
        do_set_active(name, active=active, acting_user=acting_user())
    echo(f"account {name} is {'enabled' if active else 'disabled'}")


@user_app.command("reset-password")
def user_reset_password(name: Annotated[str, typer.Argument(help="The account name.")]) -> None:
    """Give an account a temporary password (printed once, to be changed at the next sign-in);
    the old one stops working and its sessions end. Admins only."""
    require_store()
    from vigil.cases.actions.users import do_reset_password

    with refusals(ValueError):
        user, password = do_reset_password(name, acting_user=acting_user())
    echo(f"account {user.username} temporary password: {password}")
    echo("(shown once: hand it over now; it must be changed at the next sign-in)")
