"""Least privilege: who sees which case, who may write; denied looks like not found."""

from __future__ import annotations

import pytest

from tests.factories import make_case, make_user
from vigil.cases.access import AccessDenied, access_case, access_person, readable_cases
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.records import do_create_case
from vigil.cases.actions.users import do_create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases() -> dict[str, int]:
    return {
        level: make_case(f"{level} case", level, defender=f"{level.title()} Defender").pk
        for level in ("public", "restricted", "confidential")
    }


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("admin", {"public", "restricted", "confidential"}),
        ("coordinator", {"public", "restricted"}),
        ("editor", {"public", "restricted"}),
        ("viewer", {"public", "restricted"}),
        ("analyst", {"public"}),
    ],
)
def test_each_role_sees_its_levels(cases: dict[str, int], role: str, visible: set[str]) -> None:
    user = make_user(f"{role}1", role)
    seen = {c.confidentiality for c in readable_cases(user)}
    assert seen == visible
    for level, case_id in cases.items():
        if level in visible:
            assert access_case(user, case_id).pk == case_id
        else:
            with pytest.raises(AccessDenied):
                access_case(user, case_id)


def test_confidential_case_is_visible_to_its_named_members_only(cases: dict[str, int]) -> None:
    named, other = make_user("named", "editor"), make_user("other", "editor")
    case = access_case(None, cases["confidential"])
    case.members.add(named)
    assert access_case(named, case.pk) == case
    with pytest.raises(AccessDenied):
        access_case(other, case.pk)


def test_confidential_defender_is_hidden_from_staff_not_named(cases: dict[str, int]) -> None:
    viewer = make_user("viewer2", "viewer")
    person = access_case(None, cases["confidential"]).defenders.get()
    with pytest.raises(AccessDenied):
        access_person(viewer, person.pk)


def test_missing_case_is_denied_like_a_hidden_one() -> None:
    with pytest.raises(AccessDenied, match="no case 999"):
        access_case(make_user("admin2", "admin"), 999)


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_read_only_roles_cannot_write(role: str) -> None:
    user = make_user(f"{role}3", role)
    with pytest.raises(NotAllowed):
        do_create_case(acting_user=user, title="not allowed")


def test_only_an_admin_creates_accounts() -> None:
    coordinator = make_user("coord", "coordinator")
    with pytest.raises(NotAllowed):
        do_create_user("newbie", role="viewer", acting_user=coordinator)


def test_a_confidential_defender_on_a_case_shows_only_to_those_named_on_that_case() -> None:
    from vigil.cases.access import defenders_of

    named_elsewhere, named_here = make_user("elsewhere", "editor"), make_user("here", "editor")
    secret = make_case("Confidential case", "confidential", defender="Secret Defender")
    other = make_case("Another confidential case", "confidential", defender="Someone Else")
    person = secret.defenders.get()
    other.defenders.add(person)  # the same person, on a case where the first editor is named
    other.members.add(named_elsewhere)
    secret.members.add(named_here)
    assert [p.name for p in defenders_of(named_here, secret)] == ["Secret Defender"]
    assert list(defenders_of(named_elsewhere, secret)) == [], "named on another case only"
    assert {p.name for p in defenders_of(named_elsewhere, other)} == {"Secret Defender", "Someone Else"}


def test_records_are_listed_once_whatever_the_reader_is_named_as() -> None:
    owner = make_user("owner-and-member", "editor")
    case = make_case("Confidential, owned and joined", "confidential", defender="Once Only")
    case.owner = owner
    case.save(update_fields=["owner"])
    case.members.add(owner)
    assert [c.pk for c in readable_cases(owner)] == [case.pk], "owner and member, one row"


def test_a_changed_role_takes_effect_on_the_same_account_object() -> None:
    from vigil.cases.actions.users import do_set_role
    from vigil.cases.roles import role_of

    viewer = make_user("promoted", "viewer")
    assert role_of(viewer) == "viewer"
    viewer.groups.clear()
    assert role_of(viewer) is None, "the remembered role is forgotten when groups change"
    promoted = do_set_role("promoted", role="coordinator", acting_user=None)
    assert role_of(promoted) == "coordinator"
