"""A property-based run of the OpenAPI document (schemathesis): for every operation, requests
generated from the schema — valid ones and deliberately invalid ones — as an editor on the
test world. No answer may be a server error, and every answer must match what the document
says: its status code, content type, headers and body schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.api.conftest import token_for
from tests.factories import make_user
from tests.web.world import make_world
from vigil.api.main import api

EXAMPLES = 10


@pytest.fixture
def token(db: None) -> str:
    world = make_world()
    WORLD.update(
        case_id=world.case.pk,
        person_id=world.person.pk,
        event_id=world.event.pk,
        followup_id=world.followup.pk,
        source_id=world.source.pk,
    )
    return token_for(make_user("eddie", "editor"))


@pytest.fixture
def keep_connection(db: None) -> Iterator[None]:
    """Keep the test's database connection open between requests (a real server closes it
    after each; the test's transaction must survive)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())


WORLD: dict[str, int] = {}


def near_the_world(params: Any) -> Any:
    """Two ids in three replaced by the test world's record of that kind, so generated
    requests reach records and not only 404s."""
    if not isinstance(params, dict):
        return params  # a negative case may replace the parameters with anything
    return {k: WORLD.get(k, v) if type(v) is int and v % 3 else v for k, v in params.items()}


@schemathesis.hook
def map_path_parameters(context: Any, path_parameters: Any) -> Any:
    return near_the_world(path_parameters)


schema.app = WSGIHandler()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
@pytest.mark.django_db
def test_every_operation_keeps_to_its_openapi_document(case: Any, token: str, keep_connection: None) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"})
