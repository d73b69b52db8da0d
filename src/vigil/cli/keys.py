"""The store's key on the command line: creating it at ``vigil init``, asking for the
passphrase on a terminal, ``vigil key rotate`` (a new master key, every encrypted value moved
to it) and ``vigil key passphrase`` (a new passphrase for the same master key)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer

from vigil.cli.context import fail
from vigil.cli.output import echo
from vigil.home import database_path, key_file_path, vigil_home

key_app = typer.Typer(help="The store's key.", no_args_is_help=True)
MIN_PASSPHRASE = 12


def ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        fail("no passphrase given")
        raise


def allow_prompt() -> None:
    """Let the key be unlocked by asking on the terminal, when there is one."""
    from vigil.crypto import keys

    if sys.stdin.isatty():
        keys.passphrase_prompt = lambda: ask("Passphrase of the store's key: ")


def new_passphrase() -> str:
    """``VIGIL_PASSPHRASE``, or a new passphrase typed twice on the terminal."""
    given = os.environ.get("VIGIL_PASSPHRASE")
    if given:
        if len(given) < MIN_PASSPHRASE:
            fail(f"VIGIL_PASSPHRASE is too short: at least {MIN_PASSPHRASE} characters")
        return given
    if not sys.stdin.isatty():
        fail(
            "the store's key needs a passphrase: set VIGIL_PASSPHRASE, or VIGIL_KEY_FILE to a key file"
            " kept outside VIGIL_HOME (unattended servers), or --insecure-key-in-home for a demo"
        )
    first = ask(f"New passphrase for the store's key (at least {MIN_PASSPHRASE} characters): ")
    if len(first) < MIN_PASSPHRASE:
        fail(f"too short: at least {MIN_PASSPHRASE} characters")
    if ask("The same again: ") != first:
        fail("the two passphrases differ")
    return first


def ensure_store_key(*, insecure_in_home: bool) -> None:
    """Create the store's key if there is none; never a new key for a store that already exists."""
    from vigil.crypto.keys import create_key_file

    path = key_file_path()
    if path.exists():
        return
    if database_path().exists() or (vigil_home() / "audit.head").exists():
        fail(
            f"the store in {vigil_home()} exists but its key {path} is missing: restore the key file"
            " (or point VIGIL_KEY_FILE at it); a new key could never open this store"
        )
    external = bool(os.environ.get("VIGIL_KEY_FILE"))
    if insecure_in_home:
        if external:
            fail("--insecure-key-in-home and VIGIL_KEY_FILE contradict each other", code=2)
        create_key_file(path)
        echo(f"key file created: {path} — INSECURE, for demos only: a copy of {vigil_home()} carries it")
    elif external:
        create_key_file(path)
        echo(
            f"key file created: {path} (mode 0600; keep it off the disk that holds the data, and back it up)"
        )
    else:
        create_key_file(path, passphrase=new_passphrase())
        echo(
            f"key created: {path}, wrapped by your passphrase (Argon2id). Without the passphrase the"
            " store cannot be opened by anyone: write it down somewhere safe."
        )


@key_app.command("rotate")
def key_rotate() -> None:
    """Replace the store's master key (after a suspected leak of it): every encrypted value, the
    name index and the search tokens move to a new key in one transaction, the database file is
    re-keyed and the key file replaced, wrapped by the same passphrase (or VIGIL_NEW_PASSPHRASE);
    recorded in the audit chain; admins only. Run it again to finish an interrupted rotation.
    Everyone signs in again afterwards (sessions are signed with a subkey). Names the backups
    taken before, which the new key does not open, and what still opens each."""
    from vigil.cli.context import acting_user, require_store
    from vigil.crypto.keys import KeyUnavailable, find_passphrase, is_wrapped, keyring_from, read_master_key
    from vigil.crypto.old_backups import backups_before
    from vigil.crypto.rotate import finish_interrupted, pending_path, rotate

    require_store()
    from vigil.cases.roles import role_of

    user = acting_user()
    if user is not None and role_of(user) != "admin":
        fail("only an admin may rotate the store's key")
    path = key_file_path()
    try:
        passphrase = find_passphrase(path) if is_wrapped(path) else None
        master = read_master_key(path, passphrase=passphrase)
        kept = (os.environ.get("VIGIL_NEW_PASSPHRASE") or passphrase) if passphrase is not None else None
        if kept is not None and len(kept) < MIN_PASSPHRASE:
            fail(f"VIGIL_NEW_PASSPHRASE is too short: at least {MIN_PASSPHRASE} characters")
        earlier = backups_before(keyring_from(master))
        if pending_path(path).exists():
            finished = finish_interrupted(path, master, passphrase=kept)
            if finished:
                echo(f"{path}: the interrupted rotation is finished; the new key is in place")
                return
        rotation = rotate(path, master, kept, acting_user=user)
    except KeyUnavailable as exc:
        fail(str(exc))
        return
    echo(
        f"{path}: a new master key is in place; {rotation.values} encrypted values,"
        f" {rotation.spellings} name keys, {rotation.fingerprints} file fingerprints and"
        f" {rotation.entries} search entries moved to it."
        " The old key (and any copy of the old key file) no longer opens the store."
    )
    if earlier:
        echo(
            "Backups taken before, which the new key does not open (take a new backup now,"
            " and destroy these if the old key is what leaked):"
        )
    for backup in earlier:
        echo(f"  {backup.path} (taken {backup.taken}): {backup.describe()}")


@key_app.command("passphrase")
def key_passphrase(
    insecure_in_home: Annotated[
        bool, typer.Option("--insecure-key-in-home", help="Store the key unwrapped (demos only).")
    ] = False,
) -> None:
    """Wrap the store's key under a new passphrase (VIGIL_NEW_PASSPHRASE or asked twice).

    The master key stays the same, so nothing is re-encrypted (`vigil key rotate` replaces it);
    a key file that was unwrapped (an old demo store) becomes wrapped.
    """
    from vigil.crypto.keys import KeyUnavailable, read_master_key, rewrap

    allow_prompt()
    path = key_file_path()
    try:
        master = read_master_key(path)
        if insecure_in_home:
            rewrap(master, None, path=path)
            echo(f"{path}: the key is now unwrapped (INSECURE, demos only)")
            return
        given = os.environ.get("VIGIL_NEW_PASSPHRASE")
        if given is not None:
            os.environ["VIGIL_PASSPHRASE"] = given
        else:
            os.environ.pop("VIGIL_PASSPHRASE", None)
        rewrap(master, new_passphrase(), path=path)
    except KeyUnavailable as exc:
        fail(str(exc))
    echo(f"{path}: the key is wrapped under the new passphrase; the old one no longer opens it")
