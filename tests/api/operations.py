"""Every API operation, by its OpenAPI operation id: how to call it on the test world, and
which roles it answers. The permission test fails for any operation of the OpenAPI document
missing here, so a new endpoint cannot go untested."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.web.world import ROLES, World

EVERYONE = set(ROLES)
READERS = {"admin", "coordinator", "editor", "viewer"}
WRITERS = {"admin", "coordinator", "editor"}


@dataclass(frozen=True)
class Operation:
    """How to call one operation, and who gets an answer (the others get 403 or 404)."""

    params: Callable[[World], dict[str, Any]]
    allowed: set[str]
    query: str = ""
    body: Callable[[World], dict[str, Any]] | None = None
    files: bool = False
    ok: int = 200
    extra: dict[str, Any] = field(default_factory=dict)


def none(w: World) -> dict[str, Any]:
    return {}


OPERATIONS: dict[str, Operation] = {
    "get_me": Operation(none, EVERYONE),
    "list_cases": Operation(none, EVERYONE),
    "get_case": Operation(lambda w: {"case_id": w.case.pk}, READERS),
    "list_defenders": Operation(none, EVERYONE),
    "get_defender": Operation(lambda w: {"person_id": w.person.pk}, READERS),
    "list_defender_matches": Operation(lambda w: {"person_id": w.person.pk}, READERS),
    "list_matches": Operation(none, EVERYONE),
    "list_events": Operation(none, EVERYONE),
    "get_event": Operation(lambda w: {"event_id": w.event.pk}, READERS),
    "list_sources": Operation(none, EVERYONE),
    "get_source": Operation(lambda w: {"source_id": w.source.pk}, READERS),
    "list_suggestions": Operation(lambda w: {"source_id": w.source.pk}, READERS),
    "list_followups": Operation(none, EVERYONE),
    "get_followup": Operation(lambda w: {"followup_id": w.followup.pk}, READERS),
    "search": Operation(none, EVERYONE, query="q=Kenya"),
}
