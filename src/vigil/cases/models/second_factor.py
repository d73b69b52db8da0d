"""An authenticator app's secret, encrypted by the application.

django-otp's own ``TOTPDevice`` keeps each secret as hex in a plain column, so a copy of a
PostgreSQL database (a dump, a stolen backup) would hand over every admin's and coordinator's
second factor. ``SealedTOTPDevice`` is the same device (django-otp finds every ``Device``
model, and its TOTP checking, throttling and drift handling are reused as they are) with the
secret in an encrypted column, re-keyed by ``vigil key rotate`` like every other one.
"""

from __future__ import annotations

from django.db import models
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
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
