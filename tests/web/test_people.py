"""The defender page and the possible-matches page: access per role, decisions by coordinators."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from tests.factories import make_case, make_user, signed_in_client, the
from vigil.audit.models import AuditEvent
from vigil.cases.actions.people import find_or_create_person
from vigil.cases.actions.records import add_defenders, do_create_case
from vigil.cases.models import MatchStatus, Person, PersonMatch

pytestmark = pytest.mark.django_db


def signed_in(role: str) -> Client:
    return signed_in_client(make_user(f"{role}-people", role))


def two_spellings(level: str = "restricted") -> tuple[Person, Person, PersonMatch]:
    with transaction.atomic():
        first = find_or_create_person(
            acting_user=None, name="Nabeel Rajab", country="BH", confidentiality=level
        )
        second = find_or_create_person(
            acting_user=None, name="Nabil Rajab", country="BH", confidentiality=level
        )
    return first, second, PersonMatch.objects.get()


def test_defender_page_shows_names_cases_and_possible_matches() -> None:
    first, second, _ = two_spellings()
    with transaction.atomic():
        case = do_create_case(acting_user=None, title="Bahrain: defender detained", country="BH")
        add_defenders(acting_user=None, case=case, people=[first])
    page = signed_in("viewer").get(f"/defenders/{first.pk}/").content.decode()
    assert "Nabeel Rajab" in page and case.title in page
    assert "May be the same person as" in page and f"/defenders/{second.pk}/" in page
    assert "Decide on the possible matches" not in page, "a viewer decides nothing"


def test_defender_page_of_a_hidden_person_is_not_found() -> None:
    make_case("Confidential case", "confidential", defender="Hidden Person")
    hidden = the(Person.objects.all(), name="Hidden Person")
    assert signed_in("viewer").get(f"/defenders/{hidden.pk}/").status_code == 404
    assert signed_in("analyst").get(f"/defenders/{hidden.pk}/").status_code == 404
    assert Client().get(f"/defenders/{hidden.pk}/").status_code == 302


@pytest.mark.parametrize("role", ["viewer", "editor", "analyst"])
def test_only_coordinators_see_and_use_the_decision_buttons(role: str) -> None:
    _, _, match = two_spellings("public" if role == "analyst" else "restricted")
    client = signed_in(role)
    page = client.get("/matches/").content.decode()
    assert "Nabil Rajab" in page and "Merge, keep the first" not in page
    response = client.post(f"/matches/person/{match.pk}/", {"decision": "keep-left"})
    assert response.status_code == 403
    assert PersonMatch.objects.get().status == MatchStatus.PENDING


def test_a_coordinator_merges_then_undoes_from_the_browser() -> None:
    first, second, match = two_spellings()
    client = signed_in("coordinator")
    assert "Merge, keep the first" in client.get("/matches/").content.decode()
    response = client.post(f"/matches/person/{match.pk}/", {"decision": "keep-left"}, follow=True)
    assert "was merged into" in response.content.decode()
    assert Person.objects.get(pk=second.pk).merged_into_id == first.pk
    page = client.get(f"/defenders/{second.pk}/").content.decode()
    assert "This record was merged" in page and "Undo the merge" in page
    client.post(f"/matches/person/{second.pk}/unmerge/")
    assert Person.objects.get(pk=second.pk).merged_into_id is None
    client.post(f"/matches/person/{match.pk}/", {"decision": "distinct"})
    assert PersonMatch.objects.get().status == MatchStatus.DISTINCT
    assert "Nothing to decide" in client.get("/matches/").content.decode()
    assert AuditEvent.objects.filter(action__startswith="identity.").count() == 3


def test_a_match_with_a_record_the_reader_may_not_see_is_neither_listed_nor_decidable() -> None:
    with transaction.atomic():
        find_or_create_person(acting_user=None, name="Nabeel Rajab", country="BH")
        find_or_create_person(
            acting_user=None, name="Nabil Rajab", country="BH", confidentiality="confidential"
        )
    match = PersonMatch.objects.get()
    client = signed_in("coordinator")
    assert "Nabil Rajab" not in client.get("/matches/").content.decode()
    assert client.post(f"/matches/person/{match.pk}/", {"decision": "keep-left"}).status_code == 404
    assert client.post(f"/matches/planet/{match.pk}/", {"decision": "keep-left"}).status_code == 404
