"""One defender, one record: reuse only under the exact rule, possible matches otherwise,
merges a coordinator makes and can undo, and parts that keep their source's level."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction

from tests.factories import make_user
from vigil.audit.chain import verify
from vigil.audit.models import AuditEvent
from vigil.cases.access import AccessDenied
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.identity import MatchError, do_mark_distinct, do_merge, do_unmerge
from vigil.cases.actions.people import (
    add_alias,
    add_person_parts,
    affiliate,
    find_or_create_organisation,
    find_or_create_person,
)
from vigil.cases.actions.records import add_defenders, add_event, do_create_case
from vigil.cases.export import public_export
from vigil.cases.identity import Mention
from vigil.cases.models import (
    Case,
    MatchStatus,
    Organisation,
    OrganisationMatch,
    Person,
    PersonMatch,
    Source,
)
from vigil.cases.presenters import defender_timeline, person_summary
from vigil.search.index import search

pytestmark = [pytest.mark.django_db, pytest.mark.db_backend]


def person(name: str, **fields: Any) -> Person:
    fields.setdefault("country", "KZ")
    with transaction.atomic():
        return find_or_create_person(acting_user=None, name=name, **fields)


def case_with(people: list[Person], level: str = "restricted", title: str = "A case") -> Case:
    with transaction.atomic():
        case = do_create_case(acting_user=None, title=title, confidentiality=level, country="KZ")
        add_defenders(acting_user=None, case=case, people=people)
    return case


def matches_of(p: Person) -> list[PersonMatch]:
    return list(PersonMatch.objects.filter(left=p) | PersonMatch.objects.filter(right=p))


def test_the_same_name_in_the_same_country_is_one_person() -> None:
    first = person("Zhanar Sekerbayeva", gender="female")
    again = person("zhanar  SEKERBAYEVA", gender="female")
    assert again.pk == first.pk
    assert Person.objects.count() == 1 and PersonMatch.objects.count() == 0


def test_another_spelling_is_a_new_person_with_a_possible_match_and_its_reasons() -> None:
    first = person("Zhanar Sekerbayeva", gender="female")
    cyrillic = person("Жанар Секербаева", gender="female")
    assert cyrillic.pk != first.pk
    [match] = matches_of(cyrillic)
    assert {match.left_id, match.right_id} == {first.pk, cyrillic.pk}
    assert match.status == MatchStatus.PENDING
    assert "written in another script" in match.reasons and "same country" in match.reasons
    assert match.score >= 80


@pytest.mark.parametrize(
    ("first", "second"),
    [("Mohamed Ali", "Mohamed Alim"), ("Anna Ivanova", "Anna Ivanov"), ("Peter Otieno", "Paul Otieno")],
)
def test_different_people_are_never_merged_and_namesakes_are_not_even_proposed(
    first: str, second: str
) -> None:
    a, b = person(first), person(second)
    assert a.pk != b.pk and not matches_of(b)


def test_the_same_words_in_another_order_are_only_a_candidate() -> None:
    a, b = person("Ali Ahmed"), person("Ahmed Ali")
    assert a.pk != b.pk
    [match] = matches_of(b)
    assert "same words in another order" in match.reasons


def test_the_same_name_in_another_country_is_another_person() -> None:
    kenyan = person("Amina Mohamed", country="KE")
    somali = person("Amina Mohamed", country="SO")
    assert kenyan.pk != somali.pk
    [match] = matches_of(somali)
    assert "another country" in match.reasons


def test_known_genders_that_differ_keep_records_apart() -> None:
    a = person("Sasha Petrenko", gender="female")
    b = person("Sasha Petrenko", gender="male")
    assert a.pk != b.pk and not matches_of(b)


def test_a_confidential_source_never_attaches_to_a_less_confidential_person() -> None:
    public = person("Olga Smirnova", confidentiality="public")
    secret = person("Olga Smirnova", confidentiality="confidential", roles=["lawyer"])
    assert secret.pk != public.pk
    assert secret.confidentiality == "confidential" and public.confidentiality == "public"
    [match] = matches_of(secret)
    assert "the same name at another level" in match.reasons
    assert not public.roles.exists()


def test_a_less_confidential_source_may_reuse_a_stricter_person_and_its_parts_keep_their_level() -> None:
    staff = person("Olga Smirnova", confidentiality="restricted")
    public_mention = person("Olga Smirnova", confidentiality="public", roles=["journalist"])
    assert public_mention.pk == staff.pk
    assert list(staff.roles.values_list("role", "confidentiality")) == [("journalist", "public")]


def test_a_confidential_person_takes_only_confidential_sources() -> None:
    secret = person("Olga Smirnova", confidentiality="confidential")
    restricted = person("Olga Smirnova", confidentiality="restricted")
    assert restricted.pk != secret.pk, "a restricted case naming her would open her record to all staff"


def test_no_known_country_or_a_single_word_is_never_enough_to_reuse() -> None:
    assert person("Aliya Bekova", country="").pk != person("Aliya Bekova", country="").pk
    assert person("Ali").pk != person("Ali").pk
    assert person("M. Ali").pk != person("Mr Ali").pk


def test_a_spelling_known_only_at_a_stricter_level_neither_attracts_nor_appears() -> None:
    owl = person("Steppe Owl Example", confidentiality="confidential")
    from vigil.cases.identity import person_candidates

    assert person_candidates("Steppe Owl Example", levels=["public", "restricted"]) == []
    assert [c.person_id for c in person_candidates("Steppe Owl Example")] == [owl.pk]
    restricted = person("Steppe Owl Example", confidentiality="restricted")
    assert restricted.pk != owl.pk and not matches_of(restricted)


def test_an_initial_is_a_candidate_for_the_full_name_only() -> None:
    full = person("Zhanar Sekerbayeva")
    person("Zhanna Sekerbekova")
    initialled = person("Z. Sekerbayeva")
    reasons = {
        m.left_id if m.right_id == initialled.pk else m.right_id: m.reasons for m in matches_of(initialled)
    }
    assert full.pk in reasons and "same surname and initial" in reasons[full.pk]


def test_merge_moves_every_part_takes_the_stricter_level_and_can_be_undone() -> None:
    coordinator = make_user("coord", "coordinator")
    kept = person("Zhanar Sekerbayeva", gender="female", roles=["journalist"], confidentiality="restricted")
    other = person("Жанар Секербаева", confidentiality="confidential", roles=["poet"])
    with transaction.atomic():
        feminita = find_or_create_organisation(acting_user=None, name="Feminita", country="KZ")
        affiliate(
            acting_user=None, person=other, organisation=feminita, role="", confidentiality="confidential"
        )
    first_case, second_case = case_with([kept], title="first"), case_with([other], "confidential", "second")
    with transaction.atomic():
        event = add_event(
            acting_user=None, case=second_case, victims=[other], type="arrest", date=dt.date(2025, 2, 28)
        )
    with pytest.raises(AccessDenied):
        do_merge(kept, other, acting_user=coordinator)  # not named on the confidential case
    assert Person.objects.get(pk=other.pk).merged_into_id is None
    second_case.members.add(coordinator)

    do_merge(kept, other, acting_user=coordinator)
    kept.refresh_from_db()
    other.refresh_from_db()
    assert other.merged_into_id == kept.pk
    assert kept.confidentiality == "confidential", "the stricter level of the two"
    assert set(kept.names.values_list("name", flat=True)) == {"Zhanar Sekerbayeva", "Жанар Секербаева"}
    assert set(kept.roles.values_list("role", flat=True)) == {"journalist", "poet"}
    assert list(kept.affiliations.values_list("organisation__name", flat=True)) == ["Feminita"]
    assert set(kept.cases.all()) == {first_case, second_case} and list(event.victims.all()) == [kept]
    assert PersonMatch.objects.get(left=kept, right=other).status == MatchStatus.MERGED
    again = person("Жанар Секербаева", confidentiality="confidential")
    assert again.pk == kept.pk, "a spelling the merged person carries is reused"

    do_unmerge(other, acting_user=coordinator)
    kept.refresh_from_db()
    other.refresh_from_db()
    assert other.merged_into_id is None and kept.confidentiality == "restricted"
    assert list(other.names.values_list("name", flat=True)) == ["Жанар Секербаева"]
    assert list(other.roles.values_list("role", flat=True)) == ["poet"]
    assert list(kept.cases.all()) == [first_case] and list(other.cases.all()) == [second_case]
    assert list(event.victims.all()) == [other]
    assert PersonMatch.objects.get(left=kept, right=other).status == MatchStatus.PENDING
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "identity.merge" in actions and "identity.unmerge" in actions
    assert verify(require_head=False).ok  # the test's transaction never commits: no head file


def test_not_the_same_is_remembered() -> None:
    coordinator = make_user("coord", "coordinator")
    a, b = person("Nabeel Rajab", country="BH"), person("Nabil Rajab", country="BH")
    do_mark_distinct(a, b, acting_user=coordinator)
    person("Nabil Rajab", country="BH")  # the same spelling again: reused, nothing asked
    assert PersonMatch.objects.count() == 1
    assert PersonMatch.objects.get().status == MatchStatus.DISTINCT
    with pytest.raises(MatchError):
        do_mark_distinct(a, a, acting_user=coordinator)


@pytest.mark.parametrize("role", ["editor", "viewer", "analyst"])
def test_only_coordinators_and_admins_decide(role: str) -> None:
    a, b = person("Nabeel Rajab", country="BH"), person("Nabil Rajab", country="BH")
    user = make_user(f"u-{role}", role)
    with pytest.raises(NotAllowed):
        do_merge(a, b, acting_user=user)
    with pytest.raises(NotAllowed):
        do_mark_distinct(a, b, acting_user=user)
    assert Person.objects.get(pk=b.pk).merged_into_id is None


def confidential_source(title: str, named: list[Any]) -> Source:
    """A confidential source on a confidential case whose members are ``named``."""
    with transaction.atomic():
        case = do_create_case(acting_user=None, title=title, confidentiality="confidential", country="KZ")
        case.members.set(named)
        return Source.objects.create(
            title=title, fingerprint=title.encode().hex()[:64], confidentiality="confidential", case=case
        )


def test_a_reader_sees_only_the_parts_of_their_levels_or_of_cases_they_are_named_on() -> None:
    viewer, analyst = make_user("viewer", "viewer"), make_user("analyst", "analyst")
    named = make_user("named", "coordinator")
    defender = person("Amina Example", confidentiality="public", roles=["journalist"])
    with transaction.atomic():
        case = do_create_case(acting_user=None, title="public", confidentiality="public", country="KZ")
        add_defenders(acting_user=None, case=case, people=[defender])
    secret = confidential_source("a safe-house report", [named])
    person("Amina Example", confidentiality="confidential", roles=["CANARYROLE"], source=secret)
    assert Person.objects.count() == 2, "a confidential source never files under a public person"
    with transaction.atomic():
        hidden_org = find_or_create_organisation(
            acting_user=None, name="Canary Underground Network", country="KZ", confidentiality="public"
        )
        affiliate(
            acting_user=None,
            person=defender,
            organisation=hidden_org,
            role="",
            confidentiality="confidential",
            source=secret,
        )
        add_alias(defender, "Canaryalias Example", acting_user=None, level="confidential", source=secret)
        add_person_parts(
            acting_user=None,
            person=defender,
            mention=Mention("Amina Example", "KZ", "unknown", "confidential", source=secret),
            roles=["CANARYROLE"],
        )
    for user in (viewer, analyst, make_user("other", "coordinator")):
        seen = person_summary(defender, user)
        assert "CANARYROLE" not in seen["roles"] and "journalist" in seen["roles"]
        assert seen["organisations"] == [] and seen["aliases"] == []
        assert not search(user, "Canaryalias")
    for user in (None, named):
        seen = person_summary(defender, user)
        assert "CANARYROLE" in seen["roles"] and seen["aliases"] == ["Canaryalias Example"]
        assert seen["organisations"] == ["Canary Underground Network"]
    exported = str(public_export())
    assert "CANARYROLE" not in exported and "Canaryalias" not in exported and "journalist" in exported


def test_the_defender_timeline_lists_possible_matches_only_for_those_who_see_both() -> None:
    viewer = make_user("viewer", "viewer")
    shown = person("Nabeel Rajab", country="BH", confidentiality="restricted")
    hidden = person("Nabil Rajab", country="BH", confidentiality="confidential")
    assert [m["person_id"] for m in defender_timeline(None, shown)["possible_matches"]] == [hidden.pk]
    assert defender_timeline(viewer, shown)["possible_matches"] == []


def test_organisations_reuse_their_short_name_and_propose_variants() -> None:
    with transaction.atomic():
        full = find_or_create_organisation(
            acting_user=None, name="Kazakhstan Feminist Initiative “Feminita”", country="KZ"
        )
        short = find_or_create_organisation(acting_user=None, name="Feminita", country="KZ")
        variant = find_or_create_organisation(acting_user=None, name="Feminitta", country="KZ")
    assert short.pk == full.pk
    assert variant.pk != full.pk
    assert OrganisationMatch.objects.filter(left=full, right=variant).exists()
    assert Organisation.objects.count() == 2


def test_candidates_come_from_the_index_not_a_scan(django_assert_max_num_queries: Any) -> None:
    for i in range(30):
        person(f"Generated Person{i:03d} Example{i:03d}")
    from vigil.cases.identity import person_candidates

    with django_assert_max_num_queries(2):
        found = person_candidates("Жанар Секербаева")
    assert found == []
