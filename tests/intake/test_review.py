"""Review: suggestions stored without --accept are accepted later, minus the rejected ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import make_user
from tests.fixtures import STEPPE_APPEAL, STEPPE_UPDATE
from vigil.audit.models import AuditEvent
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.models import Case, Event, Source, Suggestion, SuggestionStatus
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.matching import matching_cases
from vigil.intake.review import (
    ReviewError,
    do_accept,
    do_attach,
    do_correct,
    do_decide,
    do_reopen,
    do_review,
)
from vigil.intake.store import do_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(seed_path: Path) -> Source:
    extracted = read_for_intake(seed_path)
    assert isinstance(extracted, ExtractedFile)
    outcome = do_ingest(extracted, acting_user=None, confidentiality="restricted", accept=False)
    return Source.objects.get(pk=outcome.source_id)


def test_pending_suggestions_become_a_case_and_rejected_ones_do_not(stored: Source) -> None:
    assert stored.case is None
    protest = next(
        s for s in stored.suggestions.filter(field="event") if s.value["type"] == "protest"
    ).position
    demand = stored.suggestions.filter(field="demand").order_by("position").first()
    assert demand is not None
    case = do_review(stored, reject=[protest, demand.position], acting_user=make_user("co", "coordinator"))
    assert [p.name for p in case.defenders.all()] == ["Zhanar Sekerbayeva"]
    assert not case.events.filter(type="protest").exists()
    assert [e.duration for e in case.events.filter(type="sentence")] == ["10 days"]
    demands = [d.text for i in case.interventions.all() for d in i.demands.all()]
    assert len(demands) == 3 and demand.value not in demands
    statuses = set(stored.suggestions.values_list("status", flat=True))
    assert statuses == {SuggestionStatus.ACCEPTED, SuggestionStatus.REJECTED}
    assert AuditEvent.objects.filter(action="suggestions.reject").exists()
    assert case.followups.filter(kind="expected_release", due="2025-03-10").exists()


def test_a_source_is_accepted_once_and_viewers_cannot(stored: Source) -> None:
    with pytest.raises(NotAllowed):
        do_review(stored, reject=[], acting_user=make_user("vi", "viewer"))
    with pytest.raises(ReviewError, match="no suggestion 999"):
        do_review(stored, reject=[999], acting_user=None)
    do_review(stored, reject=[], acting_user=None)
    stored.refresh_from_db()
    with pytest.raises(ReviewError, match="already reviewed into case"):
        do_review(stored, reject=[], acting_user=None)


def ingested(path: Path, level: str = "restricted") -> Source:
    extracted = read_for_intake(path)
    assert isinstance(extracted, ExtractedFile)
    outcome = do_ingest(extracted, acting_user=None, confidentiality=level, accept=False)
    return Source.objects.get(pk=outcome.source_id)


def event_suggestion(source: Source, kind: str, **value: object) -> Suggestion:
    return next(
        s
        for s in source.suggestions.filter(field="event").order_by("position")
        if s.value["type"] == kind and all(s.value.get(k) == v for k, v in value.items())
    )


def test_corrected_facts_become_records_as_corrected_and_the_original_is_kept() -> None:
    source = ingested(STEPPE_APPEAL)
    editor = make_user("ed", "editor")
    defender = source.suggestions.get(field="defender")
    do_correct(defender, {"roles": "woman human rights defender, lawyer"}, acting_user=editor)
    threat = event_suggestion(source, "threat")
    do_correct(threat, {"date": "2025-03", "location": "Almaty"}, acting_user=editor)
    wrong = event_suggestion(source, "detention", duration="15 days")
    do_decide(wrong, keep=False, acting_user=editor)
    with pytest.raises(ReviewError, match="YYYY"):
        do_correct(threat, {"date": "5 March"}, acting_user=editor)
    case = do_accept(source, acting_user=editor)
    person = case.defenders.get()
    assert list(person.roles.values_list("role", flat=True)) == ["woman human rights defender", "lawyer"]
    stored = case.events.get(type="threat")
    assert (stored.date_precision, stored.date.isoformat(), stored.place) == ("month", "2025-03-01", "Almaty")
    assert stored.evidence.get().excerpt().startswith("On 5 March 2025, unknown men")
    assert case.events.filter(type="detention").count() == 1
    threat.refresh_from_db()
    assert threat.status == SuggestionStatus.EDITED and threat.original["date"] == "2025-03-05"
    assert threat.record == {"model": "event", "id": stored.pk}
    assert AuditEvent.objects.filter(action="suggestion.correct").count() == 2
    assert AuditEvent.objects.filter(action="suggestion.reject").count() == 1


def test_an_update_goes_into_the_defenders_case_and_a_renamed_defender_is_attached() -> None:
    editor = make_user("ed", "editor")
    first = do_accept(ingested(STEPPE_APPEAL), acting_user=editor)
    person = first.defenders.get()
    update = ingested(STEPPE_UPDATE)
    assert [c.pk for c in matching_cases(None, update)] == [first.pk]
    defender = update.suggestions.get(field="defender")
    do_correct(defender, {"name": "Dana Examplova"}, acting_user=editor)
    do_attach(defender, person, acting_user=editor)
    do_decide(event_suggestion(update, "detention"), keep=False, acting_user=editor)
    case = do_accept(update, acting_user=editor, case=first)
    assert case.pk == first.pk and list(case.defenders.all()) == [person]
    person.refresh_from_db()
    assert "Dana Examplova" in person.names.values_list("name", flat=True)
    assert case.events.filter(type="release").exists()
    case.refresh_from_db()
    assert case.situation == "released"
    assert Case.objects.count() == 1


def test_a_reopened_review_can_accept_what_was_rejected_and_withdraw_what_was_accepted() -> None:
    editor = make_user("ed", "editor")
    source = ingested(STEPPE_APPEAL)
    threat = event_suggestion(source, "threat")
    do_decide(threat, keep=False, acting_user=editor)
    case = do_accept(source, acting_user=editor)
    assert not case.events.filter(type="threat").exists()
    with pytest.raises(ReviewError, match="reopen"):
        do_decide(threat, keep=True, acting_user=editor)
    do_reopen(source, acting_user=editor)
    do_decide(threat, keep=True, acting_user=editor)
    wrong = event_suggestion(source, "detention", duration="15 days")
    do_decide(wrong, keep=False, acting_user=editor)
    assert do_accept(source, acting_user=editor).pk == case.pk
    assert case.events.filter(type="threat").count() == 1
    assert case.events.filter(type="detention").count() == 1
    deleted = Event.all_objects.filter(case=case, deleted_at__isnull=False).get()
    assert deleted.deleted_reason == f"rejected at the reopened review of source {source.pk}"
    assert AuditEvent.objects.filter(action="source.reopen_review").count() == 1
    assert Case.objects.count() == 1
