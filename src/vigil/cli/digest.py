"""``vigil digest``: e-mail each person what is due (run daily, by a systemd timer or cron)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.output import echo


def digest(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the e-mails instead of sending them.")
    ] = False,
    day: Annotated[
        str | None, typer.Option("--date", help="The day to count from (YYYY-MM-DD); today by default.")
    ] = None,
) -> None:
    """E-mail each active account with an address its follow-ups overdue or due within a week."""
    require_store()
    from django.conf import settings
    from django.utils import timezone

    from vigil.cases.roles import role_of

    if role_of(acting_user()) != "admin":
        fail("only an admin (or the store's operator) sends or shows everyone's digest")

    from vigil.followups.digest import digests, do_send_digests, recipients

    try:
        today = dt.date.fromisoformat(day) if day else timezone.localdate()
    except ValueError:
        fail(f"--date: write the day as YYYY-MM-DD, not {day!r}", code=2)
        return
    if dry_run:
        prepared = digests(today)
        for item in prepared:
            echo(f"To: {item.to}\nSubject: {item.subject}\n\n{item.body}")
        echo(f"{len(prepared)} e-mails would be sent ({len(recipients())} accounts with an address)")
        return
    try:
        sent = do_send_digests(today)
    except OSError as exc:
        fail(f"the SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT} refused or did not answer: {exc}")
        return
    echo(f"{len(sent)} e-mails sent through {settings.EMAIL_HOST}:{settings.EMAIL_PORT}")
