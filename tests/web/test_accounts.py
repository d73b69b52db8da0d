"""Accounts in the web UI: admins create, re-role, disable, enable and reset accounts through
the audited actions the command line uses; each person changes their own password; a temporary
password is changed before anything else; nobody else manages accounts; the last admin stays."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import make_user, signed_in_client
from vigil.audit.models import AuditEvent
from vigil.audit.passwords import expired, temporary_since
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.users import do_create_user, do_reset_password, do_set_active, do_set_role
from vigil.cases.roles import role_of

pytestmark = pytest.mark.django_db

OWN_PASSWORD = "a long passphrase of my own 42"


def sign_in(client: Client, name: str, password: str) -> int:
    return client.post("/login/", {"username": name, "password": password}).status_code


def shown_password(body: str) -> str:
    found = re.search(r'<code class="secret password">([^<]+)</code>', body)
    assert found is not None, "no password on the page"
    return found.group(1)


def test_an_admin_creates_an_account_whose_password_is_shown_once() -> None:
    admin = signed_in_client(make_user("root", "admin"))
    response = admin.post("/users/new/", {"name": "maria", "role": "editor"})
    assert response.status_code == 200
    password = shown_password(response.content.decode())
    maria = User.objects.get(username="maria")
    assert role_of(maria) == "editor" and maria.check_password(password)
    entry = AuditEvent.objects.filter(action="user.create", object_id=str(maria.pk)).get()
    assert entry.actor == "user:root" and entry.detail == {"role": "editor", "temporary": True}
    assert password not in admin.get("/users/").content.decode()
    assert password not in admin.get(f"/users/{maria.pk}/").content.decode()
    assert password not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_a_name_taken_or_malformed_is_refused_on_the_form() -> None:
    make_user("maria", "viewer")
    admin = signed_in_client(make_user("root", "admin"))
    taken = admin.post("/users/new/", {"name": "maria", "role": "editor"})
    assert taken.status_code == 400 and "already exists" in taken.content.decode()
    odd = admin.post("/users/new/", {"name": "<b>x</b>", "role": "editor"})
    assert odd.status_code == 400 and not User.objects.filter(username="<b>x</b>").exists()
    assert role_of(User.objects.get(username="maria")) == "viewer"


def test_a_temporary_password_must_be_changed_before_anything_else() -> None:
    _user, password = do_create_user("maria", role="editor", acting_user=None)
    client = Client()
    assert sign_in(client, "maria", password) == 302
    for url in ("/", "/today/", "/search/", "/activity/", "/account/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/account/password/"), url
    weak = client.post(
        "/account/password/", {"old_password": password, "new_password1": "short", "new_password2": "short"}
    )
    assert weak.status_code == 400 and client.get("/").status_code == 302
    changed = client.post(
        "/account/password/",
        {"old_password": password, "new_password1": OWN_PASSWORD, "new_password2": OWN_PASSWORD},
    )
    assert changed.status_code == 302
    assert client.get("/").status_code == 200
    maria = User.objects.get(username="maria")
    assert temporary_since(maria) is None and maria.check_password(OWN_PASSWORD)
    entry = AuditEvent.objects.filter(action="user.password_change").get()
    assert entry.actor == "user:maria" and entry.object_id == str(maria.pk)
    assert sign_in(Client(), "maria", password) == 200  # the temporary one is gone


def test_a_temporary_password_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    user, password = do_create_user("maria", role="editor", acting_user=None)
    since = temporary_since(user)
    assert since is not None
    from datetime import timedelta

    assert not expired(user, now=since + timedelta(days=6))
    assert expired(user, now=since + timedelta(days=8))
    monkeypatch.setattr("vigil.audit.passwords.TEMPORARY_DAYS", 0)
    refused = Client().post("/login/", {"username": "maria", "password": password})
    assert refused.status_code == 200 and "expired" in refused.content.decode()


def test_an_admin_re_roles_disables_enables_and_resets_an_account() -> None:
    admin = signed_in_client(make_user("root", "admin"))
    maria = make_user("maria", "viewer")
    maria_client = signed_in_client(maria)
    assert maria_client.get("/").status_code == 200

    assert admin.post(f"/users/{maria.pk}/role/", {"role": "editor"}).status_code == 302
    assert role_of(User.objects.get(pk=maria.pk)) == "editor"
    assert AuditEvent.objects.filter(action="user.set_role", object_id=str(maria.pk)).exists()

    assert admin.post(f"/users/{maria.pk}/active/", {"active": "0"}).status_code == 302
    assert not User.objects.get(pk=maria.pk).is_active
    assert maria_client.get("/").status_code == 302  # her session no longer signs her in
    assert admin.post(f"/users/{maria.pk}/active/", {"active": "1"}).status_code == 302
    assert User.objects.get(pk=maria.pk).is_active
    assert [e.action for e in AuditEvent.objects.filter(object_id=str(maria.pk), action__startswith="user.")][
        -2:
    ] == ["user.disable", "user.enable"]

    reset = admin.post(f"/users/{maria.pk}/password/")
    password = shown_password(reset.content.decode())
    assert User.objects.get(pk=maria.pk).check_password(password)
    client = Client()
    assert sign_in(client, "maria", password) == 302
    assert client.get("/")["Location"].startswith("/account/password/")


@pytest.mark.parametrize("role", ["coordinator", "editor", "viewer", "analyst"])
def test_only_admins_manage_accounts(role: str) -> None:
    maria = make_user("maria", "viewer")
    client = signed_in_client(make_user("someone", role))
    for url in ("/users/", f"/users/{maria.pk}/"):
        assert client.get(url).status_code == 403
    before = AuditEvent.objects.count()
    assert client.post("/users/new/", {"name": "sneaky", "role": "admin"}).status_code == 403
    assert client.post(f"/users/{maria.pk}/role/", {"role": "admin"}).status_code == 403
    assert client.post(f"/users/{maria.pk}/active/", {"active": "0"}).status_code == 403
    assert client.post(f"/users/{maria.pk}/password/").status_code == 403
    assert client.post(f"/users/{maria.pk}/unlock/").status_code == 403
    assert not User.objects.filter(username="sneaky").exists()
    maria.refresh_from_db()
    assert role_of(maria) == "viewer" and maria.is_active
    assert AuditEvent.objects.count() == before
    assert "/users/" not in client.get("/account/").content.decode()


def test_an_admin_cannot_lock_themselves_out() -> None:
    root = make_user("root", "admin")
    make_user("second", "admin")
    admin = signed_in_client(root)
    for url, data in (
        (f"/users/{root.pk}/active/", {"active": "0"}),
        (f"/users/{root.pk}/role/", {"role": "editor"}),
    ):
        response = admin.post(url, data, follow=True)
        assert "cannot disable their own account" in response.content.decode()
    refused = admin.post(f"/users/{root.pk}/password/", follow=True)
    assert "your account page" in refused.content.decode()
    root.refresh_from_db()
    assert root.is_active and role_of(root) == "admin"


def test_the_last_active_admin_stays() -> None:
    root = make_user("root", "admin")
    with pytest.raises(NotAllowed, match="last active admin"):
        do_set_active("root", active=False, acting_user=None)
    with pytest.raises(NotAllowed, match="last active admin"):
        do_set_role("root", role="viewer", acting_user=None)
    second = make_user("second", "admin")
    do_set_active("root", active=False, acting_user=second)  # another admin remains
    with pytest.raises(NotAllowed):
        do_set_role("second", role="viewer", acting_user=None)
    root.refresh_from_db()
    assert not root.is_active


def test_a_reset_ends_the_accounts_sessions_and_is_for_admins_only() -> None:
    maria = make_user("maria", "editor")
    client = signed_in_client(maria)
    assert client.get("/").status_code == 200
    with pytest.raises(NotAllowed):
        do_reset_password("maria", acting_user=make_user("cora", "coordinator"))
    do_reset_password("maria", acting_user=None)
    assert client.get("/").status_code == 302
    assert temporary_since(User.objects.get(pk=maria.pk)) is not None


def test_everyone_changes_their_own_password_from_the_account_page() -> None:
    vera = make_user("vera", "viewer")
    vera.set_password("the first password of vera")
    vera.save()
    client = Client()
    assert sign_in(client, "vera", "the first password of vera") == 302
    page = client.get("/account/").content.decode()
    assert "/account/password/" in page and "/account/two-factor/setup/" in page
    wrong = client.post(
        "/account/password/",
        {"old_password": "not it", "new_password1": OWN_PASSWORD, "new_password2": OWN_PASSWORD},
    )
    assert wrong.status_code == 400
    right = client.post(
        "/account/password/",
        {
            "old_password": "the first password of vera",
            "new_password1": OWN_PASSWORD,
            "new_password2": OWN_PASSWORD,
        },
    )
    assert right.status_code == 302 and client.get("/").status_code == 200  # still signed in
    assert User.objects.get(pk=vera.pk).check_password(OWN_PASSWORD)


def test_the_header_links_the_account_page_and_admins_see_accounts() -> None:
    viewer = signed_in_client(make_user("vera", "viewer")).get("/").content.decode()
    assert 'href="/account/"' in viewer and 'href="/users/"' not in viewer
    admin = signed_in_client(make_user("root", "admin")).get("/").content.decode()
    assert 'href="/account/"' in admin and 'href="/users/"' in admin


def test_the_django_admin_keeps_the_same_rule() -> None:
    root = make_user("root", "admin")
    admin = signed_in_client(root)
    page = admin.get(f"/admin/auth/user/{root.pk}/change/").content.decode()
    assert "csrfmiddlewaretoken" in page
    response = admin.post(
        f"/admin/auth/user/{root.pk}/change/",
        {
            "username": "root",
            "is_active": "",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [],
            "date_joined_0": "2025-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2025-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 200 and "cannot disable their own account" in response.content.decode()
    assert User.objects.get(pk=root.pk).is_active
    assert admin.get(f"/admin/auth/user/{root.pk}/delete/").status_code == 403
    other = make_user("other", "editor")
    assert admin.get(f"/admin/auth/user/{other.pk}/delete/").status_code == 200
