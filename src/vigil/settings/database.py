"""The database a store uses: SQLCipher in ``VIGIL_HOME`` by default, PostgreSQL by URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000",
}


def database_settings(url: str | None, sqlite_path: Path) -> dict[str, Any]:
    """Django's ``DATABASES['default']`` for a ``postgresql://`` URL, else the embedded store."""
    if url and url.startswith(("postgres://", "postgresql://")):
        return postgresql_settings(url)
    return {
        "ENGINE": "vigil.crypto.sqlcipher",
        "NAME": str(sqlite_path),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


def postgresql_settings(url: str) -> dict[str, Any]:
    parts = urlparse(url)
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "vigil",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "OPTIONS": options,
    }


def configured_url() -> str | None:
    return os.environ.get("VIGIL_DATABASE_URL")
