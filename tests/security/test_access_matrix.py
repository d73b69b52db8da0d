"""The access matrix: every URL pattern of the web UI (from Django's resolver) and every command
(from the Typer app), for every role and every level, against the expected table below.

A page or command that appears on main without a row here fails
``test_every_page_and_command_has_an_expected_row`` until its row is written. Each cell
asserts two things: the status (allowed or refused as the table says: no unexpected allow, no
unexpected refusal) and the body (no string from a level the role may not see, whatever the
status — the leak check).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from typer.testing import CliRunner

from tests.security.matrix_world import LEVELS, ROLES, VISIBLE, MatrixWorld, build, leaks
from vigil.cli.main import app

pytestmark = pytest.mark.django_db

ALL = frozenset(ROLES)
READERS = ALL
STAFF = frozenset({"admin", "coordinator", "editor", "viewer"})
WRITERS = frozenset({"admin", "coordinator", "editor"})
DECIDERS = frozenset({"admin", "coordinator"})
ADMIN = frozenset({"admin"})
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Row:
    """Who may open a page (GET) or run a command, and whether the record's level matters too.

    ``get`` is the status an allowed GET answers (405 for a form that only takes POST);
    ``fixture=False`` says the world has no record for the pattern, so every role must be
    refused; a record the world lacks at one level (an id of 0) is refused there too.
    """

    roles: frozenset[str]
    by_level: bool = True
    get: int = 200
    fixture: bool = True


PAGES: dict[str, Row] = {
    "case-list": Row(READERS, by_level=False),
    "dashboard": Row(READERS, by_level=False),
    "today": Row(READERS, by_level=False, get=302),  # the dashboard's old address leads to /
    "search": Row(READERS, by_level=False),
    "case-new": Row(WRITERS, by_level=False),
    "case-detail": Row(READERS),
    "case-edit": Row(WRITERS),
    "case-close": Row(WRITERS),  # GET: the confirmation form
    "case-assign": Row(DECIDERS),  # GET: the form; only staff who may read the case are offered
    "case-reopen": Row(WRITERS),
    "defender-add": Row(WRITERS),
    "defender-remove": Row(WRITERS, get=302),  # GET: back to the case
    "event-new": Row(WRITERS),
    "followup-new": Row(WRITERS),
    "appeal-download": Row(READERS),  # the analyst: public cases, public version
    "appeal-compose": Row(WRITERS, get=302),
    "event-edit": Row(WRITERS),
    "followup-edit": Row(WRITERS, fixture=False),  # ingest makes no follow-up here
    "followup-done": Row(WRITERS, fixture=False),
    "followup-snooze": Row(WRITERS, fixture=False),
    "followup-reopen": Row(WRITERS, fixture=False),
    "defender-detail": Row(READERS),
    "person-edit": Row(WRITERS),
    "match-list": Row(READERS, by_level=False),  # lists only matches of visible records
    "match-decide": Row(NOBODY, fixture=False),
    "unmerge": Row(NOBODY, fixture=False),
    "organisation-list": Row(READERS, by_level=False),
    "organisation-new": Row(WRITERS, by_level=False),
    "organisation-detail": Row(READERS),
    "organisation-edit": Row(WRITERS),
    "record-delete": Row(DECIDERS),  # GET: the form asking for a reason
    "record-restore": Row(DECIDERS, fixture=False),  # nothing deleted
    "record-level": Row(DECIDERS),
    "deleted-list": Row(READERS, by_level=False),
    "intake": Row(WRITERS, by_level=False),
    "review-list": Row(READERS, by_level=False),
    "review-source": Row(READERS),
    "review-reopen": Row(WRITERS, get=302),
    "source-edit": Row(WRITERS),
    "suggestion-keep": Row(WRITERS, get=302),
    "suggestion-reject": Row(WRITERS, get=302),
    "suggestion-correct": Row(WRITERS, get=302),
    "suggestion-attach": Row(WRITERS, get=302),
    "suggestion-organisations": Row(WRITERS, get=302),
    "appeal-detail": Row(READERS),
    "appeal-section": Row(WRITERS, get=302),
    "appeal-demands": Row(WRITERS, get=302),
    "appeal-advance": Row(WRITERS, get=302),
    "appeal-new-version": Row(WRITERS, get=302),
    "appeal-translate": Row(WRITERS, get=302),  # GET: back to the appeal
    "appeal-confirm": Row(WRITERS, get=302),
    "appeal-version-download": Row(READERS),
    "profile": Row(DECIDERS, by_level=False),
    "set_language": Row(ALL, by_level=False, get=302),
    "favicon": Row(ALL, by_level=False, get=204),
    "login": Row(ALL, by_level=False),
    "logout": Row(ALL, by_level=False, get=405),
    "two-factor-verify": Row(ALL, by_level=False),
    "two-factor-setup": Row(ALL, by_level=False),
    "account": Row(ALL, by_level=False),
    "password-change": Row(ALL, by_level=False),
    # everyone's entries for coordinators and admins, one's own for the rest: tests/web/test_activity.py
    "activity": Row(READERS, by_level=False),
    "record-open": Row(READERS, get=302),  # to the record's page, through the access layer
    "user-list": Row(ADMIN, by_level=False),
    "user-new": Row(ADMIN, by_level=False),
    "user-detail": Row(ADMIN, by_level=False),
    "user-role": Row(ADMIN, by_level=False, get=302),  # GET: back to the account's page
    "user-active": Row(ADMIN, by_level=False, get=302),
    "user-password": Row(ADMIN, by_level=False, get=302),
    "user-unlock": Row(ADMIN, by_level=False, get=302),
    # A calendar feed opens by its secret address, without signing in; a wrong secret is 404
    # for everyone (tests/followups/test_calendar.py covers a real one).
    "calendar-feed": Row(NOBODY, by_level=False, fixture=False),
}
PUBLIC_PAGES = {"login", "logout", "set_language", "calendar-feed", "favicon"}
# The JSON API answers bearer tokens, not sessions (401, never a redirect to the sign-in page):
# tests/api/test_permissions.py calls every operation of its OpenAPI document as every role.
API_PREFIX = "api/v1/"
VALUES = {"fmt": "txt", "kind": "case"}


def patterns() -> Iterator[tuple[str, str]]:
    """(name, route) of every URL pattern outside the admin (the admin is for admins: its own test)."""

    def walk(resolver: URLResolver, prefix: str) -> Iterator[tuple[str, str]]:
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                if not route.startswith("admin/"):
                    yield from walk(entry, route)
            elif isinstance(entry, URLPattern) and not route.startswith(API_PREFIX):
                yield str(entry.name), route

    yield from walk(get_resolver(), "")


def concrete(route: str, ids: dict[str, int]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        return VALUES.get(name) or str(ids.get(name, 0))

    return "/" + re.sub(r"<(\w+):(\w+)>", value, route).replace("^", "").replace("$", "")


def commands() -> Iterator[tuple[str, ...]]:
    def walk(command: object, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        children = getattr(command, "commands", None)
        if children:
            for name, sub in children.items():
                yield from walk(sub, (*path, name))
        else:
            yield path

    yield from walk(typer.main.get_command(app), ())


def client_for(world: MatrixWorld, role: str | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(world.users[role])
    return client


def test_every_page_and_command_has_an_expected_row() -> None:
    missing = [name for name, _ in patterns() if name not in PAGES]
    missing += [" ".join(path) for path in commands() if " ".join(path) not in COMMANDS]
    assert missing == [], f"write the expected access of these new pages/commands here: {missing}"


@pytest.fixture(scope="module")
def matrix_counts() -> dict[str, int]:
    return {"cells": 0, "allowed": 0, "refused": 0}


def test_every_page_for_every_role_and_level() -> None:
    world = build()
    problems: list[str] = []
    cells = 0
    clients = {role: client_for(world, role) for role in (*ROLES, None)}
    for name, route in patterns():
        row = PAGES.get(name)
        if row is None:
            continue
        for level in LEVELS if row.by_level else ("public",):
            url = concrete(route, world.levels[level].ids)
            for role, client in clients.items():
                cells += 1
                response = client.get(url)
                body = response.content.decode("utf-8", "replace")
                present = all(
                    world.levels[level].ids.get(p, 1) != 0 for p in re.findall(r"<\w+:(\w+)>", route)
                )
                allowed = (
                    row.fixture
                    and present
                    and (role in row.roles or name in PUBLIC_PAGES)
                    and (not row.by_level or level in VISIBLE[role])
                )
                if role is None and name not in PUBLIC_PAGES:
                    ok = response.status_code == 302 and "/login/" in response.get("Location", "")
                elif allowed:
                    ok = response.status_code in (
                        row.get,
                        302 if name in ("login", "two-factor-setup") else -1,
                    )
                else:
                    ok = response.status_code in (302, 403, 404, 405) and not (
                        row.get == 405 and response.status_code == 200
                    )
                if not ok:
                    problems.append(
                        f"{role or 'anonymous'} GET {url} ({name}, {level}): {response.status_code}"
                    )
                for canary in leaks(body, role):
                    problems.append(f"LEAK {role or 'anonymous'} GET {url} ({name}, {level}): {canary!r}")
    print(f"web matrix: {cells} cells")
    assert cells > 500
    assert problems == [], "\n".join(problems)


# Commands: who may run them, and the arguments (a record of the level under test).
@dataclass(frozen=True)
class Command:
    """The roles a command allows, whether the record's level matters, and its arguments."""

    roles: frozenset[str]
    args: tuple[str, ...] = ()
    by_level: bool = False
    run: bool = True


