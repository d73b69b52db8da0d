"""Two-factor sign-in across the migrations that moved authenticators and recovery codes into
encrypted columns (cases 0011-0014): a store built before them, with an account enrolled as
the code of that day stored it (django-otp's own ``TOTPDevice`` and ``StaticDevice``), is
migrated forward, and the account then signs in through the real sign-in and second-factor
pages with a code from its old authenticator, and separately with an old recovery code — on
both databases."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.security.test_signin import PASSWORD, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

BEFORE = [
    ("cases", "0010_source_fingerprint"),
    ("otp_totp", "0003_add_timestamps"),
    ("otp_static", "0003_add_timestamps"),
]
SECRET = "3132333435363738393031323334353637383930"  # RFC 6238's test key, in hex
HALF_DONE = "4142434445464748494a4b4c4d4e4f5051525354"  # an enrolment begun, never confirmed
CODES = [f"{n:02d}c0de{n:04d}" for n in range(10)]


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def enrol_before_the_migrations() -> int:
    """A coordinator enrolled with an authenticator and ten recovery codes in the old tables,
    and another whose enrolment was begun, never confirmed; the first one's old device id."""
    apps = migrate(BEFORE).loader.project_state(BEFORE).apps
    users, groups = apps.get_model("auth", "User"), apps.get_model("auth", "Group")
    coordinators, _ = groups.objects.get_or_create(name="coordinator")
    for name in ("chief", "deputy"):
        users.objects.create(username=name, password=make_password(PASSWORD)).groups.add(coordinators)
    chief, deputy = users.objects.get(username="chief"), users.objects.get(username="deputy")
    devices = apps.get_model("otp_totp", "TOTPDevice")
    device = devices.objects.create(user=chief, name="authenticator", key=SECRET, confirmed=True)
    devices.objects.create(user=deputy, name="authenticator", key=HALF_DONE, confirmed=False)
    recovery = apps.get_model("otp_static", "StaticDevice").objects.create(
        user=chief, name="recovery codes", confirmed=True
    )
    tokens = apps.get_model("otp_static", "StaticToken")
    for code in CODES:
        tokens.objects.create(device=recovery, token=code)
    return int(device.pk)


def reaches_the_dashboard(client: Client) -> bool:
    return client.get("/").status_code == 200


def test_an_account_enrolled_before_the_migrations_signs_in_with_its_old_authenticator_and_codes() -> None:
    try:
        old_device = enrol_before_the_migrations()
        migrate(latest())

        # The old authenticator: the sign-in asks for a code (not a new enrolment), and takes one.
        client = Client()
        assert sign_in(client, "chief") == 302
        assert client.get("/")["Location"].startswith("/account/two-factor/?")
        assert client.get("/account/two-factor/setup/")["Location"] == "/account/two-factor/"
        answer = client.post("/account/two-factor/", {"token": f"{totp(bytes.fromhex(SECRET)):06d}"})
        assert answer.status_code == 302, "a code from the old authenticator was refused"
        assert reaches_the_dashboard(client)

        # An old recovery code, in another session: it works, once.
        other = Client()
        sign_in(other, "chief")
        assert other.post("/account/two-factor/", {"token": CODES[3]}).status_code == 302
        assert reaches_the_dashboard(other), "an old recovery code was refused"
        third = Client()
        sign_in(third, "chief")
        assert third.post("/account/two-factor/", {"token": CODES[3]}).status_code == 200
        assert not reaches_the_dashboard(third), "a recovery code worked twice"

        # A session that had passed its second factor on the old device (its id names the old
        # table) asks for a code again.
        session = other.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice(pk=old_device).persistent_id
        session.save()
        assert other.get("/")["Location"].startswith("/account/two-factor/?")

        # An enrolment begun before and never confirmed goes on with the same secret.
        deputy = Client()
        sign_in(deputy, "deputy")
        assert deputy.get("/")["Location"].startswith("/account/two-factor/setup/?")
        page = deputy.get("/account/two-factor/setup/").content.decode()
        shown = page.split('<code class="secret">', 1)[1].split("</code>", 1)[0].replace(" ", "")
        assert b32decode(shown + "=" * (-len(shown) % 8)) == bytes.fromhex(HALF_DONE)
        done = deputy.post("/account/two-factor/setup/", {"token": f"{totp(bytes.fromhex(HALF_DONE)):06d}"})
        assert done.status_code == 200 and done.content.decode().count("<li><code>") == 10
        assert reaches_the_dashboard(deputy)
    finally:
        migrate(latest())
