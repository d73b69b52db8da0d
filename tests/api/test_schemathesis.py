"""A property-based run of the OpenAPI document (schemathesis): for every operation, requests
generated from the schema — valid ones, deliberately invalid ones and boundary values — as an
editor on the test world. No answer may be a server error, and every answer must match what
the document says: status code, content type, headers and body schema; invalid requests must
be refused and valid ones not refused as invalid.

Two things the schema cannot say are told to schemathesis: the token (so requests without it
are known to be invalid), and that a document, a correction or a person id that fits the
schema may still be unusable (an unreadable PNG, an unknown event type inside a correction, a
person the caller may not see): 422 is expected there for valid-looking requests too.
"""

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
from vigil.api.models import ApiToken
from vigil.crypto.secrets import digest_of

EXAMPLES = 10
TOKEN = "vigil_api_schemathesis-run-token-known-to-the-test-only"
ACCEPTED = '["2xx", "401", "403", "404", "409", "422"]'
# Schema-valid but unusable: a document no reader takes, a correction that does not fit its
# fact, an id of a person the caller may not see (or that does not exist).
UNUSABLE = ("upload_source", "correct_suggestion", "create_case", "create_event", "attach_suggestion")
CONFIG = f"""
[auth.openapi.BearerToken]
bearer = "{TOKEN}"
""" + "".join(
    f"""
[[operations]]
include-operation-id = "{operation}"
checks.positive_data_acceptance.expected-statuses = {ACCEPTED}
"""
    for operation in UNUSABLE
)
WORLD: dict[str, int] = {}

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=schemathesis.Config.from_str(CONFIG))
schema.app = WSGIHandler()


def near_the_world(params: Any) -> Any:
    """Two ids in three replaced by the test world's record of that kind, so generated
    requests reach records and not only 404s."""
    if not isinstance(params, dict):
        return params  # a negative case may replace the parameters with anything
    return {k: WORLD.get(k, v) if type(v) is int and v % 3 else v for k, v in params.items()}


@schemathesis.hook
def map_path_parameters(context: Any, path_parameters: Any) -> Any:
    return near_the_world(path_parameters)


@pytest.fixture
def world(db: None) -> Iterator[None]:
    """The test world, an editor whose token is :data:`TOKEN`, and the test's database
    connection kept open between requests (a real server closes it after each; the test's
    transaction must survive)."""
    w = make_world()
    WORLD.update(
        case_id=w.case.pk,
        person_id=w.person.pk,
        event_id=w.event.pk,
        followup_id=w.followup.pk,
        source_id=w.source.pk,
    )
    token_for(make_user("eddie", "editor"))
    ApiToken.objects.update(digest=digest_of(TOKEN), prefix=TOKEN[:12])
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


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
def test_every_operation_keeps_to_its_openapi_document(case: Any, world: None) -> None:
    case.call_and_validate()
