"""``vigil profile``: the organisation that publishes the appeals (letterhead, boards, footer)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.output import echo

profile_app = typer.Typer(help="The organisation profile: letterhead, boards, footer.", no_args_is_help=True)


def parse_office(text: str) -> dict[str, object]:
    """ "City|Label|line 1;line 2|email|web|phone|fax" as an office of the letterhead."""
    keys = ("city", "label", "address", "email", "web", "phone", "fax")
    values = [part.strip() for part in text.split("|")]
    if len(values) > len(keys):
        fail(f"an office has at most {len(keys)} parts separated by '|': {text!r}", code=2)
    office: dict[str, object] = dict(zip(keys, values, strict=False))
    office["address"] = [line.strip() for line in str(office.get("address", "")).split(";") if line.strip()]
    return office


@profile_app.command("set")
def profile_set(
    name: Annotated[str | None, typer.Option("--name", help="The organisation's name.")] = None,
    short_name: Annotated[str | None, typer.Option("--short-name")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Sender of the e-mail version.")] = None,
    office: Annotated[
        list[str] | None,
        typer.Option("--office", help="City|Label|address line;address line|email|web|phone|fax (repeat)."),
    ] = None,
    board: Annotated[list[str] | None, typer.Option("--board", help="A board member (repeat).")] = None,
    board_title: Annotated[str | None, typer.Option("--board-title")] = None,
    advisory: Annotated[list[str] | None, typer.Option("--advisory", help="An adviser (repeat).")] = None,
    advisory_title: Annotated[str | None, typer.Option("--advisory-title")] = None,
    registration: Annotated[
        str | None, typer.Option("--registration", help="The footer, as printed.")
    ] = None,
    logo: Annotated[Path | None, typer.Option("--logo", help="An SVG file (at most 200 kB).")] = None,
) -> None:
    """Set the organisation profile; options not given keep their value."""
    fields: dict[str, object] = {
        key: value
        for key, value in (
            ("name", name),
            ("short_name", short_name),
            ("email", email),
            ("board_title", board_title),
            ("advisory_title", advisory_title),
            ("registration", registration),
            ("board", board),
            ("advisory", advisory),
        )
        if value is not None
    }
    if office is not None:
        fields["offices"] = [parse_office(o) for o in office]
    if logo is not None:
        fields["logo_svg"] = read_logo(logo)
    require_store()
    from vigil.appeals.models import OrganisationProfile
    from vigil.appeals.registry import do_set_profile

    if not fields.get("name") and not OrganisationProfile.objects.exists():
        fail("a new profile needs --name", code=2)
    profile = do_set_profile(acting_user=acting_user(), **fields)
    echo(f"organisation profile: {profile.name}")


def read_logo(path: Path) -> str:
    if path.suffix.lower() != ".svg" or not path.is_file():
        fail(f"{path}: the logo must be an SVG file", code=2)
    if path.stat().st_size > 200_000:
        fail(f"{path}: the logo is larger than 200 kB", code=2)
    text = path.read_text("utf-8", errors="replace")
    if "<svg" not in text or "<script" in text.lower():
        fail(f"{path}: not an SVG image, or it carries a script", code=2)
    return text


@profile_app.command("show")
def profile_show(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The organisation profile as the appeals print it."""
    require_store()
    from vigil.appeals.models import OrganisationProfile

    profile = OrganisationProfile.objects.order_by("id").first()
    if profile is None:
        fail("no organisation profile yet: vigil profile set --name NAME")
        return
    data = {
        "name": profile.name,
        "short_name": profile.short_name,
        "email": profile.email,
        "offices": profile.offices,
        "board_title": profile.board_title,
        "board": profile.board,
        "advisory_title": profile.advisory_title,
        "advisory": profile.advisory,
        "registration": profile.registration,
        "logo": bool(profile.logo_svg),
    }
    if as_json:
        echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        echo(f"{key}: {value}")
