"""``vigil case``, ``vigil defender``, ``vigil search`` and ``vigil export``: reading the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from vigil.cli.context import acting_user, fail, fetched, require_store
from vigil.cli.output import echo, markup_safe, plain, write_output

case_app = typer.Typer(help="Cases: list them, show one.", no_args_is_help=True)
defender_app = typer.Typer(help="Defenders: one defender's timeline across cases.", no_args_is_help=True)
console = Console()


def emit_json(data: Any) -> None:
    echo(json.dumps(data, ensure_ascii=False, indent=2))


@case_app.command("show")
def case_show(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One case: defenders, events in date order with evidence, demands, follow-ups."""
    require_store()
    from vigil.cases.access import access_case
    from vigil.cases.presenters import case_detail

    data = case_detail(fetched(access_case, case_id), acting_user())
    if as_json:
        emit_json(data)
        return
    safe = markup_safe
    console.rule(f"[bold]{safe(data['title'])}[/bold]")
    console.print(
        safe(f"{data['country']} · {data['situation']} · {data['confidentiality']}"), highlight=False
    )
    for person in data["defenders"]:
        console.print(
            safe(f"defender: {person['name']} ({person['gender']}) {', '.join(person['roles'])}"),
            highlight=False,
        )
    for event in data["events"]:
        console.print(
            safe(
                f"  {event['date']}  {event['type']:<22} {event['place'] or ''}  {event['perpetrator'] or ''}"
            ),
            highlight=False,
        )
    for demand in data["demands"]:
        console.print(safe(f"  demand {demand['position']}: {demand['text']}"), highlight=False)
    for followup in data["followups"]:
        console.print(safe(f"  follow-up: {followup['kind']} {followup['due']}"), highlight=False)


@defender_app.command("show")
def defender_show(
    person_id: Annotated[int, typer.Argument(help="The defender's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One defender's timeline across every case you may see."""
    require_store()
    from vigil.cases.access import access_person
    from vigil.cases.presenters import defender_timeline

    data = defender_timeline(acting_user(), fetched(access_person, person_id))
    if as_json:
        emit_json(data)
        return
    console.rule(f"[bold]{markup_safe(data['name'])}[/bold] ({markup_safe(data['gender'])})")
    for script, names in data["names_by_script"].items():
        console.print(plain(f"  names ({script}): {' · '.join(names)}"), highlight=False, markup=False)
    if data["roles"]:
        console.print(plain(f"  roles: {', '.join(data['roles'])}"), highlight=False, markup=False)
    if data["organisations"]:
        console.print(
            plain(f"  organisations: {', '.join(data['organisations'])}"), highlight=False, markup=False
        )
    for event in data["timeline"]:
        console.print(plain(timeline_line(event)), highlight=False, markup=False)
    for match in data["possible_matches"]:
        console.print(
            plain(
                f"  may be the same as {match['person_id']} {match['name']} (score {match['score']:.0f}: "
                f"{'; '.join(match['reasons'])}) — `vigil person merge` or `vigil person distinct`"
            ),
            highlight=False,
            markup=False,
        )


def timeline_line(event: dict[str, Any]) -> str:
    """One event of a defender's timeline: date (precision), type, place, by whom, case, source."""
    from vigil.web.links import actor

    date = f"{event['date']} ({event['date_precision']})" if event["date"] else "undated"
    where = f" in {event['place']}" if event["place"] else ""
    by = f" by {event['perpetrator']}" if event["perpetrator"] else ""
    if event["sources"]:
        came_from = "from " + "; ".join(f"source {s['id']} {s['title']}" for s in event["sources"])
    else:
        came_from = f"entered by hand by {actor(event['entered_by'])}" if event["entered_by"] else ""
    return f"  {date:<18} {event['type']}{where}{by} · case {event['case_id']} · {came_from}".rstrip(" ·")


def search(
    query: Annotated[str, typer.Argument(help="Words to look for.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search cases, defenders and sources you may see (confidential records are never indexed)."""
    require_store()
    from vigil.search.index import search as run_search

    hits = run_search(acting_user(), query)
    if as_json:
        emit_json([{**hit.__dict__, "snippet": hit.plain_snippet} for hit in hits])
        return
    for hit in hits:
        snippet = "".join(
            f"[bold]{markup_safe(text)}[/bold]" if matched else markup_safe(text)
            for text, matched in hit.pieces()
        )
        console.print(
            f"{hit.kind:<7} {hit.object_id:>5}  {markup_safe(hit.title)}  [dim]{snippet}[/dim]",
            highlight=False,
        )


def reindex() -> None:
    """Write every record's search entry again (after an upgrade that indexes more); admins only."""
    require_store()
    from django.db import transaction

    from vigil.cases.roles import role_of

    if role_of(acting_user()) != "admin":
        fail("only an admin may rebuild the search index")

    from vigil.search.index import rebuild

    with transaction.atomic():
        count = rebuild()
    echo(f"{count} records indexed again")


def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="The JSON file to write.")],
    public: Annotated[bool, typer.Option("--public", help="Public records only (required).")] = False,
) -> None:
    """Write public records to a JSON file, from an allow-list of fields."""
    if not public:
        fail("only the public export exists: add --public", code=2)
    require_store()
    from vigil.cases.export import public_export

    data = public_export()
    write_output(output, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode(), public=True)
    echo(plain(f"{output}: {len(data['cases'])} public cases"))
