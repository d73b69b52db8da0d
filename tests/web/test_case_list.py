"""The case list: filters as GET parameters, sorting, paging, assignment, and counts that never
reveal a record the reader may not see."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import transaction
from django.utils import timezone

from tests.factories import make_case, make_user, signed_in_client
from vigil.audit.models import AuditEvent
from vigil.cases.actions.assignment import AssignmentError, do_set_assignees
from vigil.cases.actions.entry import do_enter_event, do_enter_followup, do_enter_person
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.listing import PAGE_SIZE, CaseQuery, CaseQueryError, case_list
from vigil.cases.models import Case

pytestmark = pytest.mark.django_db


def titles(page: str) -> list[str]:
    return re.findall(r'<tr id="case-\d+">\s*<td[^>]*><a href="/cases/\d+/">([^<]+)</a>', page)


def count_of(page: str) -> int:
    found = re.search(r'role="status">(\d+) case', page)
    assert found is not None, "the count is shown"
    return int(found.group(1))


def case_in(country: str, title: str, level: str = "restricted", defender: str = "Aliya Example") -> Case:
    """A case filed in ``country`` (``make_case`` files every case in Kenya)."""
    case = make_case(title, level, defender=defender)
    Case.objects.filter(pk=case.pk).update(country=country)
    case.refresh_from_db()
    return case


def cases_in_two_countries() -> tuple[Case, Case, Case]:
    kz = case_in("KZ", "Kazakhstan: lawyer detained")
    ke = make_case("Kenya: paralegal threatened", defender="Baraka Example")
    ke2 = make_case("Kenya: journalist sentenced", defender="Chao Example")
    return kz, ke, ke2


def test_filters_are_get_parameters_and_combine() -> None:
    kz, ke, ke2 = cases_in_two_countries()
    Case.objects.filter(pk=ke2.pk).update(situation="sentenced")
    do_enter_event(acting_user=None, case=ke2, type="sentence", date=dt.date(2024, 9, 1))
    do_enter_event(acting_user=None, case=kz, type="arrest", date=dt.date(2025, 3, 6))
    viewer = signed_in_client(make_user("viewer-list", "viewer"))
    assert sorted(titles(viewer.get("/cases/?country=KE").content.decode())) == sorted([ke.title, ke2.title])
    page = viewer.get("/cases/?country=KE&situation=sentenced").content.decode()
    assert titles(page) == [ke2.title] and count_of(page) == 1
    assert titles(viewer.get("/cases/?violation=arbitrary_detention").content.decode()) == [kz.title]
    assert titles(viewer.get("/cases/?event_type=sentence").content.decode()) == [ke2.title]
    assert titles(viewer.get("/cases/?year=2024").content.decode()) == [ke2.title]
    assert count_of(viewer.get("/cases/?year=1990").content.decode()) == 0
    refused = viewer.get("/cases/?situation=flying")
    assert refused.status_code == 200 and "errorlist" in refused.content.decode()
    assert count_of(refused.content.decode()) == 3, "an unknown value filters nothing and says so"


def test_a_filter_never_counts_a_record_the_reader_may_not_see() -> None:
    kz, ke, _ = cases_in_two_countries()
    do_enter_event(
        acting_user=None, case=ke, type="killing", date=dt.date(2025, 1, 1), confidentiality="confidential"
    )
    do_enter_person(
        acting_user=None, name="Hidden Witness", case=kz, gender="other", confidentiality="confidential"
    )
    viewer = signed_in_client(make_user("viewer-leak", "viewer"))
    assert count_of(viewer.get("/cases/?event_type=killing").content.decode()) == 0
    assert count_of(viewer.get("/cases/?violation=killing").content.decode()) == 0
    assert count_of(viewer.get("/cases/?year=2025&country=KE").content.decode()) == 0
    assert count_of(viewer.get("/cases/?gender=other").content.decode()) == 0
    make_case("Confidential: unseen", "confidential", defender="Unseen Example")
    assert count_of(viewer.get("/cases/?confidentiality=confidential").content.decode()) == 0
    admin = signed_in_client(make_user("admin-leak", "admin"))
    assert titles(admin.get("/cases/?event_type=killing").content.decode()) == [ke.title]
    assert titles(admin.get("/cases/?gender=other").content.decode()) == [kz.title]
    assert count_of(admin.get("/cases/?confidentiality=confidential").content.decode()) == 1


def test_rows_show_the_next_follow_up_due_and_sort_by_it() -> None:
    kz, ke, ke2 = cases_in_two_countries()
    today = timezone.localdate()
    do_enter_followup(acting_user=None, case=ke, kind="hearing", due=today + dt.timedelta(days=9))
    do_enter_followup(acting_user=None, case=kz, kind="reply_due", due=today - dt.timedelta(days=2))
    do_enter_followup(
        acting_user=None,
        case=ke2,
        kind="check_in",
        due=today + dt.timedelta(days=1),
        confidentiality="confidential",
    )
    viewer = signed_in_client(make_user("viewer-due", "viewer"))
    page = viewer.get("/cases/?sort=due").content.decode()
    assert titles(page) == [kz.title, ke.title, ke2.title], "overdue first, a case with nothing due last"
    kz_row = re.search(rf'<tr id="case-{kz.pk}">.*?</tr>', page, re.S)
    assert kz_row is not None and "follow-up overdue" in kz_row.group(0) and "reply due" in kz_row.group(0)
    ke2_row = re.search(rf'<tr id="case-{ke2.pk}">.*?</tr>', page, re.S)
    assert ke2_row is not None and "check-in" not in ke2_row.group(0), "a confidential follow-up stays hidden"
    assert [c.title for c in case_list(None, CaseQuery(sort="title"))] == sorted(
        [kz.title, ke.title, ke2.title], key=str.lower
    )


def test_last_activity_follows_the_latest_change_the_reader_may_see() -> None:
    _kz, ke, _ke2 = cases_in_two_countries()
    Case.objects.update(updated_at=timezone.now() - dt.timedelta(days=30))
    do_enter_event(acting_user=None, case=ke, type="threat", date=dt.date(2025, 5, 1))
    ordered = [c.title for c in case_list(None, CaseQuery())]
    assert ordered[0] == ke.title


def test_paging_fifty_a_page_keeps_the_filters() -> None:
    with transaction.atomic():
        for n in range(PAGE_SIZE + 3):
            make_case(f"Kenya case {n:03d}", defender=f"Person {n:03d}")
    viewer = signed_in_client(make_user("viewer-pages", "viewer"))
    first = viewer.get("/cases/?country=KE&sort=title").content.decode()
    assert len(titles(first)) == PAGE_SIZE and count_of(first) == PAGE_SIZE + 3
    assert 'href="?country=KE&amp;sort=title&amp;page=2"' in first
    second = viewer.get("/cases/?country=KE&sort=title&page=2").content.decode()
    assert titles(second) == ["Kenya case 050", "Kenya case 051", "Kenya case 052"]


def test_coordinators_assign_cases_and_assigned_to_me_lists_them() -> None:
    kz, ke, _ = cases_in_two_countries()
    maria = make_user("maria", "coordinator")
    ed = make_user("ed", "editor")
    do_set_assignees(kz, [maria, ed], acting_user=maria)
    entry = AuditEvent.objects.filter(action="case.assign").get()
    assert entry.detail == {"before": [], "after": ["ed", "maria"]} and entry.object_id == str(kz.pk)
    page = signed_in_client(ed).get("/cases/?assigned_to=me").content.decode()
    assert titles(page) == [kz.title] and "ed, maria" in page
    assert titles(signed_in_client(ed).get("/cases/?assigned_to=nobody").content.decode()) != [kz.title]
    with pytest.raises(NotAllowed):
        do_set_assignees(ke, [ed], acting_user=ed)
    analyst = make_user("ana", "analyst")
    with pytest.raises(AssignmentError, match="no staff role"):
        do_set_assignees(ke, [analyst], acting_user=maria)
    secret = make_case("Confidential: unassignable", "confidential", defender="Secret Example")
    with pytest.raises(AssignmentError, match="may not read this case"):
        do_set_assignees(secret, [ed], acting_user=None)
    assert not secret.assignees.exists()


def test_a_query_refuses_unknown_values_by_name() -> None:
    with pytest.raises(CaseQueryError, match="unknown situation 'flying'"):
        CaseQuery(situation="flying")
    with pytest.raises(CaseQueryError, match="two letters"):
        CaseQuery(country="Kazakhstan")


def test_the_case_list_offers_only_countries_of_cases_the_reader_may_see() -> None:
    case_in("BT", "Confidential: Bhutan", "confidential", defender="Druk Example")
    cases_in_two_countries()
    page = signed_in_client(make_user("viewer-c", "viewer")).get("/cases/").content.decode()
    options = re.search(r'<select name="country".*?</select>', page, re.S)
    assert options is not None and 'value="KZ"' in options.group(0) and 'value="BT"' not in options.group(0)


def test_a_coordinator_assigns_from_the_case_page_offering_only_readers_of_the_case() -> None:
    kz, _, _ = cases_in_two_countries()
    make_user("ed", "editor")
    make_user("ana", "analyst")
    coordinator = signed_in_client(make_user("maria", "coordinator"))
    form = coordinator.get(f"/cases/{kz.pk}/assign/").content.decode()
    assert 'value="ed"' in form and 'value="maria"' in form and 'value="ana"' not in form
    answer = coordinator.post(f"/cases/{kz.pk}/assign/", {"assignees": ["ed"]})
    assert answer.status_code == 302
    assert list(kz.assignees.values_list("username", flat=True)) == ["ed"]
    page = coordinator.get(f"/cases/{kz.pk}/").content.decode()
    assert "Assigned to: ed" in page and f"/cases/{kz.pk}/assign/" in page
    refused = coordinator.post(f"/cases/{kz.pk}/assign/", {"assignees": ["ana"]})
    assert refused.status_code == 400 and list(kz.assignees.values_list("username", flat=True)) == ["ed"]
    editor = signed_in_client(make_user("ed2", "editor"))
    assert editor.post(f"/cases/{kz.pk}/assign/", {"assignees": []}).status_code == 403
    assert f"/cases/{kz.pk}/assign/" not in editor.get(f"/cases/{kz.pk}/").content.decode()