COMMANDS: dict[str, Command] = {
    "init": Command(ADMIN, run=False),
    "extract": Command(ALL, run=False),
    "serve": Command(ALL, run=False),
    "key rotate": Command(ADMIN, run=False),
    "key passphrase": Command(ADMIN, run=False),
    "backup create": Command(ADMIN, run=False),  # tests/security/test_backup.py
    "backup restore": Command(ADMIN, run=False),  # the operator's, into an empty home
    "ingest": Command(WRITERS, ("{file}",)),
    "search": Command(READERS, ("Kazakhstan",)),
    "reindex": Command(ADMIN),
    "export": Command(READERS, ("--public", "-o", "{out}")),  # public records only, allow-listed
    "due": Command(READERS),
    "case list": Command(READERS),
    "case assign": Command(DECIDERS, ("{case_id}", "admin-matrix"), by_level=True),
    "case show": Command(READERS, ("{case_id}",), by_level=True),
    "defender show": Command(READERS, ("{person_id}",), by_level=True),
    "person matches": Command(READERS),  # lists only matches of records the reader sees
    "person merge": Command(DECIDERS, ("0", "0"), run=False),
    "person unmerge": Command(DECIDERS, ("0",), run=False),
    "person distinct": Command(DECIDERS, ("0", "0"), run=False),
    "organisation matches": Command(READERS),
    "organisation merge": Command(DECIDERS, ("0", "0"), run=False),
    "organisation unmerge": Command(DECIDERS, ("0",), run=False),
    "organisation distinct": Command(DECIDERS, ("0", "0"), run=False),
    "source list": Command(READERS),
    "source show": Command(READERS, ("{source_id}",), by_level=True),
    "source accept": Command(WRITERS, ("{source_id}",), by_level=True, run=False),
    "source reopen": Command(WRITERS, ("{source_id}",), by_level=True, run=False),
    "case create": Command(WRITERS, ("A case opened by hand",), run=False),
    "case edit": Command(WRITERS, ("{case_id}", "--title", "x"), by_level=True, run=False),
    "case close": Command(WRITERS, ("{case_id}",), by_level=True, run=False),
    "case reopen": Command(WRITERS, ("{case_id}",), by_level=True, run=False),
    "person edit": Command(WRITERS, ("{person_id}",), by_level=True, run=False),
    "event add": Command(WRITERS, ("{case_id}",), by_level=True, run=False),
    "event edit": Command(WRITERS, ("0",), run=False),
    "event delete": Command(WRITERS, ("0",), run=False),
    "followup add": Command(WRITERS, ("{case_id}",), by_level=True, run=False),
    "followup done": Command(WRITERS, ("0",), run=False),
    "followup snooze": Command(WRITERS, ("0",), run=False),
    "set-confidentiality": Command(DECIDERS, ("case", "{case_id}", "public"), by_level=True, run=False),
    "delete": Command(DECIDERS, ("case", "{case_id}"), by_level=True, run=False),
    "restore": Command(DECIDERS, ("case", "{case_id}"), by_level=True, run=False),
    "audit verify": Command(ALL, run=False),  # needs a committed head: tests/security/test_tamper.py
    "audit reads": Command(DECIDERS, ("case", "{case_id}"), by_level=True),
    "user create": Command(ADMIN, ("newcomer", "--role", "viewer")),
    "user unlock": Command(ADMIN, ("viewer-matrix",)),
    "user set-role": Command(ADMIN, ("analyst-matrix", "analyst")),
    "user disable": Command(ADMIN, ("viewer-matrix",), run=False),  # tests/cli/test_user_commands.py
    "user enable": Command(ADMIN, ("viewer-matrix",), run=False),
    "user reset-password": Command(ADMIN, ("viewer-matrix",), run=False),
    "appeal render": Command(STAFF, ("{case_id}", "-o", "{out}", "--format", "txt"), by_level=True),
    "appeal list": Command(READERS, ("{case_id}",), by_level=True),  # versions and status only
    "appeal advance": Command(WRITERS, ("{appeal_id}",), by_level=True, run=False),
    "appeal new-version": Command(WRITERS, ("{appeal_id}",), by_level=True, run=False),
    "appeal demands": Command(WRITERS, ("{appeal_id}", "--demand", "Free them"), by_level=True, run=False),
    "appeal edit": Command(
        WRITERS, ("{appeal_id}", "--section", "summary", "--text", "x"), by_level=True, run=False
    ),
    "appeal translate": Command(WRITERS, ("{appeal_id}", "a", "b"), by_level=True, run=False),
    "appeal confirm": Command(WRITERS, ("{appeal_id}",), by_level=True, run=False),
    "appeal check": Command(STAFF, ("{appeal_id}",), by_level=True),
    "authority add": Command(DECIDERS, ("KZ", "--title", "Prosecutor"), run=False),
    "authority list": Command(READERS),
    "profile set": Command(DECIDERS, run=False),
    "profile show": Command(READERS, run=False),  # no profile in this world: tests/appeals
    "digest": Command(ADMIN, ("--dry-run",)),  # e-mails name no one: tests/followups/test_digest.py
    "token create": Command(ADMIN, ("viewer-matrix",)),
    "token list": Command(ALL),  # one's own tokens; every token for an admin
    "token revoke": Command(ALL, ("0",), run=False),  # owner or admin: tests/api/test_tokens.py
    "calendar create": Command(ADMIN, ("viewer-matrix",), run=False),  # or the account itself:
    "calendar revoke": Command(ADMIN, ("viewer-matrix",), run=False),  # tests/followups/test_calendar.py
}


