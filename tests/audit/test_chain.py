"""The audit chain: every action writes an entry in its transaction; tampering is found."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from tests.factories import make_case
from vigil.audit.chain import record, verify
from vigil.audit.models import AuditEvent
from vigil.cases.actions.records import do_create_case

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_action_writes_one_audit_entry() -> None:
    before = AuditEvent.objects.count()
    case = do_create_case(acting_user=None, title="A case", country="KE")
    entry = AuditEvent.objects.order_by("-seq").first()
    assert AuditEvent.objects.count() == before + 1
    assert entry is not None and entry.action == "case.create" and entry.object_id == str(case.pk)
    assert entry.actor.startswith("operator")


def test_a_failed_write_leaves_no_audit_entry() -> None:
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        do_create_case(acting_user=None, title="doomed", country="KE")
        raise RuntimeError("the write fails after its audit entry")
    assert AuditEvent.objects.count() == before


def test_audit_entries_outside_a_transaction_are_refused() -> None:
    with pytest.raises(RuntimeError, match="inside the transaction"):
        record("case.create", acting_user=None, object_type="x", object_id="1")


def test_untouched_chain_verifies() -> None:
    for index in range(3):
        make_case(f"case {index}")
    result = verify()
    assert result.ok and result.checked == AuditEvent.objects.count()


def test_an_edited_entry_is_named() -> None:
    for index in range(3):
        make_case(f"case {index}")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET actor = %s WHERE seq = %s", ["someone-else", 2])
    result = verify()
    assert not result.ok and result.bad_seq == 2 and "edited" in result.reason


def test_a_removed_entry_is_named() -> None:
    for index in range(3):
        make_case(f"case {index}")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [3])
    result = verify()
    assert not result.ok and result.bad_seq == 3 and "missing" in result.reason


def test_the_orm_refuses_to_change_or_delete_entries() -> None:
    make_case("a case")
    entry = AuditEvent.objects.first()
    assert entry is not None
    entry.actor = "forged"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_removing_the_last_entries_is_found_through_the_head_file() -> None:
    from vigil.audit.head import head_path, read_head

    for index in range(3):
        make_case(f"case {index}")
    last = AuditEvent.objects.order_by("-seq").first()
    head = read_head()
    assert (
        last is not None
        and head is not None
        and (head.seq, head.hash, head.sealed) == (last.seq, last.hash, True)
    )
    assert head_path().stat().st_mode & 0o077 == 0
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [last.seq])
    result = verify()
    assert not result.ok and "were removed" in result.reason
