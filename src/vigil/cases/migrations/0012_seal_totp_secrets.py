"""Authenticators move from django-otp's ``TOTPDevice`` (secret in clear) to
``SealedTOTPDevice`` (secret encrypted); going back moves them back in clear. A session that
had passed its second factor on a moved device asks for a code again."""

from django.db import migrations

COPIED = [
    "user_id",
    "name",
    "confirmed",
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "created_at",
    "last_used_at",
    "key",
    "step",
    "t0",
    "digits",
    "tolerance",
    "drift",
    "last_t",
]


def move(source, target):
    for device in source.objects.all():
        copy = target.objects.create(**{name: getattr(device, name) for name in COPIED})
        if device.created_at is not None:  # auto_now_add stamped the copy with today
            target.objects.filter(pk=copy.pk).update(created_at=device.created_at)
        device.delete()


def seal(apps, schema_editor):
    move(apps.get_model("otp_totp", "TOTPDevice"), apps.get_model("cases", "SealedTOTPDevice"))


def unseal(apps, schema_editor):
    move(apps.get_model("cases", "SealedTOTPDevice"), apps.get_model("otp_totp", "TOTPDevice"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_sealed_totp_device"), ("otp_totp", "0003_add_timestamps")]
    operations = [migrations.RunPython(seal, unseal)]
