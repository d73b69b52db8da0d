"""Fixtures of the security suite: a command-line store made by the real ``vigil init``."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from urllib.parse import urlparse, urlunparse

import pytest

Run = Callable[..., CompletedProcess[str]]


@pytest.fixture
def store(run_vigil: Run, vigil_home: Path) -> Path:
    run_vigil("init", check=True)
    return vigil_home


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database on the test cluster, dropped afterwards.

    Command-line stores on PostgreSQL need a database of their own (the test runner's is
    Django's ``test_`` copy); they run in ``make test``'s PostgreSQL pass."""
    url = os.environ.get("VIGIL_TEST_DATABASE_URL")
    if not url:
        pytest.skip("runs in make test's PostgreSQL pass (VIGIL_TEST_DATABASE_URL is not set)")
    import psycopg

    name = f"vigil_store_{os.getpid()}_{secrets.token_hex(4)}"
    maintenance = urlunparse(urlparse(url)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunparse(urlparse(url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