def test_every_read_command_for_every_role_and_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run in this process against the test database, as each role (``--as``)."""
    world = build()
    home = tmp_path / "home"
    home.mkdir()
    (home / "vigil.db").touch()  # require_store() looks for the store; Django's test database answers
    monkeypatch.setenv("VIGIL_HOME", str(home))
    document = tmp_path / "new.txt"
    document.write_text(
        "3 June 2025\n\nKenya: a new appeal\n\nOn 1 June 2025 police arrested defender Neema Example.\n"
    )
    runner = CliRunner()
    problems: list[str] = []
    cells = 0
    for path in commands():
        spec = COMMANDS.get(" ".join(path))
        if spec is None or not spec.run:
            continue
        for level in LEVELS if spec.by_level else ("public",):
            values = {**world.levels[level].ids, "file": str(document), "out": str(tmp_path / "out.txt")}
            args = [a.format(**values) for a in spec.args]
            for role in ROLES:
                cells += 1
                result = runner.invoke(app, ["--as", world.users[role].username, *path, *args])
                output = result.output + (str(result.exception) if result.exception else "")
                allowed = role in spec.roles and (not spec.by_level or level in VISIBLE[role])
                succeeded = result.exit_code == 0
                if allowed != succeeded:
                    problems.append(
                        f"{role} vigil {' '.join(path)} ({level}): exit {result.exit_code} {output[-200:]}"
                    )
                written = (tmp_path / "out.txt").read_text() if (tmp_path / "out.txt").exists() else ""
                for canary in leaks(output + written, role):
                    problems.append(f"LEAK {role} vigil {' '.join(path)} ({level}): {canary!r}")
                (tmp_path / "out.txt").unlink(missing_ok=True)
    print(f"command matrix: {cells} cells")
    assert cells > 100
    assert problems == [], "\n".join(problems)
