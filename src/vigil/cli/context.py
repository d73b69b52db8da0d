"""What every store command needs: Django configured for the store, and who is acting."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer

from vigil.cli.output import print_error

ACTING_AS: dict[str, str | None] = {"name": None}
T = TypeVar("T")


def setup_django() -> None:
    """Configure Django for the store in ``VIGIL_HOME``; exit 1 with a clear line if it has no key."""
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE", "vigil.settings.prod" if production() else "vigil.settings.dev"
    )
    from vigil.cli.keys import allow_prompt
    from vigil.crypto.keys import KeyUnavailable

    allow_prompt()
    try:
        import django

        django.setup()
    except KeyUnavailable as exc:
        fail(str(exc))


def production() -> bool:
    """Whether this is a production server (``VIGIL_ENV=production``): secure settings."""
    return os.environ.get("VIGIL_ENV", "") == "production"


def fail(message: str, code: int = 1) -> None:
    print_error(message)
    raise typer.Exit(code)


@contextmanager
def refusals(*errors: type[Exception]) -> Iterator[None]:
    """Run a write; a refusal (the guard's ``NotAllowed``, or one of ``errors``) exits 1 with its
    reason."""
    from vigil.cases.actions.guard import NotAllowed

    caught: tuple[type[Exception], ...] = (NotAllowed, *errors)
    try:
        yield
    except caught as exc:
        fail(str(exc))


def acting_user() -> Any:
    """The account named by ``--as``, or None for the operator of the store."""
    name = ACTING_AS["name"]
    if name is None:
        return None
    from django.contrib.auth.models import User

    user = User.objects.filter(username=name, is_active=True).first()
    if user is None:
        fail(f"no active account named {name!r}", code=2)
    return user


def fetched(access: Callable[[Any, int], T], record_id: int) -> T:
    """A record through its ``access_*`` function as the acting user; exit 1 if not found."""
    from vigil.cases.access import AccessDenied

    try:
        return access(acting_user(), record_id)
    except AccessDenied as exc:
        fail(str(exc))
        raise  # fail() exits; this satisfies the type checker


def store_exists() -> bool:
    from vigil.home import database_path

    return os.environ.get("VIGIL_DATABASE_URL") is not None or database_path().exists()


def require_store() -> None:
    if not store_exists():
        fail("no store here: run `vigil init` first (VIGIL_HOME decides where the store lives)")
    setup_django()


def public_only_for_analysts(public: bool) -> None:
    """An analyst sees public renderings only: refuse anything else in one line."""
    from vigil.cases.roles import role_of

    if not public and role_of(acting_user()) == "analyst":
        fail("an analyst sees the public version only: add --public")
