"""The identity migration on a store that already holds people: spellings and roles become
rows with their keys and levels, and going back returns them to the lists they were."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

BEFORE = [("cases", "0004_records_soft_delete_and_review")]
AFTER = [("cases", "0005_identity_parts")]


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def test_people_with_aliases_and_roles_migrate_both_ways() -> None:
    state = migrate(BEFORE).loader.project_state(BEFORE).apps
    Person = state.get_model("cases", "Person")
    Organisation = state.get_model("cases", "Organisation")
    person = Person.objects.create(
        name="Zhanar Sekerbayeva",
        aliases=["Жанар Секербаева"],
        roles=["journalist", "poet"],
        confidentiality="confidential",
    )
    Organisation.objects.create(name="Kazakhstan Feminist Initiative “Feminita”", aliases=[])
    try:
        after = migrate(AFTER).loader.project_state(AFTER).apps
        names = after.get_model("cases", "PersonName").objects.filter(person_id=person.pk)
        assert sorted(names.values_list("name", "script", "confidentiality")) == [
            ("Zhanar Sekerbayeva", "Latn", "confidential"),
            ("Жанар Секербаева", "Cyrl", "confidential"),
        ]
        assert all(len(key) == 32 for key in names.values_list("skeleton_key", flat=True))
        roles = after.get_model("cases", "PersonRole").objects.filter(person_id=person.pk)
        assert sorted(roles.values_list("role", flat=True)) == ["journalist", "poet"]
        spellings = after.get_model("cases", "OrganisationName").objects.values_list("name", flat=True)
        assert sorted(spellings) == ["Feminita", "Kazakhstan Feminist Initiative “Feminita”"]

        back = migrate(BEFORE).loader.project_state(BEFORE).apps
        restored = back.get_model("cases", "Person").objects.get(pk=person.pk)
        assert restored.aliases == ["Жанар Секербаева"] and restored.roles == ["journalist", "poet"]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
