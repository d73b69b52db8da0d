"""A permission test per role for every operation of the OpenAPI document: the roles allowed
get their answer, the others 403 or 404, and a call without a token 401. Writes refused leave
no audit entry; writes allowed leave one, naming the token's account."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client

from tests.api.conftest import bearer
from tests.api.operations import OPERATIONS, Operation
from tests.web.world import ROLES, make_world
from vigil.api.main import api
from vigil.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def documented() -> list[tuple[str, str, str]]:
    """(operation id, method, path template) of every operation in the OpenAPI document."""
    schema = api.get_openapi_schema()
    return [
        (op["operationId"], method.upper(), path)
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]


DOCUMENTED = documented()


def test_every_documented_operation_has_a_permission_case() -> None:
    ids = [op_id for op_id, _method, _path in DOCUMENTED]
    assert len(ids) == len(set(ids)), "operation ids must be unique"
    assert set(ids) - set(OPERATIONS) == set(), "add the new operation to tests/api/operations.py"
    assert set(OPERATIONS) - set(ids) == set(), "tests/api/operations.py names an operation that is gone"


def call(client: Client, method: str, path: str, operation: Operation, world: Any) -> Any:
    url = path.format(**operation.params(world)) + (f"?{operation.query}" if operation.query else "")
    if method == "GET":
        return client.get(url)
    body = operation.body(world) if operation.body else {}
    if operation.files:
        return client.post(url, body)
    return client.generic(method, url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(("op_id", "method", "path"), DOCUMENTED, ids=[d[0] for d in DOCUMENTED])
def test_each_operation_answers_its_roles_and_refuses_the_others(
    op_id: str, method: str, path: str, accounts: dict[str, User], clients: dict[str, Client]
) -> None:
    operation = OPERATIONS[op_id]
    world = make_world()
    if operation.prepare is not None:
        operation.prepare(world)
    assert call(bearer(None), method, path, operation, world).status_code == 401
    for role in ROLES:
        with transaction.atomic():
            last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
            answer = call(clients[role], method, path, operation, world)
            # Reads of restricted records are audited too; only writes count here.
            written = AuditEvent.objects.filter(seq__gt=last).exclude(action__endswith=".read")
            if role in operation.allowed:
                assert answer.status_code == operation.ok, f"{role} should get {op_id}: {answer.status_code}"
                if method != "GET":
                    assert written.exists(), f"{role}'s {op_id} left no audit entry"
                    assert {e.actor for e in written} == {f"user:{accounts[role].username}"}
            else:
                assert answer.status_code in (403, 404), (
                    f"{role} should be refused {op_id}: {answer.status_code}"
                )
                assert not written.exists(), f"{role}'s refused {op_id} wrote {list(written)}"
            transaction.set_rollback(True)
