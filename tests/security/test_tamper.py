"""Tampering with the audit chain — editing, deleting, reordering, truncating, with or without
the head file — is named by ``verify``; only an untouched chain passes."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from tests.factories import make_case
from vigil.audit.chain import verify
from vigil.audit.head import head_path, read_head
from vigil.audit.models import AuditEvent
from vigil.crypto.fields import seal_text

pytestmark = pytest.mark.django_db(transaction=True)


def chain_of(count: int) -> int:
    for index in range(count):
        make_case(f"case {index}")
    last = AuditEvent.objects.order_by("-seq").first()
    assert last is not None
    return last.seq


def sql(statement: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_an_untouched_chain_passes_and_its_head_is_sealed() -> None:
    last = chain_of(3)
    head = read_head()
    assert head is not None and head.seq == last and head.sealed
    assert verify().ok


def test_an_edited_detail_is_named() -> None:
    chain_of(3)
    edited = seal_text('{"person": 99}', "audit.auditevent.detail")  # edited by someone holding the key
    sql("UPDATE audit_auditevent SET detail = %s WHERE seq = %s", [edited, 2])
    result = verify()
    assert not result.ok and result.bad_seq == 2 and "edited" in result.reason


def test_a_detail_that_does_not_decrypt_is_named() -> None:
    chain_of(3)
    sql("UPDATE audit_auditevent SET detail = %s WHERE seq = %s", ["enc1:bm90IGEgY2lwaGVydGV4dA==", 2])
    result = verify()
    assert not result.ok and result.bad_seq == 2 and "does not decrypt" in result.reason


def test_a_deleted_middle_entry_is_named() -> None:
    chain_of(3)
    sql("DELETE FROM audit_auditevent WHERE seq = %s", [3])
    result = verify()
    assert not result.ok and result.bad_seq == 3


def test_reordered_entries_are_named() -> None:
    chain_of(3)
    sql("UPDATE audit_auditevent SET seq = 1000000 WHERE seq = %s", [2])
    sql("UPDATE audit_auditevent SET seq = 2 WHERE seq = %s", [3])
    sql("UPDATE audit_auditevent SET seq = 3 WHERE seq = %s", [1000000])
    result = verify()
    assert not result.ok and result.bad_seq == 2


def test_truncating_the_end_is_named_through_the_head() -> None:
    last = chain_of(3)
    sql("DELETE FROM audit_auditevent WHERE seq >= %s", [last - 2])
    result = verify()
    assert not result.ok and "were removed" in result.reason


def test_truncating_the_end_and_deleting_the_head_is_an_error() -> None:
    last = chain_of(3)
    sql("DELETE FROM audit_auditevent WHERE seq >= %s", [last - 2])
    head_path().unlink()
    result = verify()
    assert not result.ok and "missing" in result.reason


def test_truncating_and_writing_a_new_head_without_the_key_is_named() -> None:
    last = chain_of(3)
    sql("DELETE FROM audit_auditevent WHERE seq >= %s", [last - 2])
    survivor = AuditEvent.objects.order_by("-seq").first()
    assert survivor is not None
    head_path().write_text(json.dumps({"seq": survivor.seq, "hash": survivor.hash, "seal": "0" * 64}))
    result = verify()
    assert not result.ok and "seal" in result.reason


def test_a_head_file_that_does_not_match_its_entry_is_named() -> None:
    chain_of(2)
    head = read_head()
    assert head is not None
    sql("UPDATE audit_auditevent SET actor = %s WHERE seq = %s", ["user:forger", head.seq])
    assert not verify().ok


def test_the_command_names_a_missing_head(run_vigil: object, vigil_home: object) -> None:
    from pathlib import Path

    run = run_vigil  # type: ignore[assignment]
    home = Path(str(vigil_home))
    run("init", check=True)  # type: ignore[operator]
    (home / "audit.head").unlink()
    result = run("audit", "verify")  # type: ignore[operator]
    assert result.returncode == 1 and "head file" in result.stderr and "Traceback" not in result.stderr
