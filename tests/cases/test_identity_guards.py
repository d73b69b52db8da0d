"""Regressions found by a second reader of the identity work, each named after what it guards."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from tests.factories import make_user
from vigil.cases.access import AccessDenied, readable_organisations
from vigil.cases.actions.entry import do_enter_person
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.identity import MatchError, do_merge, do_unmerge
from vigil.cases.actions.levels import do_set_confidentiality
from vigil.cases.actions.people import affiliate, find_or_create_organisation, find_or_create_person
from vigil.cases.actions.records import add_defenders, do_create_case
from vigil.cases.identity import CANDIDATE_ROWS, MATCHES_PER_MENTION
from vigil.cases.models import Case, Person, PersonMatch, Source
from vigil.cases.parts import roles_seen_by
from vigil.cases.presenters import merged_records, person_summary
from vigil.search.index import search

pytestmark = [pytest.mark.django_db, pytest.mark.db_backend]


def person(name: str, **fields: Any) -> Person:
    fields.setdefault("country", "KZ")
    with transaction.atomic():
        return find_or_create_person(acting_user=None, name=name, **fields)


def case_about(people: list[Person], level: str, title: str, members: list[Any] = ()) -> Case:  # type: ignore[assignment]
    with transaction.atomic():
        case = do_create_case(acting_user=None, title=title, confidentiality=level, country="KZ")
        case.members.set(members)
        add_defenders(acting_user=None, case=case, people=people)
    return case


def source_on(case: Case, level: str) -> Source:
    return Source.objects.create(title="s", fingerprint=f"{case.pk:064d}", confidentiality=level, case=case)


def test_a_merge_reindexes_the_kept_persons_own_cases() -> None:
    kept = person("Gulnara Bazhkenova", confidentiality="public")
    case_about([kept], "public", "Kazakhstan: a public case")
    analyst = make_user("an", "analyst")
    assert search(analyst, "Bazhkenova")
    secret = person("Гульнара Бажкенова", confidentiality="confidential")
    do_merge(kept, secret, acting_user=None)
    assert not [h for h in search(analyst, "Bazhkenova") if h.kind == "case"], "now confidential"


def test_raising_a_sources_level_raises_what_it_taught() -> None:
    case = case_about([], "restricted", "a case")
    source = source_on(case, "restricted")
    defender = person("Amina Example", confidentiality="restricted", roles=["whistleblower"], source=source)
    viewer = make_user("v", "viewer")
    assert roles_seen_by(defender, viewer) == ["whistleblower"]
    do_set_confidentiality(source, "confidential", reason="the author is at risk", acting_user=None)
    assert roles_seen_by(defender, viewer) == []


def test_undoing_a_merge_keeps_a_level_raised_since() -> None:
    coordinator = make_user("c", "coordinator")
    kept, absorbed = person("Nabeel Rajab", country="BH"), person("Nabil Rajab", country="BH")
    do_merge(kept, absorbed, acting_user=coordinator)
    kept.refresh_from_db()
    do_set_confidentiality(kept, "confidential", reason="threats", acting_user=None)
    do_unmerge(absorbed, acting_user=None)
    kept.refresh_from_db()
    assert kept.confidentiality == "confidential"


def test_merges_are_undone_last_first_and_only_by_who_sees_both() -> None:
    a, b, c = (
        person("Nabeel Rajab", country="BH"),
        person("Nabil Rajab", country="BH"),
        person("Nabeel Rajjab", country="BH"),
    )
    do_merge(b, a, acting_user=None)
    b.refresh_from_db()
    do_merge(c, b, acting_user=None)
    with pytest.raises(MatchError, match="undo that merge first"):
        do_unmerge(Person.objects.get(pk=a.pk), acting_user=None)
    do_unmerge(Person.objects.get(pk=b.pk), acting_user=None)
    do_unmerge(Person.objects.get(pk=a.pk), acting_user=None)
    assert list(Person.objects.get(pk=a.pk).names.values_list("name", flat=True)) == ["Nabeel Rajab"]
    hidden = person("Ales Bialiatski", country="BY", confidentiality="confidential")
    shown = person("Ales Bialiatsky", country="BY")
    do_merge(hidden, shown, acting_user=None)
    with pytest.raises(AccessDenied):
        do_unmerge(Person.objects.get(pk=shown.pk), acting_user=make_user("c2", "coordinator"))


def test_the_merged_list_names_no_survivor_the_reader_may_not_see() -> None:
    hidden = person("Ales Bialiatski", country="BY", confidentiality="confidential")
    shown = person("Ales Bialiatsky", country="BY")
    do_merge(hidden, shown, acting_user=None)
    assert list(merged_records(make_user("v", "viewer"), "person")) == []


def test_an_organisation_known_only_through_a_confidential_tie_stays_hidden() -> None:
    coordinator = make_user("named", "coordinator")
    defender = person("Amina Example", confidentiality="restricted")
    case = case_about([defender], "restricted", "a case")
    secret = source_on(case_about([], "confidential", "secret case", [coordinator]), "confidential")
    with transaction.atomic():
        network = find_or_create_organisation(
            acting_user=None, name="Underground Network", country="KZ", confidentiality="confidential"
        )
        affiliate(
            acting_user=None,
            person=defender,
            organisation=network,
            role="",
            confidentiality="confidential",
            source=secret,
        )
    assert network not in readable_organisations(make_user("v", "viewer"))
    assert network in readable_organisations(coordinator)
    assert case.pk


def test_a_person_entered_by_hand_is_proposed_against_namesakes() -> None:
    first = do_enter_person(acting_user=None, name="Dana Example", country="KZ")
    second = do_enter_person(acting_user=None, name="Dana Example", country="KZ")
    assert first.pk != second.pk
    assert PersonMatch.objects.filter(left=first, right=second).exists()


def test_roles_typed_in_on_a_confidential_person_are_seen_by_who_may_read_it() -> None:
    coordinator = make_user("named", "coordinator")
    secret = do_enter_person(
        acting_user=None, name="Hidden Example", confidentiality="confidential", roles=["lawyer"]
    )
    case_about([secret], "confidential", "secret case", [coordinator])
    assert person_summary(secret, coordinator)["roles"] == ["lawyer"]


def test_a_common_name_still_finds_its_exact_person_and_proposes_few() -> None:
    with transaction.atomic():
        for index in range(CANDIDATE_ROWS + 6):
            find_or_create_person(
                acting_user=None, name="Ali Hassan", country=f"{chr(65 + index // 10)}{index % 10}"
            )
    assert Person.objects.count() == CANDIDATE_ROWS + 6, "namesakes in other countries stay apart"
    home = person("Ali Hassan", country="KZ")
    again = person("Ali Hassan", country="KZ")
    assert again.pk == home.pk
    assert PersonMatch.objects.filter(right=home).count() <= MATCHES_PER_MENTION


def test_an_editor_may_not_file_a_confidential_sources_defender_under_a_more_open_person() -> None:
    from vigil.cases.models import Suggestion
    from vigil.intake.review import do_attach

    case = case_about([], "confidential", "secret case")
    source = source_on(case, "confidential")
    suggestion = Suggestion.objects.create(
        source=source,
        field="defender",
        value={"name": "Amina Example", "gender": "female", "roles": [], "organisations": []},
        position=0,
    )
    open_person = person("Amina Example", confidentiality="restricted")
    with pytest.raises(NotAllowed):
        do_attach(suggestion, open_person, acting_user=make_user("ed", "editor"))
    do_attach(suggestion, open_person, acting_user=make_user("co", "coordinator"))


def test_undoing_a_merge_keeps_a_case_that_named_the_kept_person_since() -> None:
    kept, absorbed = person("Nabeel Rajab", country="BH"), person("Nabil Rajab", country="BH")
    moved_case = case_about([absorbed], "public", "Bahrain: the absorbed spelling's case")
    do_merge(kept, absorbed, acting_user=None)
    kept.refresh_from_db()
    assert list(moved_case.defenders.all()) == [kept]
    later = source_on(moved_case, "public")
    find_or_create_person(acting_user=None, name="Nabeel Rajab", country="BH", roles=["lawyer"], source=later)
    do_unmerge(Person.objects.get(pk=absorbed.pk), acting_user=None)
    assert set(moved_case.defenders.values_list("pk", flat=True)) == {kept.pk, absorbed.pk}


def test_undoing_a_merge_takes_back_a_case_only_the_merge_gave() -> None:
    kept, absorbed = person("Nabeel Rajab", country="BH"), person("Nabil Rajab", country="BH")
    moved_case = case_about([absorbed], "public", "Bahrain: the absorbed spelling's case")
    do_merge(kept, absorbed, acting_user=None)
    do_unmerge(Person.objects.get(pk=absorbed.pk), acting_user=None)
    assert list(moved_case.defenders.values_list("pk", flat=True)) == [absorbed.pk]
