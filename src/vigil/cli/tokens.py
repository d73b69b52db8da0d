"""``vigil token``: API tokens — issue one for an account (shown once), list them, revoke one."""

from __future__ import annotations

from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.output import echo

token_app = typer.Typer(help="API tokens: issue (shown once), list, revoke.", no_args_is_help=True)


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="The account the token acts as.")],
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "api",
    days: Annotated[int, typer.Option("--days", help="Days until it expires (1 to 366).")] = 90,
) -> None:
    """Issue a token acting as account NAME; the token is printed once, alone on the last line."""
    require_store()
    from django.contrib.auth.models import User

    from vigil.api.tokens import TokenError, do_create_token
    from vigil.cases.actions.guard import NotAllowed

    owner = User.objects.filter(username=name).first()
    if owner is None:
        fail(f"no account named {name!r}")
        return
    try:
        token, value = do_create_token(owner, label=label, days=days, acting_user=acting_user())
    except (TokenError, NotAllowed) as exc:
        fail(str(exc))
        return
    echo(f"token {token.pk} for {owner.username} ({token.label}), expires {token.expires_at:%Y-%m-%d}")
    echo("shown once: copy it now; it is stored only as a hash")
    echo(value)


@token_app.command("list")
def token_list() -> None:
    """Tokens you may see (every token for an admin or the operator), newest first."""
    require_store()
    from django.utils import timezone

    from vigil.api.tokens import tokens_seen_by

    now = timezone.now()
    for token in tokens_seen_by(acting_user()):
        if token.revoked_at is not None:
            state = f"revoked {token.revoked_at:%Y-%m-%d}"
        elif token.expires_at <= now:
            state = f"expired {token.expires_at:%Y-%m-%d}"
        else:
            state = f"expires {token.expires_at:%Y-%m-%d}"
        used = f"used {token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never used"
        echo(
            f"{token.pk:>4}  {token.user.username:<20} {token.prefix}…  {token.label:<20} {state:<19} {used}"
        )


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="The token's number (see `vigil token list`).")],
) -> None:
    """Revoke a token at once: every later call with it is refused (401)."""
    require_store()
    from vigil.api.tokens import do_revoke_token, tokens_seen_by
    from vigil.cases.actions.guard import NotAllowed

    token = tokens_seen_by(acting_user()).filter(pk=token_id).first()
    if token is None:
        fail(f"no token {token_id}")
        return
    try:
        changed = do_revoke_token(token, acting_user=acting_user())
    except NotAllowed as exc:
        fail(str(exc))
        return
    echo(f"token {token_id} revoked" if changed else f"token {token_id} was already revoked")
