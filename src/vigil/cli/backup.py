"""``vigil backup create`` and ``vigil backup restore``: the whole store in one encrypted
archive, and back into an empty ``VIGIL_HOME`` (see :mod:`vigil.crypto.backup`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vigil.cli.context import ACTING_AS, acting_user, fail, require_store, setup_django
from vigil.cli.output import echo

backup_app = typer.Typer(help="Encrypted backups of the store.", no_args_is_help=True)

POSTGRESQL_NOTE = (
    "the database is on PostgreSQL and is not in this archive, which holds the wrapped key and"
    " the audit head only: now back up the database with pg_dump (e.g. `pg_dump -Fc -f vigil.dump"
    " DBNAME`), after this archive, and keep both together"
)


@backup_app.command("create")
def backup_create(
    output: Annotated[Path, typer.Option("-o", "--output", help="The archive to write (a new file).")],
) -> None:
    """Write an encrypted archive of the store: a consistent snapshot of the database (with the
    source originals), the audit head, and the key wrapped by the passphrase; admins only."""
    require_store()
    from django.db import connection, transaction

    from vigil.audit.chain import record
    from vigil.cases.roles import role_of
    from vigil.crypto.archive import ArchiveError
    from vigil.crypto.backup import EMBEDDED, POSTGRESQL, BackupRefused, create_backup

    user = acting_user()
    if user is not None and role_of(user) != "admin":
        fail("only an admin may back up the store")
    if output.exists():
        fail(f"{output} exists already: choose a new file name")
    database = POSTGRESQL if connection.vendor == "postgresql" else EMBEDDED
    with transaction.atomic():
        detail = {"database": database, "file": str(output.resolve())}  # named again by `vigil key rotate`
        record("store.backup", acting_user=user, object_type="store", detail=detail)
    try:
        made = create_backup(output, database)
    except (BackupRefused, ArchiveError) as exc:
        fail(str(exc))
        return
    key = {
        "wrapped": "the key wrapped by the store's passphrase (needed to restore)",
        "separate": "no key: restoring needs the store's key file (VIGIL_KEY_FILE)",
    }[made.key_form]
    echo(f"{output}: {', '.join(made.members)}; {key}")
    if database == POSTGRESQL:
        echo(POSTGRESQL_NOTE)


@backup_app.command("restore")
def backup_restore(
    archive: Annotated[Path, typer.Argument(help="An archive written by `vigil backup create`.")],
) -> None:
    """Restore an archive into an empty VIGIL_HOME (the passphrase, or the key file, opens it);
    the restored audit chain is verified."""
    from vigil.cli.keys import allow_prompt
    from vigil.crypto.archive import ArchiveError
    from vigil.crypto.backup import EMBEDDED, BackupRefused, restore_backup
    from vigil.crypto.keys import KeyUnavailable
    from vigil.settings.database import configured_url

    if ACTING_AS["name"] is not None:
        fail("a restore is the operator's: it has no accounts to act as until it is done", code=2)
    allow_prompt()
    embedded_here = not (configured_url() or "").startswith(("postgres://", "postgresql://"))
    try:
        restored = restore_backup(archive, embedded_here=embedded_here)
    except (BackupRefused, ArchiveError, KeyUnavailable) as exc:
        fail(str(exc))
        return
    from vigil.home import vigil_home

    echo(f"restored into {vigil_home()}: {', '.join(restored.members)} (archive of {restored.created})")
    if restored.database != EMBEDDED:
        echo(
            "the database is not in the archive: restore the PostgreSQL dump taken with it"
            " (pg_restore), then run `vigil audit verify`"
        )
        return
    verify_restored()


def verify_restored() -> None:
    """Bring the restored store's schema up to date, record the restore, verify the chain."""
    setup_django()
    from django.core.management import call_command
    from django.db import transaction

    from vigil.audit.chain import record, verify

    call_command("migrate", verbosity=0, interactive=False)
    with transaction.atomic():
        record("store.restore", acting_user=None, object_type="store")
    result = verify()
    if not result.ok:
        fail(f"restored, but the audit chain is broken: {result.reason}")
    echo(f"audit chain intact: {result.checked} entries")
