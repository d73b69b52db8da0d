"""A source's plain SHA-256 (``content_hash``) becomes a keyed fingerprint (``fingerprint``):
HMAC-SHA256 of that SHA-256 under the store's fingerprint subkey, so a copy of the database no
longer confirms that a known document is stored. Going back computes the plain SHA-256 again
from each original (a row without an original keeps its fingerprint: an HMAC cannot be undone).
"""

import hashlib
import re

from django.db import migrations

from vigil.crypto.fingerprints import fingerprint, fingerprint_of

SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def keyed(apps, schema_editor):
    sources = apps.get_model("cases", "Source")._base_manager
    for pk, value in sources.values_list("pk", "fingerprint"):
        if SHA256_HEX.fullmatch(value):
            new = fingerprint(value)
        else:  # not a SHA-256 (a hand-made row): key what the original, or the value, holds
            original = sources.filter(pk=pk).values_list("original", flat=True).get()
            new = fingerprint_of(bytes(original) if original is not None else value.encode())
        sources.filter(pk=pk).update(fingerprint=new)


def plain(apps, schema_editor):
    sources = apps.get_model("cases", "Source")._base_manager
    for pk, original in sources.exclude(original=None).values_list("pk", "original"):
        sources.filter(pk=pk).update(fingerprint=hashlib.sha256(bytes(original)).hexdigest())


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_indexes_for_lists")]
    operations = [
        migrations.RenameField("source", "content_hash", "fingerprint"),
        migrations.RunPython(keyed, plain),
    ]
