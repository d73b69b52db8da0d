"""``vigil source``: the sources stored for review, their suggestions, and accepting them."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, fetched, require_store
from vigil.cli.output import echo

source_app = typer.Typer(
    help="Sources: review suggested facts, accept them into a case.", no_args_is_help=True
)


@source_app.command("list")
def source_list(
    pending: Annotated[bool, typer.Option("--pending", help="Only sources not yet accepted.")] = False,
) -> None:
    """The sources you may see, newest first."""
    require_store()
    from vigil.cases.access import readable_sources

    sources = readable_sources(acting_user()).order_by("-id")
    if pending:
        sources = sources.filter(case__isnull=True)
    for source in sources:
        state = f"case {source.case_id}" if source.case_id else "pending review"
        echo(f"{source.pk:>5}  {source.confidentiality:<12} {state:<15} {source.title or source.filename}")


@source_app.command("show")
def source_show(
    source_id: Annotated[int, typer.Argument(help="The source's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """A source's suggested facts, numbered, each with the sentence it came from."""
    require_store()
    from vigil.cases.access import access_source
    from vigil.cases.presenters import suggestion_data

    source = fetched(access_source, source_id)
    rows = [suggestion_data(s, source) for s in source.suggestions.order_by("position")]
    if as_json:
        echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        value = (
            row["value"] if isinstance(row["value"], str) else json.dumps(row["value"], ensure_ascii=False)
        )
        echo(f"{row['position']:>3} {row['status']:<9} {row['field']:<10} {value[:110]}")


@source_app.command("accept")
def source_accept(
    source_id: Annotated[int, typer.Argument(help="The source's id.")],
    reject: Annotated[
        list[int] | None, typer.Option("--reject", help="A suggestion's number to reject; repeat.")
    ] = None,
    case_id: Annotated[
        int | None, typer.Option("--case", help="Accept into this case (an update about its defenders).")
    ] = None,
) -> None:
    """Accept a source's pending suggestions into a new case (or --case N), rejecting the numbers given."""
    require_store()
    from vigil.cases.access import access_case, access_source
    from vigil.cases.actions.guard import NotAllowed
    from vigil.intake.review import ReviewError, do_review

    case = fetched(access_case, case_id) if case_id is not None else None
    try:
        accepted = do_review(
            fetched(access_source, source_id), reject=reject or [], acting_user=acting_user(), case=case
        )
    except (ReviewError, NotAllowed) as exc:
        fail(str(exc))
        return
    echo(f"source {source_id}: accepted into case {accepted.pk}")


@source_app.command("reopen")
def source_reopen(source_id: Annotated[int, typer.Argument(help="The source's id.")]) -> None:
    """Reopen a reviewed source's review, so its decisions can change and be accepted again."""
    require_store()
    from vigil.cases.access import access_source
    from vigil.cases.actions.guard import NotAllowed
    from vigil.intake.review import ReviewError, do_reopen

    try:
        do_reopen(fetched(access_source, source_id), acting_user=acting_user())
    except (ReviewError, NotAllowed) as exc:
        fail(str(exc))
        return
    echo(f"source {source_id}: review reopened")
