"""Every page and action of the web UI, for every role: who gets it, who is refused, and that
every write that goes through leaves an audit entry while a refused one changes nothing.

Readers (viewer, and every staff role) open pages; writers (editor and up) correct records;
coordinators (and admins) decide levels, delete whole records, approve and publish, and edit
the organisation profile. An analyst sees public records only, so restricted pages are not
found for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction

from tests.web.world import ROLES, World, client_as, make_world, users
from vigil.appeals.workflow import do_advance
from vigil.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

READERS = {"admin", "coordinator", "editor", "viewer"}
EVERYONE = set(ROLES)
WRITERS = {"admin", "coordinator", "editor"}
DECIDERS = {"admin", "coordinator"}


@dataclass(frozen=True)
class Page:
    """A page (GET) and the roles that get it."""

    name: str
    url: Callable[[World], str]
    allowed: set[str]


@dataclass(frozen=True)
class Action:
    """A write (POST) and the roles whose write goes through."""

    name: str
    url: Callable[[World], str]
    data: Callable[[World], dict[str, Any]]
    allowed: set[str]
    prepare: Callable[[World], None] | None = None
    answer: int = 302


def event_data(w: World) -> dict[str, Any]:
    return {
        "type": "trial",
        "date": "2025-06-01",
        "date_precision": "day",
        "country": "KE",
        "place": "Mombasa",
        "victims": [w.person.pk],
    }


def case_data(w: World) -> dict[str, Any]:
    return {
        "title": "Kenya: paralegal charged",
        "country": "KE",
        "situation": "detained",
        "opened": "2025-05-02",
    }


def person_data(w: World) -> dict[str, Any]:
    return {"name": "Amina Examplova", "gender": "female", "roles": "paralegal", "country": "KE"}


def demands_data(w: World) -> dict[str, Any]:
    demands = [d.text for d in w.appeal.demands.order_by("position")]
    data: dict[str, Any] = {}
    for index, text in enumerate(demands):
        data[f"text_{index}"], data[f"order_{index}"] = text, len(demands) - index
    return data


def publish_ready(w: World) -> None:
    do_advance(w.appeal, acting_user=None)
    do_advance(w.appeal, acting_user=None)


PAGES = [
    Page("case list", lambda w: "/cases/", EVERYONE),
    Page("closed cases", lambda w: "/cases/?state=closed", EVERYONE),
    Page("case page", lambda w: f"/cases/{w.case.pk}/", READERS),
    Page("open a case", lambda w: "/cases/new/", WRITERS),
    Page("edit a case", lambda w: f"/cases/{w.case.pk}/edit/", WRITERS),
    Page("assign a case", lambda w: f"/cases/{w.case.pk}/assign/", DECIDERS),
    Page("close a case", lambda w: f"/cases/{w.case.pk}/close/", WRITERS),
    Page("reopen a case", lambda w: f"/cases/{w.closed_case.pk}/reopen/", WRITERS),
    Page("add a defender", lambda w: f"/cases/{w.case.pk}/defenders/new/", WRITERS),
    Page("add an event", lambda w: f"/cases/{w.case.pk}/events/new/", WRITERS),
    Page("correct an event", lambda w: f"/events/{w.event.pk}/edit/", WRITERS),
    Page("add a follow-up", lambda w: f"/cases/{w.case.pk}/followups/new/", WRITERS),
    Page("edit a follow-up", lambda w: f"/followups/{w.followup.pk}/edit/", WRITERS),
    Page("mark a follow-up done", lambda w: f"/followups/{w.followup.pk}/done/", WRITERS),
    Page("snooze a follow-up", lambda w: f"/followups/{w.followup.pk}/snooze/", WRITERS),
    Page("defender page", lambda w: f"/defenders/{w.person.pk}/", READERS),
    Page("edit a person", lambda w: f"/defenders/{w.person.pk}/edit/", WRITERS),
    Page("organisations", lambda w: "/organisations/", EVERYONE),
    Page("organisation page", lambda w: f"/organisations/{w.organisation.pk}/", READERS),
    Page("add an organisation", lambda w: "/organisations/new/", WRITERS),
    Page("edit an organisation", lambda w: f"/organisations/{w.organisation.pk}/edit/", WRITERS),
    Page("delete an event", lambda w: f"/records/event/{w.event.pk}/delete/", WRITERS),
    Page("delete a case", lambda w: f"/records/case/{w.case.pk}/delete/", DECIDERS),
    Page("level of an event", lambda w: f"/records/event/{w.event.pk}/level/", DECIDERS),
    Page("level of a person", lambda w: f"/records/person/{w.person.pk}/level/", DECIDERS),
    Page("deleted records", lambda w: "/deleted/", EVERYONE),
    Page("intake", lambda w: "/intake/", WRITERS),
    Page("review list", lambda w: "/review/", EVERYONE),
    Page("review a source", lambda w: f"/review/{w.source.pk}/", READERS),
    Page("edit a source", lambda w: f"/review/{w.source.pk}/details/", WRITERS),
    Page("appeal page", lambda w: f"/appeals/{w.appeal.pk}/", READERS),
    Page("appeal preview in Russian", lambda w: f"/appeals/{w.appeal.pk}/?lang=ru", READERS),
    Page("appeal as HTML", lambda w: f"/appeals/{w.appeal.pk}/download.html?lang=fr", READERS),
    Page("appeal as text", lambda w: f"/appeals/{w.appeal.pk}/download.txt?lang=es", READERS),
    Page("organisation profile", lambda w: "/profile/", DECIDERS),
]

ACTIONS = [
    Action(
        "open a case",
        lambda w: "/cases/new/",
        lambda w: {
            **case_data(w),
            "confidentiality": "restricted",
            "defender_name": "Zawadi Example",
            "defender_gender": "female",
        },
        WRITERS,
    ),
    Action("edit a case", lambda w: f"/cases/{w.case.pk}/edit/", case_data, WRITERS),
    Action(
        "assign a case",
        lambda w: f"/cases/{w.case.pk}/assign/",
        lambda w: {"assignees": ["viewer-w"]},
        DECIDERS,
    ),
    Action(
        "close a case",
        lambda w: f"/cases/{w.case.pk}/close/",
        lambda w: {"situation": "released", "closed": "2025-06-02"},
        WRITERS,
    ),
    Action(
        "reopen a case",
        lambda w: f"/cases/{w.closed_case.pk}/reopen/",
        lambda w: {"situation": "at_risk"},
        WRITERS,
    ),
    Action(
        "add a defender",
        lambda w: f"/cases/{w.case.pk}/defenders/new/",
        lambda w: {"name": "Imani Example", "gender": "female", "roles": "", "country": "KE"},
        WRITERS,
    ),
    Action(
        "remove a defender",
        lambda w: f"/cases/{w.case.pk}/defenders/{w.person.pk}/remove/",
        lambda w: {},
        WRITERS,
    ),
    Action("add an event", lambda w: f"/cases/{w.case.pk}/events/new/", event_data, WRITERS),
    Action(
        "correct an event",
        lambda w: f"/events/{w.event.pk}/edit/",
        lambda w: {**event_data(w), "type": "detention"},
        WRITERS,
    ),
    Action(
        "add a follow-up",
        lambda w: f"/cases/{w.case.pk}/followups/new/",
        lambda w: {"kind": "hearing", "due": "2025-07-01", "note": "appeal hearing"},
        WRITERS,
    ),
    Action(
        "edit a follow-up",
        lambda w: f"/followups/{w.followup.pk}/edit/",
        lambda w: {"kind": "hearing", "due": "2025-07-02", "note": "moved"},
        WRITERS,
    ),
    Action(
        "mark a follow-up done",
        lambda w: f"/followups/{w.followup.pk}/done/",
        lambda w: {"outcome": "hearing held, adjourned"},
        WRITERS,
    ),
    Action(
        "snooze a follow-up",
        lambda w: f"/followups/{w.followup.pk}/snooze/",
        lambda w: {"until": "2025-06-15", "reason": "court closed"},
        WRITERS,
    ),
    Action("reopen a follow-up", lambda w: f"/followups/{w.done_followup.pk}/reopen/", lambda w: {}, WRITERS),
    Action("edit a person", lambda w: f"/defenders/{w.person.pk}/edit/", person_data, WRITERS),
    Action(
        "add an organisation",
        lambda w: "/organisations/new/",
        lambda w: {"name": "Lake Defenders", "kind": "ngo", "country": "KE"},
        WRITERS,
    ),
    Action(
        "edit an organisation",
        lambda w: f"/organisations/{w.organisation.pk}/edit/",
        lambda w: {"name": "Coast Rights Network", "kind": "ngo", "country": "KE"},
        WRITERS,
    ),
    Action(
        "delete an event",
        lambda w: f"/records/event/{w.event.pk}/delete/",
        lambda w: {"reason": "no such arrest"},
        WRITERS,
    ),
    Action(
        "restore an event", lambda w: f"/records/event/{w.deleted_event.pk}/restore/", lambda w: {}, WRITERS
    ),
    Action(
        "delete a case",
        lambda w: f"/records/case/{w.case.pk}/delete/",
        lambda w: {"reason": "duplicate"},
        DECIDERS,
    ),
    Action(
        "delete a person",
        lambda w: f"/records/person/{w.person.pk}/delete/",
        lambda w: {"reason": "duplicate"},
        DECIDERS,
    ),
    Action(
        "make an event public",
        lambda w: f"/records/event/{w.event.pk}/level/",
        lambda w: {"confidentiality": "public", "reason": "published by the family"},
        DECIDERS,
    ),
    Action(
        "make a source confidential",
        lambda w: f"/records/source/{w.source.pk}/level/",
        lambda w: {"confidentiality": "confidential", "reason": "names a witness"},
        DECIDERS,
    ),
    Action(
        "paste a text",
        lambda w: "/intake/",
        lambda w: {
            "text": "On 3 May 2025 police arrested lawyer Tumaini Example in Kisumu.",
            "confidentiality": "restricted",
        },
        WRITERS,
        answer=200,
    ),
    Action(
        "edit a source",
        lambda w: f"/review/{w.source.pk}/details/",
        lambda w: {
            "title": "Steppe appeal",
            "kind": "appeal",
            "publisher": "Harbour Watch",
            "url": "",
            "published": "2025-03-12",
            "language": "en",
        },
        WRITERS,
    ),
    Action("reject a suggestion", lambda w: f"/review/{w.source.pk}/5/reject/", lambda w: {}, WRITERS),
    Action(
        "correct a suggestion",
        lambda w: f"/review/{w.source.pk}/0/correct/",
        lambda w: {"s0-value": "Kazakhstan: Dana Example sentenced"},
        WRITERS,
    ),
    Action(
        "attach a suggested defender",
        lambda w: f"/review/{w.source.pk}/{defender_position(w)}/attach/",
        lambda w: {"person": w.person.pk},
        WRITERS,
    ),
    Action(
        "attach a suggested organisation",
        lambda w: f"/review/{w.source.pk}/{defender_position(w)}/organisations/",
        lambda w: {"organisation-0": str(w.organisation.pk)},
        WRITERS,
    ),
    Action("accept a source", lambda w: f"/review/{w.source.pk}/", lambda w: {"target": "new"}, WRITERS),
    Action(
        "compose an appeal",
        lambda w: f"/cases/{w.closed_case.pk}/appeals/new/",
        lambda w: {"language": "fr"},
        WRITERS,
    ),
    Action(
        "rewrite a section",
        lambda w: f"/appeals/{w.appeal.pk}/section/",
        lambda w: {"section": "summary", "summary-text": "Amina Example was arrested."},
        WRITERS,
    ),
    Action("edit the demands", lambda w: f"/appeals/{w.appeal.pk}/demands/", demands_data, WRITERS),
    Action(
        "translate a text of an appeal",
        lambda w: f"/appeals/{w.appeal.pk}/translate/",
        lambda w: {"language": "fr", "original": "Attorney General", "translation": "Procureur général"},
        WRITERS,
    ),
    Action(
        "keep untranslated texts as written",
        lambda w: f"/appeals/{w.appeal.pk}/confirm/",
        lambda w: {"language": "ru"},
        DECIDERS,
    ),
    Action("send an appeal for review", lambda w: f"/appeals/{w.appeal.pk}/advance/", lambda w: {}, WRITERS),
    Action(
        "approve an appeal",
        lambda w: f"/appeals/{w.appeal.pk}/advance/",
        lambda w: {},
        DECIDERS,
        prepare=lambda w: do_advance(w.appeal, acting_user=None),
    ),
    Action(
        "publish an appeal",
        lambda w: f"/appeals/{w.appeal.pk}/advance/",
        lambda w: {},
        DECIDERS,
        prepare=publish_ready,
    ),
    Action("edit the profile", lambda w: "/profile/", lambda w: profile_data(), DECIDERS),
]


def defender_position(w: World) -> int:
    return int(w.source.suggestions.get(field="defender").position)


def profile_data() -> dict[str, Any]:
    return {
        "name": "Harbour Watch",
        "board_title": "Board",
        "advisory_title": "Council",
        "office-TOTAL_FORMS": "1",
        "office-INITIAL_FORMS": "0",
        "office-city": "",
        "office-0-city": "Port",
        "office-0-address": "1 Quay",
        "authority-TOTAL_FORMS": "0",
        "authority-INITIAL_FORMS": "0",
    }


@pytest.mark.parametrize("target", PAGES, ids=[p.name for p in PAGES])
def test_each_page_opens_for_its_roles_and_is_refused_to_the_others(target: Page) -> None:
    world, accounts = make_world(), users()
    url = target.url(world)
    for role in ROLES:
        status = client_as(accounts[role]).get(url).status_code
        if role in target.allowed:
            assert status == 200, f"{role} should open {target.name}: got {status}"
        else:
            assert status in (403, 404), f"{role} should be refused {target.name}: got {status}"
    anonymous = client_as(None).get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/")


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_each_write_goes_through_for_its_roles_with_an_audit_entry(action: Action) -> None:
    world, accounts = make_world(), users()
    if action.prepare is not None:
        action.prepare(world)
    url, data = action.url(world), action.data(world)
    for role in [r for r in ROLES if r not in action.allowed]:
        writes = AuditEvent.objects.exclude(action__endswith=".read")  # opening a record is logged
        before = writes.count()
        status = client_as(accounts[role]).post(url, data).status_code
        assert status in (403, 404), f"{role} should be refused to {action.name}: got {status}"
        assert writes.count() == before, f"{role}'s refused {action.name} wrote something"
    for role in sorted(action.allowed):
        with transaction.atomic():
            before = AuditEvent.objects.count()
            response = client_as(accounts[role]).post(url, data)
            assert response.status_code == action.answer, (
                f"{role} could not {action.name}: {response.status_code}"
            )
            written = AuditEvent.objects.filter(seq__gt=before)
            assert written.exists(), f"{role}'s {action.name} left no audit entry"
            assert {e.actor for e in written} == {f"user:{accounts[role].username}"}
            transaction.set_rollback(True)
    assert client_as(None).post(url, data).status_code == 302
