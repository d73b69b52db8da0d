"""``vigil init`` and ``vigil serve``: create a store, and serve its web UI and API."""

from __future__ import annotations

import ipaddress
import os
from importlib import resources
from typing import Annotated

import typer

from vigil.cli.context import fail, setup_django
from vigil.cli.keys import ensure_store_key
from vigil.cli.output import echo
from vigil.home import vigil_home

DEMO_APPEAL = "demo_appeal.txt"


def init(
    demo: Annotated[bool, typer.Option("--demo", help="Load the fictional demo appeal as a case.")] = False,
    organisation: Annotated[
        str | None,
        typer.Option("--organisation", help="Your organisation's name, for the appeals' letterhead."),
    ] = None,
    insecure_key_in_home: Annotated[
        bool,
        typer.Option(
            "--insecure-key-in-home",
            help="Keep the key unwrapped inside VIGIL_HOME: for demos only (a copy of the folder opens it).",
        ),
    ] = False,
) -> None:
    """Create the store in VIGIL_HOME: its key (wrapped by a passphrase unless told otherwise),
    encrypted database, roles and an admin account."""
    home = vigil_home()
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(home, 0o700)
    ensure_store_key(insecure_in_home=insecure_key_in_home)
    setup_django()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from vigil.cases.actions.users import do_create_user
    from vigil.cases.roles import ensure_role_groups

    call_command("migrate", verbosity=0, interactive=False)
    ensure_role_groups()
    echo(f"store ready: {home}")
    if not User.objects.filter(is_superuser=True).exists():
        user, password = do_create_user("admin", role="admin", acting_user=None, temporary=False)
        echo(f"admin account: {user.username}  password: {password}")
        echo("(shown once: write it down now)")
    if organisation:
        from vigil.appeals.registry import do_set_profile

        do_set_profile(acting_user=None, name=organisation)
        echo(f"organisation profile: {organisation} (letterhead, boards, footer: vigil profile set)")
    if demo:
        load_demo_profile()
        load_demo()


def load_demo_profile() -> None:
    """The fictional publisher of the demo, and fictional addressees, if none are set."""
    from vigil.appeals.demo import DEMO_AUTHORITIES, DEMO_PROFILE
    from vigil.appeals.models import Authority, OrganisationProfile
    from vigil.appeals.registry import do_add_authority, do_set_profile

    if not OrganisationProfile.objects.exists():
        do_set_profile(acting_user=None, **DEMO_PROFILE)
    if not Authority.objects.exists():
        for authority in DEMO_AUTHORITIES:
            do_add_authority(acting_user=None, **authority)


def load_demo() -> None:
    """Ingest the packaged fictional appeal, once."""
    from vigil.cases.models import Source
    from vigil.intake.extracted import ExtractedFile, read_for_intake
    from vigil.intake.store import do_ingest

    demo_file = resources.files("vigil.demo").joinpath(DEMO_APPEAL)
    with resources.as_file(demo_file) as path:
        extracted = read_for_intake(path)
    if not isinstance(extracted, ExtractedFile):
        fail(f"the demo appeal could not be read: {extracted.message}")
        return
    from vigil.crypto.fingerprints import fingerprint

    if Source.objects.filter(fingerprint=fingerprint(extracted.content_hash)).exists():
        return
    outcome = do_ingest(extracted, acting_user=None, confidentiality="restricted", accept=True)
    echo(f"demo case loaded: case {outcome.case_id}")


def serve(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback unless you mean it.")
    ] = "127.0.0.1",
    prod: Annotated[
        bool,
        typer.Option(
            "--prod", help="Secure settings for use behind a TLS reverse proxy (also VIGIL_ENV=production)."
        ),
    ] = False,
    workers: Annotated[int, typer.Option(min=0, help="Worker processes (0: two per core and one more).")] = 0,
    threads: Annotated[int, typer.Option(min=1, help="Threads per worker.")] = 4,
    dev: Annotated[
        bool, typer.Option("--dev", help="Django's development server instead (make run).")
    ] = False,
) -> None:
    """Serve the web UI and the API with gunicorn (on 127.0.0.1 unless --host says otherwise)."""
    from vigil.cli.context import production, require_store

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        fail(f"--host must be an IP address or localhost, not {host!r}", code=2)
        return
    if prod:
        os.environ["VIGIL_ENV"] = "production"
    require_store()
    from django.conf import settings

    if not loopback:
        echo(f"warning: serving on {host}, reachable from other machines; use TLS in front", err=True)
        settings.ALLOWED_HOSTS.append(host)
    if dev:
        if production():
            fail("--dev is the development server; it never serves production", code=2)
        from django.core.management import call_command

        echo(f"Vigil (development server) on http://{host}:{port}/  (Ctrl-C stops it)")
        call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)
        return
    from django.core.management import call_command

    call_command("check", deploy=production(), fail_level="ERROR")
    from vigil.server import default_workers, run

    profile = "production, behind TLS" if production() else "local"
    echo(f"Vigil on http://{host}:{port}/  ({profile}; Ctrl-C stops it)")
    run(host=host, port=port, workers=workers or default_workers(), threads=threads)
