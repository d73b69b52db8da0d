"""Every API operation, by its OpenAPI operation id: how to call it on the test world, and
which roles it answers. The permission test fails for any operation of the OpenAPI document
missing here, so a new endpoint cannot go untested."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.web.world import ROLES, World
from vigil.followups.feeds import do_create_feed
from vigil.intake.review import do_accept, do_decide

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
    prepare: Callable[[World], None] | None = None


def none(w: World) -> dict[str, Any]:
    return {}


OPERATIONS: dict[str, Operation] = {
    "get_me": Operation(none, EVERYONE),
    "create_calendar": Operation(none, EVERYONE, ok=201),
    "revoke_calendar": Operation(none, EVERYONE, prepare=lambda w: feeds_for_everyone()),
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
    "create_case": Operation(
        none,
        WRITERS,
        body=lambda w: {"title": "Kenya: lawyer threatened", "country": "KE", "defenders": [w.person.pk]},
        ok=201,
    ),
    "create_event": Operation(
        lambda w: {"case_id": w.case.pk},
        WRITERS,
        body=lambda w: {"type": "trial", "date": "2025-06-01", "place": "Mombasa", "victims": [w.person.pk]},
        ok=201,
    ),
    "create_followup": Operation(
        lambda w: {"case_id": w.case.pk},
        WRITERS,
        body=lambda w: {"kind": "hearing", "due": "2025-07-01", "note": "appeal hearing"},
        ok=201,
    ),
    "followup_done": Operation(
        lambda w: {"followup_id": w.followup.pk}, WRITERS, body=lambda w: {"outcome": "hearing adjourned"}
    ),
    "followup_snooze": Operation(
        lambda w: {"followup_id": w.followup.pk},
        WRITERS,
        body=lambda w: {"until": "2025-06-15", "reason": "court closed"},
    ),
    "followup_reopen": Operation(lambda w: {"followup_id": w.done_followup.pk}, WRITERS),
    "upload_source": Operation(
        none,
        WRITERS,
        body=lambda w: {
            "file": SimpleUploadedFile("note.txt", b"On 3 May 2025 police arrested lawyer Tumaini Example."),
            "confidentiality": "restricted",
        },
        files=True,
        ok=201,
    ),
    "keep_suggestion": Operation(
        lambda w: {"source_id": w.source.pk, "position": 5}, WRITERS, prepare=lambda w: reject_fifth(w)
    ),
    "reject_suggestion": Operation(lambda w: {"source_id": w.source.pk, "position": 5}, WRITERS),
    "correct_suggestion": Operation(
        lambda w: {"source_id": w.source.pk, "position": 0},
        WRITERS,
        body=lambda w: {"value": "Kazakhstan: Dana Example sentenced"},
    ),
    "attach_suggestion": Operation(
        lambda w: {"source_id": w.source.pk, "position": defender_position(w)},
        WRITERS,
        body=lambda w: {"person_id": w.person.pk},
    ),
    "accept_source": Operation(
        lambda w: {"source_id": w.source.pk}, WRITERS, body=lambda w: {"case_id": None}
    ),
    "reopen_review": Operation(lambda w: {"source_id": w.source.pk}, WRITERS, prepare=lambda w: accepted(w)),
}


def feeds_for_everyone() -> None:
    for user in User.objects.all():
        do_create_feed(user, acting_user=None)


def reject_fifth(w: World) -> None:
    do_decide(w.source.suggestions.get(position=5), keep=False, acting_user=None)


def defender_position(w: World) -> int:
    return int(w.source.suggestions.filter(field="defender").first().position)  # type: ignore[union-attr]


def accepted(w: World) -> None:
    do_accept(w.source, acting_user=None)
    w.source.refresh_from_db()
