"""``vigil case list`` (the web list's filters and sorting) and ``vigil case assign``.

Both read and write through the same code as the web page: ``cases.listing`` for the list,
``do_set_assignees`` (a coordinator's decision, audited) for assignment.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from vigil.cli.casework import acted
from vigil.cli.context import acting_user, fail, fetched, require_store
from vigil.cli.output import echo, markup_safe
from vigil.cli.records import case_app, console, emit_json


@case_app.command("list")
def case_list(
    state: Annotated[str, typer.Option("--state", help="open, closed or all.")] = "all",
    country: Annotated[str, typer.Option("--country", help="Two-letter country code (KZ, KE...).")] = "",
    situation: Annotated[str, typer.Option("--situation", help="detained, sentenced, at_risk...")] = "",
    violation: Annotated[
        str, typer.Option("--violation", help="A violation an event documents (arbitrary_detention...).")
    ] = "",
    event_type: Annotated[str, typer.Option("--event-type", help="An event type (arrest, trial...).")] = "",
    year: Annotated[int | None, typer.Option("--year", help="An event in that year, or opened then.")] = None,
    gender: Annotated[str, typer.Option("--gender", help="A defender's gender (female, male, other).")] = "",
    level: Annotated[str, typer.Option("--level", help="public, restricted or confidential.")] = "",
    assigned_to: Annotated[
        str, typer.Option("--assigned-to", help="me (with --as), nobody, or a username.")
    ] = "",
    sort: Annotated[
        str, typer.Option("--sort", help="activity, opened, title, country or due.")
    ] = "activity",
    limit: Annotated[int, typer.Option("--limit", help="At most this many cases (0: all).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The cases you may see (open and closed unless --state says), filtered and sorted as on the web page."""
    require_store()
    from django.utils import timezone

    from vigil.cases.listing import CaseQuery, CaseQueryError, case_rows
    from vigil.cases.listing import case_list as listed

    user = acting_user()
    if assigned_to == "me" and user is None:
        fail("--assigned-to me needs an account: add --as NAME", code=2)
    try:
        query = CaseQuery(
            state=state,
            country=country,
            situation=situation,
            violation=violation,
            event_type=event_type,
            year=year,
            gender=gender,
            confidentiality=level,
            assigned_to=assigned_to,
            sort=sort,
        )
    except CaseQueryError as exc:
        fail(str(exc), code=2)
        raise
    cases = listed(user, query)
    rows = case_rows(user, list(cases[:limit] if limit else cases), today=timezone.localdate())
    if as_json:
        emit_json(rows)
        return
    print_rows(rows)


def print_rows(rows: list[dict[str, Any]]) -> None:
    """A table narrow enough for 80 columns: names fold rather than shorten; ``--json`` has
    every field (last activity, assignees)."""
    table = Table("id")
    table.add_column("title", overflow="fold")
    table.add_column("defenders", overflow="fold")
    table.add_column("country", no_wrap=True)
    table.add_column("situation")
    table.add_column("next due")
    for row in rows:
        due = f"{row['next_due']} {row['next_due_kind']}" if row["next_due"] else ""
        table.add_row(
            str(row["id"]),
            markup_safe(row["title"]),
            markup_safe(", ".join(row["defenders"])),
            row["country"] or "",
            row["situation"] + (" (closed)" if row["closed"] else ""),
            due + (" OVERDUE" if row["overdue"] else ""),
        )
    console.print(table)


@case_app.command("assign")
def case_assign(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    users: Annotated[
        list[str], typer.Argument(help="Usernames to assign (added to those already assigned).")
    ],
    remove: Annotated[bool, typer.Option("--remove", help="Unassign these users instead.")] = False,
) -> None:
    """Assign staff to follow a case (coordinators); they must already be able to read it."""
    require_store()
    from django.contrib.auth.models import User

    from vigil.cases.access import access_case
    from vigil.cases.actions.assignment import do_set_assignees

    case = fetched(access_case, case_id)
    named: list[Any] = []
    for name in users:
        account = User.objects.filter(username=name).first()
        if account is None:
            fail(f"no account named {name!r}", code=2)
        named.append(account)
    current = list(case.assignees.all())
    wanted = [a for a in current if a not in named] if remove else [*current, *named]
    acted(lambda: do_set_assignees(case, wanted, acting_user=acting_user()))
    names = sorted(case.assignees.values_list("username", flat=True))
    echo(f"case {case.pk} assigned to: {', '.join(names) if names else 'nobody'}")
