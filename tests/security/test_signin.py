"""Sign-in: lockout after repeated failures, a second factor for admins and coordinators with
recovery codes, no caching of anything a signed-in user sees, and every step in the chain."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.test import Client
from django_otp.oath import totp

from tests.factories import make_case, make_user, signed_in_client
from vigil.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def account(name: str, role: str) -> None:
    user = make_user(name, role)
    user.set_password(PASSWORD)
    user.save()


def sign_in(client: Client, name: str, password: str = PASSWORD) -> int:
    return client.post("/login/", {"username": name, "password": password}).status_code


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one() -> None:
    account("vera", "viewer")
    client = Client()
    for _ in range(4):
        assert sign_in(client, "vera", "wrong password") == 200
    assert sign_in(client, "vera", "wrong password") == 429
    assert sign_in(client, "vera") == 429
    assert "_auth_user_id" not in client.session
    assert Client().get("/").status_code == 302
    failures = AuditEvent.objects.filter(action="user.sign_in_failed", object_id="vera").count()
    assert failures >= 5 and AuditEvent.objects.filter(action="user.locked_out").exists()


def test_a_right_password_is_in_the_chain_with_the_address() -> None:
    account("vera", "viewer")
    client = Client()
    assert sign_in(client, "vera") == 302
    entry = AuditEvent.objects.filter(action="user.sign_in").last()
    assert entry is not None and entry.actor == "user:vera" and entry.detail["address"] == "127.0.0.1"


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_admins_and_coordinators_reach_nothing_before_a_second_factor(role: str) -> None:
    make_case("Kenya: case")
    account("chief", role)
    client = Client()
    assert sign_in(client, "chief") == 302
    for url in ("/", "/cases/1/", "/admin/", "/profile/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/setup/")


@pytest.mark.parametrize("role", ["editor", "viewer", "analyst"])
def test_other_roles_need_no_second_factor(role: str) -> None:
    account("staff", role)
    client = Client()
    sign_in(client, "staff")
    assert client.get("/").status_code == 200


def enrol(client: Client) -> list[str]:
    page = client.get("/account/two-factor/setup/").content.decode()
    assert "<svg" in page
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)
    assert secret is not None
    key = b32decode(secret.group(1).replace(" ", "") + "=" * (-len(secret.group(1).replace(" ", "")) % 8))
    done = client.post("/account/two-factor/setup/", {"token": f"{totp(key):06d}"}).content.decode()
    codes = re.findall(r"<li><code>([0-9a-f]+)</code></li>", done)
    assert len(codes) == 10
    return codes


def test_enrolment_then_a_recovery_code_signs_in_once() -> None:
    account("chief", "coordinator")
    client = Client()
    sign_in(client, "chief")
    codes = enrol(client)
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="user.second_factor_enrolled").count() == 1

    later = Client()
    sign_in(later, "chief")
    assert later.get("/")["Location"].startswith("/account/two-factor/?")
    assert later.get("/account/two-factor/setup/")["Location"] == "/account/two-factor/", "re-enrolment"
    assert later.post("/account/two-factor/", {"token": codes[0]}).status_code == 302
    assert later.get("/").status_code == 200

    third = Client()
    sign_in(third, "chief")
    assert third.post("/account/two-factor/", {"token": codes[0]}).status_code == 200
    assert third.get("/").status_code == 302, "a recovery code worked twice"
    assert AuditEvent.objects.filter(action="user.second_factor_failed").count() == 1


def test_every_authenticated_response_is_marked_no_store() -> None:
    case = make_case("Kenya: case")
    client = signed_in_client(make_user("chief", "coordinator"))
    for url in ("/", f"/cases/{case.pk}/", f"/cases/{case.pk}/appeal.txt?lang=en", "/review/"):
        response = client.get(url)
        assert response.status_code in (200, 409), url
        assert "no-store" in response["Cache-Control"], url
    assert "no-store" in signed_in_client(make_user("root", "admin")).get("/admin/")["Cache-Control"]
    assert "no-store" in Client().get("/login/")["Cache-Control"]


def test_a_next_address_off_the_site_is_ignored() -> None:
    account("chief", "coordinator")
    client = Client()
    sign_in(client, "chief")
    page = client.get("/account/two-factor/setup/?next=https://evil.example/").content.decode()
    assert '<input type="hidden" name="next" value="/">' in page


def test_an_admin_unlocks_a_locked_account_and_the_chain_says_so() -> None:
    from vigil.cases.actions.guard import NotAllowed
    from vigil.cases.actions.users import do_unlock_user

    account("vera", "viewer")
    client = Client()
    for _ in range(5):
        sign_in(client, "vera", "wrong password")
    assert sign_in(client, "vera") == 429
    with pytest.raises(NotAllowed):
        do_unlock_user("vera", acting_user=make_user("ed", "editor"))
    assert do_unlock_user("vera", acting_user=None) >= 1
    assert sign_in(client, "vera") == 302
    assert AuditEvent.objects.filter(action="user.unlock", object_id="vera").exists()
