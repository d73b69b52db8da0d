"""API test helpers: a token per role, and a client that sends it."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.web.world import ROLES, users
from vigil.api.tokens import do_create_token


def token_for(user: User, days: int = 30) -> str:
    _token, value = do_create_token(user, label="tests", days=days, acting_user=None)
    return value


def bearer(value: str | None) -> Client:
    """A client that sends ``value`` as its bearer token (none at all for None)."""
    headers: dict[str, Any] = {"Authorization": f"Bearer {value}"} if value is not None else {}
    return Client(headers=headers)


@pytest.fixture
def accounts(db: None) -> dict[str, User]:
    return users()


@pytest.fixture
def clients(accounts: dict[str, User]) -> dict[str, Client]:
    """One client per role, each with its own token."""
    return {role: bearer(token_for(accounts[role])) for role in ROLES}
