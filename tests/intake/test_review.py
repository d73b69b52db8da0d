"""Review: suggestions stored without --accept are accepted later, minus the rejected ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import make_user
from vigil.audit.models import AuditEvent
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.models import Source, SuggestionStatus
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.review import ReviewError, do_review
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
    protest = stored.suggestions.get(field="event", value__type="protest").position
    demand = stored.suggestions.filter(field="demand").order_by("position").first()
    assert demand is not None
    case = do_review(stored, reject=[protest, demand.position], acting_user=make_user("co", "coordinator"))
    assert [p.name for p in case.defenders.all()] == ["Zhanar Sekerbayeva"]
    assert not case.events.filter(type="protest").exists()
    assert case.events.filter(type="sentence", duration="10 days").exists()
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
    with pytest.raises(ReviewError, match="already accepted"):
        do_review(stored, reject=[], acting_user=None)
