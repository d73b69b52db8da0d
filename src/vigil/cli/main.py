"""The ``vigil`` command line.

Commands that touch the store configure Django lazily, so ``vigil extract`` starts without it.
Exit codes: 0 ok, 1 some input refused, 2 usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from vigil.cli import caselist  # noqa: F401 (registers `vigil case list` and `vigil case assign`)
from vigil.cli.admin import audit_app, user_app
from vigil.cli.appeals import appeal_app, authority_app, due
from vigil.cli.backup import backup_app
from vigil.cli.casework import delete, event_app, followup_app, restore, set_confidentiality
from vigil.cli.context import ACTING_AS
from vigil.cli.digest import digest
from vigil.cli.extract import extract
from vigil.cli.feeds import calendar_app
from vigil.cli.ingest import ingest
from vigil.cli.keys import key_app
from vigil.cli.output import print_error
from vigil.cli.people import organisation_app, person_app
from vigil.cli.profile import profile_app
from vigil.cli.records import case_app, defender_app, export, reindex, search
from vigil.cli.sources import source_app
from vigil.cli.store import init, serve
from vigil.cli.tokens import token_app

app = typer.Typer(
    name="vigil",
    help="Vigil: cases of human rights defenders at risk, from appeals to follow-ups.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command()(init)
app.command()(extract)
app.command()(ingest)
app.command()(search)
app.command()(reindex)
app.command()(export)
app.command()(serve)
app.command()(due)
app.command("set-confidentiality")(set_confidentiality)
app.command()(delete)
app.command()(restore)
app.command()(digest)
app.add_typer(case_app, name="case")
app.add_typer(defender_app, name="defender")
app.add_typer(person_app, name="person")
app.add_typer(organisation_app, name="organisation")
app.add_typer(event_app, name="event")
app.add_typer(followup_app, name="followup")
app.add_typer(source_app, name="source")
app.add_typer(audit_app, name="audit")
app.add_typer(key_app, name="key")
app.add_typer(backup_app, name="backup")
app.add_typer(user_app, name="user")
app.add_typer(appeal_app, name="appeal")
app.add_typer(authority_app, name="authority")
app.add_typer(profile_app, name="profile")
app.add_typer(token_app, name="token")
app.add_typer(calendar_app, name="calendar")


@app.callback()
def main(
    as_user: Annotated[
        str | None,
        typer.Option("--as", help="Act as this account instead of the store's operator."),
    ] = None,
) -> None:
    """Vigil: cases of human rights defenders at risk, from appeals to follow-ups."""
    ACTING_AS["name"] = as_user


def run() -> None:
    """Entry point of the ``vigil`` script: a refusal anywhere is one line and exit 1, never a traceback."""
    try:
        app()
    except Exception as exc:
        if not is_refusal(exc):
            raise
        print_error(str(exc))
        raise SystemExit(1) from None


def is_refusal(exc: Exception) -> bool:
    """A missing key, a role that may not write, a record the user may not see."""
    import sys

    from vigil.crypto.keys import KeyUnavailable

    kinds: list[type[Exception]] = [KeyUnavailable]
    for module, name in (("vigil.cases.actions.guard", "NotAllowed"), ("vigil.cases.access", "AccessDenied")):
        if module in sys.modules:
            kinds.append(getattr(sys.modules[module], name))
    return isinstance(exc, tuple(kinds))
