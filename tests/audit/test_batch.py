"""Batched writes (a document ingested and accepted at once): the audit entries are chained in
one go at the end of the batch, and search entries are written once per record."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from vigil.audit.chain import batch, verify
from vigil.audit.models import AuditEvent
from vigil.cases.actions.people import find_or_create_person
from vigil.cases.actions.records import add_defenders, do_create_case
from vigil.search import index as search_index
from vigil.search.index import search

pytestmark = pytest.mark.django_db(transaction=True)


def create_case_with_defender(title: str, name: str) -> None:
    with transaction.atomic():
        case = do_create_case(acting_user=None, title=title, country="KE")
        person = find_or_create_person(acting_user=None, name=name, country="KE")
        add_defenders(acting_user=None, case=case, people=[person])


def test_a_batch_chains_its_entries_in_order_and_the_chain_verifies() -> None:
    create_case_with_defender("before the batch", "Amina Example")
    with transaction.atomic(), batch():
        create_case_with_defender("inside the batch", "Baraka Example")
        assert AuditEvent.objects.filter(action="case.create").count() == 1, "written at the end"
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions.count("case.create") == 2 and actions[-1] == "case.add_defender"
    assert verify().ok


def test_a_failed_batch_writes_no_entry() -> None:
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic(), batch():
        create_case_with_defender("doomed", "Amina Example")
        raise RuntimeError("the document fails half-way")
    assert AuditEvent.objects.count() == before
    assert verify().ok


def test_deferred_indexing_writes_each_record_once_at_the_end() -> None:
    with CaptureQueriesContext(connection) as queries, transaction.atomic(), search_index.deferred():
        create_case_with_defender("Kenya: a paralegal threatened", "Amina Example")
        assert not search(None, "paralegal"), "nothing is indexed before the block ends"
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT INTO search_entry")]
    assert len(writes) == 2, "one entry for the case, one for the person"
    assert [hit.kind for hit in search(None, "paralegal")] == ["case"]
