"""The migrations that take the last plain secrets out of the database: a source's SHA-256
becomes a keyed fingerprint (cases 0010), authenticator secrets and recovery codes move to
encrypted columns (cases 0011-0014); going back restores the plain SHA-256 and django-otp's own
tables — on both databases."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_otp.oath import totp

from vigil.crypto.fingerprints import fingerprint

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

PLAIN = [
    ("cases", "0009_indexes_for_lists"),
    ("otp_totp", "0003_add_timestamps"),
    ("otp_static", "0003_add_timestamps"),
]
KEYED = [("cases", "0014_seal_recovery_codes")]
ORIGINAL = b"Kazakhstan: defender Aigerim Otpechatok detained on 3 March 2025.\n"
SECRET = "3132333435363738393031323334353637383930"  # RFC 6238's test key, in hex
CODES = ["a1b2c3d4e5", "f6a7b8c9d0"]


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def column(table: str, name: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {name} FROM {table} ORDER BY id")
        return [str(value) for (value,) in cursor.fetchall()]


def test_fingerprints_authenticator_secrets_and_recovery_codes_are_keyed_and_come_back() -> None:
    apps = migrate(PLAIN).loader.project_state(PLAIN).apps
    digest = hashlib.sha256(ORIGINAL).hexdigest()
    apps.get_model("cases", "Source").objects.create(title="t", content_hash=digest, original=ORIGINAL)
    user = apps.get_model("auth", "User").objects.create(username="coordinator-otp")
    apps.get_model("otp_totp", "TOTPDevice").objects.create(
        user=user, name="phone", key=SECRET, confirmed=True
    )
    recovery = apps.get_model("otp_static", "StaticDevice").objects.create(user=user, name="recovery codes")
    for code in CODES:
        apps.get_model("otp_static", "StaticToken").objects.create(device=recovery, token=code)
    try:
        migrate(KEYED)
        assert column("cases_source", "fingerprint") == [fingerprint(digest)] != [digest]
        assert column("otp_totp_totpdevice", "key") == []
        sealed = column("cases_sealedtotpdevice", "key")
        assert len(sealed) == 1 and sealed[0].startswith("enc1:") and SECRET not in sealed[0]

        from django.contrib.auth.models import User

        from vigil.cases.models import SealedTOTPDevice

        device = SealedTOTPDevice.objects.get()
        assert device.user == User.objects.get(username="coordinator-otp") and device.name == "phone"
        assert device.verify_token(f"{totp(bytes.fromhex(SECRET)):06d}"), "the moved device still verifies"
        assert column("otp_static_statictoken", "token") == []
        codes = column("cases_sealedstatictoken", "token")
        assert len(codes) == 2 and all(c.startswith("enc1:") and c not in CODES for c in codes)
        from vigil.cases.models import SealedStaticDevice

        recovery = SealedStaticDevice.objects.get()
        assert recovery.verify_token(CODES[0])
        assert not recovery.verify_token(CODES[0]), "a recovery code works once"

        migrate(PLAIN)
        assert column("cases_source", "content_hash") == [digest]
        assert column("otp_totp_totpdevice", "key") == [SECRET]
        assert column("otp_static_statictoken", "token") == CODES[1:]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
