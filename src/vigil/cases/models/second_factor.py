"""An authenticator app's secret and the recovery codes, encrypted by the application.

django-otp's own ``TOTPDevice`` keeps each secret as hex in a plain column, so a copy of a
PostgreSQL database (a dump, a stolen backup) would hand over every admin's and coordinator's
second factor. ``SealedTOTPDevice`` is the same device (django-otp finds every ``Device``
model, and its TOTP checking, throttling and drift handling are reused as they are) with the
secret in an encrypted column, re-keyed by ``vigil key rotate`` like every other one; the
recovery codes likewise (``SealedStaticDevice``).
"""

from __future__ import annotations

import hmac

from django.db import models
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key, key_validator

from vigil.crypto.fields import EncryptedCharField


class SealedTOTPDevice(TimestampMixin, ThrottlingMixin, Device):  # type: ignore[misc]
    """A TOTP authenticator whose hex secret (``key``) is AES-256-GCM encrypted at rest."""

    key = EncryptedCharField(max_length=80, validators=[key_validator], default=default_key)
    step: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(default=30)
    t0: models.BigIntegerField[int, int] = models.BigIntegerField(default=0)
    digits: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        choices=[(6, 6), (8, 8)], default=6
    )
    tolerance: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(default=1)
    drift: models.SmallIntegerField[int, int] = models.SmallIntegerField(default=0)
    last_t: models.BigIntegerField[int, int] = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):  # type: ignore[misc]
        verbose_name = "authenticator"

    # django-otp's TOTP logic, which reads only the fields above.
    bin_key = TOTPDevice.bin_key
    verify_token = TOTPDevice.verify_token
    get_throttle_factor = TOTPDevice.get_throttle_factor
    config_url = TOTPDevice.config_url
    _read_str_from_settings = TOTPDevice._read_str_from_settings


class SealedStaticDevice(TimestampMixin, ThrottlingMixin, Device):  # type: ignore[misc]
    """A set of one-use recovery codes, each encrypted at rest (django-otp's ``StaticDevice``
    keeps them in clear). A code is found by decrypting the account's few codes and comparing
    them in constant time: the database cannot look up an encrypted value."""

    class Meta(Device.Meta):  # type: ignore[misc]
        verbose_name = "recovery codes"

    get_throttle_factor = StaticDevice.get_throttle_factor

    def verify_token(self, token: str) -> bool:
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        match = next(
            (
                code
                for code in self.token_set.all()
                if hmac.compare_digest(code.token.encode(), token.encode())
            ),
            None,
        )
        if match is None:
            self.throttle_increment()
            return False
        match.delete()
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


class SealedStaticToken(models.Model):
    """One recovery code of a :class:`SealedStaticDevice`, encrypted; deleted once used."""

    device = models.ForeignKey(SealedStaticDevice, related_name="token_set", on_delete=models.CASCADE)
    token = EncryptedCharField(max_length=16)

    def __str__(self) -> str:
        return f"recovery code {self.pk}"  # never the code
