"""The migrations that take the last plain secrets out of the database: a source's SHA-256
becomes a keyed fingerprint (cases 0010) and authenticator secrets move to an encrypted column
(cases 0011-0012); going back restores the plain SHA-256 and django-otp's own table — on both
databases."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_otp.oath import totp

from vigil.crypto.fingerprints import fingerprint

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_backend]

PLAIN = [("cases", "0009_indexes_for_lists"), ("otp_totp", "0003_add_timestamps")]
KEYED = [("cases", "0012_seal_totp_secrets")]
ORIGINAL = b"Kazakhstan: defender Aigerim Otpechatok detained on 3 March 2025.\n"
SECRET = "3132333435363738393031323334353637383930"  # RFC 6238's test key, in hex


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def column(table: str, name: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {name} FROM {table} ORDER BY id")
        return [str(value) for (value,) in cursor.fetchall()]


def test_fingerprints_and_authenticator_secrets_are_keyed_and_come_back() -> None:
    apps = migrate(PLAIN).loader.project_state(PLAIN).apps
    digest = hashlib.sha256(ORIGINAL).hexdigest()
    apps.get_model("cases", "Source").objects.create(title="t", content_hash=digest, original=ORIGINAL)
    user = apps.get_model("auth", "User").objects.create(username="coordinator-otp")
    apps.get_model("otp_totp", "TOTPDevice").objects.create(
        user=user, name="phone", key=SECRET, confirmed=True
    )
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

        migrate(PLAIN)
        assert column("cases_source", "content_hash") == [digest]
        assert column("otp_totp_totpdevice", "key") == [SECRET]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
