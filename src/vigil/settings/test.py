"""Tests: a throwaway store with its own key; PostgreSQL when ``VIGIL_TEST_DATABASE_URL`` is set."""

import os
import tempfile
from pathlib import Path

_home = Path(tempfile.mkdtemp(prefix="vigil-test-home-"))
os.environ["VIGIL_HOME"] = str(_home)
os.environ.pop("VIGIL_KEY_FILE", None)
os.environ.pop("VIGIL_PASSPHRASE", None)

from vigil.crypto.keys import create_key_file  # noqa: E402

create_key_file()

from vigil.settings.base import *  # noqa: E402, F403
from vigil.settings.database import database_settings  # noqa: E402

DATABASES = {"default": database_settings(os.environ.get("VIGIL_TEST_DATABASE_URL"), _home / "vigil.db")}
if DATABASES["default"]["ENGINE"] == "vigil.crypto.sqlcipher":
    DATABASES["default"]["TEST"] = {"NAME": str(_home / "test-vigil.db")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
