"""``vigil calendar``: the secret address of a person's calendar of follow-ups (shown once)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.output import echo

if TYPE_CHECKING:
    from django.contrib.auth.models import User

calendar_app = typer.Typer(
    help="Calendar feeds of follow-ups: create (shown once), revoke.", no_args_is_help=True
)
Name = Annotated[str, typer.Argument(help="The account.")]


def account(name: str) -> User:
    from django.contrib.auth.models import User

    found = User.objects.filter(username=name).first()
    if found is None:
        fail(f"no account named {name!r}")
        raise typer.Exit(1)
    return found


@calendar_app.command("create")
def calendar_create(name: Name) -> None:
    """A new calendar address for account NAME (any earlier one stops working); printed once, last."""
    require_store()
    from django.conf import settings
    from django.urls import reverse

    from vigil.cases.actions.guard import NotAllowed
    from vigil.followups.feeds import do_create_feed

    owner = account(name)
    try:
        _feed, secret = do_create_feed(owner, acting_user=acting_user())
    except NotAllowed as exc:
        fail(str(exc))
        return
    echo(
        f"calendar feed for {name}: subscribe to this address (shown once; anyone holding it reads the feed)"
    )
    echo(settings.VIGIL_BASE_URL.rstrip("/") + reverse("calendar-feed", args=[secret]))


@calendar_app.command("revoke")
def calendar_revoke(name: Name) -> None:
    """Stop account NAME's calendar address at once."""
    require_store()
    from vigil.cases.actions.guard import NotAllowed
    from vigil.followups.feeds import do_revoke_feeds

    try:
        count = do_revoke_feeds(account(name), acting_user=acting_user())
    except NotAllowed as exc:
        fail(str(exc))
        return
    echo(f"calendar feed of {name} revoked" if count else f"{name} had no live calendar feed")
