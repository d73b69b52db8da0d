"""``vigil person`` and ``vigil organisation``: possible matches, merge, undo, "not the same".

A new name is filed under an existing record only when it is exactly the same name in the same
country; every other likeness waits as a possible match for a coordinator to decide here or on
the web page ``/matches/``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from vigil.cli.context import acting_user, fail, fetched, require_store
from vigil.cli.output import echo

person_app = typer.Typer(help="People: possible matches, merging and undoing merges.", no_args_is_help=True)
organisation_app = typer.Typer(
    help="Organisations: possible matches, merging and undoing merges.", no_args_is_help=True
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def access_for(kind: str) -> Any:
    from vigil.cases.access import access_organisation, access_person

    return access_person if kind == "person" else access_organisation


def list_matches(kind: str, *, every: bool, as_json: bool) -> None:
    require_store()
    from vigil.cases.presenters import visible_matches

    data = [
        {
            "match_id": m.pk,
            "status": m.status,
            "score": round(m.score, 1),
            "left": {"id": m.left_id, "name": m.left.name, "country": m.left.country or None},
            "right": {"id": m.right_id, "name": m.right.name, "country": m.right.country or None},
            "reasons": m.reasons,
        }
        for m in visible_matches(acting_user(), kind, every=every)
    ]
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not data:
        echo("no possible matches to decide")
    for item in data:
        left, right = item["left"], item["right"]
        echo(
            f"{left['id']:>6} {left['name']}  ~  {right['id']} {right['name']}  "
            f"score {item['score']:.0f} [{item['status']}]: {'; '.join(item['reasons'])}"
        )


def decide(kind: str, decision: str, first_id: int, second_id: int | None = None) -> None:
    require_store()
    from vigil.cases.access import AccessDenied
    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.actions.identity import MatchError, do_mark_distinct, do_merge, do_unmerge

    user, access = acting_user(), access_for(kind)
    first = fetched(access, first_id)
    try:
        if decision == "unmerge":
            do_unmerge(first, acting_user=user)
            echo(f"{kind} {first_id} ({first.name}) has its own record again")
            return
        if second_id is None:
            fail("two records are needed", code=2)
            return
        second = fetched(access, second_id)
        if decision == "merge":
            do_merge(first, second, acting_user=user)
            echo(f"{kind} {second_id} ({second.name}) merged into {first_id} ({first.name})")
        else:
            do_mark_distinct(first, second, acting_user=user)
            echo(f"{kind} {first_id} and {second_id} are not the same; they will not be proposed again")
    except (MatchError, NotAllowed, AccessDenied) as exc:
        fail(str(exc))


@person_app.command("matches")
def person_matches(
    every: Annotated[bool, typer.Option("--all", help="Decided ones too.")] = False, as_json: AsJson = False
) -> None:
    """Pairs of people who may be one, with score and reasons (both records visible to you)."""
    list_matches("person", every=every, as_json=as_json)


@person_app.command("merge")
def person_merge(
    kept: Annotated[int, typer.Argument(help="The person to keep.")],
    absorbed: Annotated[int, typer.Argument(help="The person merged into it.")],
) -> None:
    """Merge the second person into the first (coordinators; undo with `vigil person unmerge`)."""
    decide("person", "merge", kept, absorbed)


@person_app.command("unmerge")
def person_unmerge(absorbed: Annotated[int, typer.Argument(help="The person that was merged.")]) -> None:
    """Undo a merge: the person gets back the names, roles, ties, cases and events it brought."""
    decide("person", "unmerge", absorbed)


@person_app.command("distinct")
def person_distinct(
    first: Annotated[int, typer.Argument(help="One person.")],
    second: Annotated[int, typer.Argument(help="The other.")],
) -> None:
    """Record that two people are not the same (never proposed again)."""
    decide("person", "distinct", first, second)


@organisation_app.command("matches")
def organisation_matches(
    every: Annotated[bool, typer.Option("--all", help="Decided ones too.")] = False, as_json: AsJson = False
) -> None:
    """Pairs of organisations that may be one."""
    list_matches("organisation", every=every, as_json=as_json)


@organisation_app.command("merge")
def organisation_merge(
    kept: Annotated[int, typer.Argument(help="The organisation to keep.")],
    absorbed: Annotated[int, typer.Argument(help="The organisation merged into it.")],
) -> None:
    """Merge the second organisation into the first (coordinators)."""
    decide("organisation", "merge", kept, absorbed)


@organisation_app.command("unmerge")
def organisation_unmerge(
    absorbed: Annotated[int, typer.Argument(help="The organisation that was merged.")],
) -> None:
    """Undo an organisation merge."""
    decide("organisation", "unmerge", absorbed)


@organisation_app.command("distinct")
def organisation_distinct(
    first: Annotated[int, typer.Argument(help="One organisation.")],
    second: Annotated[int, typer.Argument(help="The other.")],
) -> None:
    """Record that two organisations are not the same."""
    decide("organisation", "distinct", first, second)
