"""Everything an insider does is in the chain: account and group changes in the admin, role
changes, and every opening of a restricted or confidential record, shown to coordinators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from tests.factories import make_case, make_user, signed_in_client
from vigil.audit.chain import verify
from vigil.audit.models import AuditEvent
from vigil.cases.access import access_case
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.users import do_set_role

pytestmark = pytest.mark.django_db


def entries(action: str, **fields: str) -> int:
    return AuditEvent.objects.filter(action=action, **fields).count()


def test_a_superuser_created_in_the_admin_is_in_the_chain() -> None:
    admin = signed_in_client(make_user("root", "admin"))
    response = admin.post(
        "/admin/auth/user/add/",
        {
            "username": "mole",
            "password1": "a long pass phrase 4",
            "password2": "a long pass phrase 4",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mole = User.objects.get(username="mole")
    assert entries("user.create", object_id=str(mole.pk), actor="user:root") == 1
    change = admin.get(f"/admin/auth/user/{mole.pk}/change/").context["adminform"].form.initial
    data = {
        k: v
        for k, v in change.items()
        if v is not None and k not in ("groups", "user_permissions", "password")
    }
    data.update(
        {
            "is_superuser": "on",
            "is_staff": "on",
            "is_active": "on",
            "groups": [Group.objects.get(name="coordinator").pk],
            "date_joined_0": "2025-01-01",
            "date_joined_1": "00:00:00",
        }
    )
    data.pop("last_login", None)
    response = admin.post(f"/admin/auth/user/{mole.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEvent.objects.filter(action="user.change", object_id=str(mole.pk)).last()
    assert (
        entry is not None and "Superuser status" in entry.detail["fields"] and entry.detail["role"] == "admin"
    )
    admin.post(f"/admin/auth/user/{mole.pk}/delete/", {"post": "yes"})
    assert entries("user.delete", object_id=str(mole.pk)) == 1


def test_a_group_renamed_in_the_admin_is_in_the_chain() -> None:
    admin = signed_in_client(make_user("root", "admin"))
    group = Group.objects.get(name="viewer")
    admin.post(f"/admin/auth/group/{group.pk}/change/", {"name": "viewers-renamed"})
    assert entries("group.change", object_id=str(group.pk)) == 1


def test_role_changes_are_for_admins_and_in_the_chain() -> None:
    make_user("vera", "viewer")
    with pytest.raises(NotAllowed):
        do_set_role("vera", role="admin", acting_user=make_user("cora", "coordinator"))
    user = do_set_role("vera", role="coordinator", acting_user=None)
    assert list(user.groups.values_list("name", flat=True)) == ["coordinator"]
    assert entries("user.set_role", object_id=str(user.pk)) == 1


@pytest.mark.parametrize(("level", "logged"), [("public", 0), ("restricted", 1), ("confidential", 1)])
def test_opening_a_record_is_logged_unless_public(level: str, logged: int) -> None:
    case = make_case(f"{level} case", level)
    access_case(make_user("root", "admin"), case.pk)
    assert entries("case.read", object_id=str(case.pk), actor="user:root") == logged


def test_a_refused_opening_writes_nothing() -> None:
    from vigil.cases.access import AccessDenied

    case, vera = make_case("confidential case", "confidential"), make_user("vera", "viewer")
    before = AuditEvent.objects.count()
    with pytest.raises(AccessDenied):
        access_case(vera, case.pk)
    assert AuditEvent.objects.count() == before


def test_coordinators_see_who_looked_and_viewers_do_not() -> None:
    case = make_case("Kenya: restricted case", "restricted")
    viewer = signed_in_client(make_user("vera", "viewer"))
    assert viewer.get(f"/cases/{case.pk}/").status_code == 200
    coordinator_page = signed_in_client(make_user("cora", "coordinator")).get(f"/cases/{case.pk}/")
    page = coordinator_page.content.decode()
    assert "Who looked at this" in page and "vera" in page
    assert "Who looked at this" not in viewer.get(f"/cases/{case.pk}/").content.decode()
    assert verify(require_head=False).ok


def test_an_anonymous_visitor_reads_nothing_and_leaves_nothing() -> None:
    case = make_case("Kenya: restricted case", "restricted")
    before = AuditEvent.objects.count()
    assert Client().get(f"/cases/{case.pk}/").status_code == 302
    assert AuditEvent.objects.count() == before
