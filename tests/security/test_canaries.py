"""Canaries: confidential strings in every kind of fact — a name, an alias, a role, an
organisation, an event's place, perpetrator, law and description, a demand, a source's text —
never appear in the database's stored values (any table, any column, on SQLite and PostgreSQL),
nor do the plain SHA-256 of an original, an authenticator's secret or a recovery code; none in a ``pg_dump``,
in the logs, or in a search result, export or public rendering for a role that may not see
them. The embedded store's files are checked by ``test_keys.py`` (a copied folder)
and the pages and commands of every role by ``test_access_matrix.py``."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import subprocess

import pytest
from django.db import connection

from tests.factories import signed_in_client
from tests.security import matrix_world
from tests.security.matrix_world import CANARIES, ROLES, VISIBLE, MatrixWorld, leaks
from vigil.appeals.workflow import do_edit_demands
from vigil.cases.actions.entry import do_enter_event
from vigil.cases.actions.people import do_set_roles
from vigil.cases.export import public_export
from vigil.cases.models import SealedStaticDevice, SealedStaticToken, SealedTOTPDevice, Source
from vigil.search.index import search

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

# Facts typed in by hand on the confidential case, so that every kind of fact carries one.
BY_HAND = {
    "role": "CANARY-role-c1d9",
    "place": "CANARY-place-c1d9",
    "perpetrator": "CANARY-perpetrator-c1d9",
    "law": "CANARY-article-c1d9",
    "description": "CANARY-description-c1d9",
    "demand": "CANARY-demand-c1d9",
}
SECRET = (*CANARIES["confidential"], *BY_HAND.values())
EVERY = (*CANARIES["public"], *CANARIES["restricted"], *SECRET)


@pytest.fixture
def world(caplog: pytest.LogCaptureFixture) -> MatrixWorld:
    caplog.set_level(logging.DEBUG)
    built = matrix_world.build()
    case = built.levels["confidential"].case
    person = case.defenders.order_by("id").first()
    assert person is not None
    do_set_roles(person, [BY_HAND["role"]], acting_user=None)
    do_enter_event(
        acting_user=None,
        case=case,
        type="threat",
        date=dt.date(2025, 5, 17),
        place=BY_HAND["place"],
        perpetrator_text=BY_HAND["perpetrator"],
        legal_basis=BY_HAND["law"],
        description=BY_HAND["description"],
        victims=[person],
    )
    appeal = built.levels["confidential"].appeal
    if appeal is not None:
        do_edit_demands(appeal, [BY_HAND["demand"]], acting_user=None, language="en", level="confidential")
    coordinator = built.users["coordinator"]
    if not SealedTOTPDevice.objects.filter(user=coordinator).exists():
        SealedTOTPDevice.objects.create(user=coordinator, name="authenticator", confirmed=True)
    recovery = SealedStaticDevice.objects.create(user=coordinator, name="recovery codes")
    SealedStaticToken.objects.create(device=recovery, token="c0ffee1234")
    return built


def derived_secrets() -> list[str]:
    """What must not be in the clear either: the plain SHA-256 of each stored original (it would
    confirm that a known document is stored), each authenticator's secret (in hex and in the
    base32 an authenticator app is given) and each recovery code."""
    digests = [
        hashlib.sha256(bytes(o)).hexdigest()
        for o in Source.all_objects.values_list("original", flat=True)
        if o
    ]
    keys = list(SealedTOTPDevice.objects.values_list("key", flat=True))
    codes = list(SealedStaticToken.objects.values_list("token", flat=True))
    assert digests and keys and codes, "the world holds originals, an authenticator and recovery codes"
    return [*digests, *keys, *(base64.b32encode(bytes.fromhex(k)).decode() for k in keys), *codes]


def stored_values() -> str:
    """Every value of every table as the database holds it (application ciphertexts included).
    SQLite's full-text tables are skipped: their words sit inside the SQLCipher file only."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith("search_entry") and connection.vendor != "postgresql":
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            found += [repr(value) for row in cursor.fetchall() for value in row]
    return "\n".join(found)


def test_no_canary_is_stored_in_the_clear_in_any_table(world: MatrixWorld) -> None:
    stored = stored_values()
    assert "enc1:" in stored
    assert [c for c in EVERY if c in stored] == []
    assert [c for c in EVERY if c.casefold() in stored.casefold()] == []
    assert [s for s in derived_secrets() if s.casefold() in stored.casefold()] == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump runs against PostgreSQL only")
def test_no_canary_in_a_dump_of_the_postgresql_database(world: MatrixWorld) -> None:
    pg_dump = shutil.which("pg_dump") or "/usr/lib/postgresql/15/bin/pg_dump"
    settings = connection.settings_dict
    dumped = subprocess.run(
        [
            pg_dump,
            "-h",
            settings["HOST"],
            "-p",
            str(settings["PORT"]),
            "-U",
            settings["USER"],
            settings["NAME"],
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""},
    ).stdout
    assert "cases_person" in dumped and "enc1:" in dumped
    assert [c for c in EVERY if c.casefold() in dumped.casefold()] == []
    assert [s for s in derived_secrets() if s.casefold() in dumped.casefold()] == []


def test_no_canary_in_the_logs(world: MatrixWorld, caplog: pytest.LogCaptureFixture) -> None:
    for user in world.users.values():
        client = signed_in_client(user)
        for canary in SECRET:
            client.get("/search/", {"q": canary})
        level = world.levels["confidential"]
        client.get(f"/cases/{level.case.pk}/")
        client.get(f"/defenders/{level.ids['person_id']}/")
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)
    assert caplog.records, "the logs were captured"
    assert [c for c in EVERY if c in logged] == []


def test_search_never_answers_a_canary_to_a_role_below_it(world: MatrixWorld) -> None:
    for role in ROLES:  # (no user at all is the store's operator, who sees everything)
        user = world.users[role]
        hidden = [c for level, found in CANARIES.items() if level not in VISIBLE[role] for c in found]
        if role != "admin":
            hidden += list(BY_HAND.values())
        for canary in hidden:
            for word in canary.replace("-", " ").split():
                if len(word) < 5 or word in {"CANARY", "Aruzhan", "Publicovna"}:
                    continue  # a word shared with a level the role may see
                hits = search(user, word)
                assert not [h for h in hits if leaks(f"{h.title} {h.snippet}", role)], (role, word)
                assert not [h for h in hits if any(v in f"{h.title} {h.snippet}" for v in BY_HAND.values())
                            and role != "admin"], (role, word)  # fmt: skip
        client = signed_in_client(user)
        for canary in hidden:
            page = client.get("/search/", {"q": canary}).content.decode().replace(canary, "")
            assert not leaks(page, role) and not any(v in page for v in BY_HAND.values() if role != "admin")


def test_the_public_export_holds_no_restricted_or_confidential_canary(world: MatrixWorld) -> None:
    exported = json.dumps(public_export(), ensure_ascii=False)
    assert "Aruzhan Publicovna" in exported
    assert leaks(exported, "analyst") == [] and not any(v in exported for v in BY_HAND.values())
