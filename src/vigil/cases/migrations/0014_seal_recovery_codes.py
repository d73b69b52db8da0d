"""Recovery codes move from django-otp's ``StaticDevice`` (codes in clear) to
``SealedStaticDevice`` (codes encrypted); going back moves them back in clear."""

from django.db import migrations

COPIED = [
    "user_id",
    "name",
    "confirmed",
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "created_at",
    "last_used_at",
]


def move(devices, tokens, new_devices, new_tokens):
    for device in devices.objects.all():
        copy = new_devices.objects.create(**{name: getattr(device, name) for name in COPIED})
        if device.created_at is not None:  # auto_now_add stamped the copy with today
            new_devices.objects.filter(pk=copy.pk).update(created_at=device.created_at)
        for token in tokens.objects.filter(device_id=device.pk):
            new_tokens.objects.create(device_id=copy.pk, token=token.token)
        device.delete()  # its tokens with it


def seal(apps, schema_editor):
    move(
        apps.get_model("otp_static", "StaticDevice"),
        apps.get_model("otp_static", "StaticToken"),
        apps.get_model("cases", "SealedStaticDevice"),
        apps.get_model("cases", "SealedStaticToken"),
    )


def unseal(apps, schema_editor):
    move(
        apps.get_model("cases", "SealedStaticDevice"),
        apps.get_model("cases", "SealedStaticToken"),
        apps.get_model("otp_static", "StaticDevice"),
        apps.get_model("otp_static", "StaticToken"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_sealed_recovery_codes"), ("otp_static", "0003_add_timestamps")]
    operations = [migrations.RunPython(seal, unseal)]
