"""The application-encryption migrations on a store that already holds records: names, titles,
places, demands, appeal sections, suggestions and audit details written in the clear become
ciphertexts the models read back, and going back returns them to the clear, on both databases."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

CLEAR = [("cases", "0006_case_assignees"), ("audit", "0002_activity_indexes")]
SEALED = [("cases", "0008_encrypt_existing_values"), ("audit", "0003_encrypted_detail")]
CANARY = "Zarina Kanareyka"


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} ORDER BY id")
        return [str(value) for (value,) in cursor.fetchall()]


def test_clear_values_are_encrypted_and_decrypted_back() -> None:
    apps = migrate(CLEAR).loader.project_state(CLEAR).apps
    person = apps.get_model("cases", "Person").objects.create(name=CANARY, confidentiality="confidential")
    apps.get_model("cases", "PersonName").objects.create(
        person=person, name=CANARY, exact_key="k", skeleton_key="k", phonetic_key="k"
    )
    case = apps.get_model("cases", "Case").objects.create(title=f"Free {CANARY}")
    apps.get_model("cases", "Event").objects.create(case=case, type="arrest", place="Karaganda remand centre")
    source = apps.get_model("cases", "Source").objects.create(title=f"Appeal for {CANARY}", content_hash="c1")
    apps.get_model("cases", "Suggestion").objects.create(
        source=source, field="defender", value={"name": CANARY}
    )
    appeal = apps.get_model("cases", "Intervention").objects.create(
        case=case, sections={"summary": f"{CANARY} was detained."}, addressees=["Prosecutor"]
    )
    apps.get_model("cases", "Demand").objects.create(
        intervention=appeal, position=1, text=f"Release {CANARY}"
    )
    apps.get_model("audit", "AuditEvent").objects.create(
        seq=1,
        at=timezone.now(),
        actor="operator",
        action="x",
        object_type="t",
        object_id="1",
        prev_hash="0",
        hash="h",
        detail={"address": "203.0.113.9"},
    )
    columns = [
        ("cases_person", "name"),
        ("cases_personname", "name"),
        ("cases_case", "title"),
        ("cases_event", "place"),
        ("cases_source", "title"),
        ("cases_suggestion", "value"),
        ("cases_intervention", "sections"),
        ("cases_demand", "text"),
        ("audit_auditevent", "detail"),
    ]
    try:
        migrate(SEALED)
        for table, column in columns:
            stored = raw(table, column)
            assert all(v.startswith("enc1:") for v in stored), (table, column)
            assert not any("Kanareyka" in v or "Karaganda" in v or "203.0.113" in v for v in stored)
        from vigil.audit.models import AuditEvent
        from vigil.cases.models import Demand, Intervention, Person, Suggestion

        assert Person.objects.get(pk=person.pk).name == CANARY
        assert Suggestion.objects.get().value == {"name": CANARY}
        assert Intervention.objects.get().sections == {"summary": f"{CANARY} was detained."}
        assert Demand.objects.get().text == f"Release {CANARY}"
        assert AuditEvent.objects.get().detail == {"address": "203.0.113.9"}

        migrate(CLEAR)
        assert raw("cases_person", "name") == [CANARY]
        assert raw("cases_case", "title") == [f"Free {CANARY}"]
        assert raw("cases_event", "place") == ["Karaganda remand centre"]
        back = migrate(CLEAR).loader.project_state(CLEAR).apps
        assert back.get_model("cases", "Suggestion").objects.get().value == {"name": CANARY}
        assert back.get_model("audit", "AuditEvent").objects.get().detail == {"address": "203.0.113.9"}
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
