"""Small helpers that create users and records through the real actions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from vigil.cases.actions.people import find_or_create_person
from vigil.cases.actions.records import add_defenders, do_create_case
from vigil.cases.actions.users import do_create_user
from vigil.cases.models import Case


def make_user(name: str, role: str) -> User:
    user, _ = do_create_user(name, role=role, acting_user=None, temporary=False)
    return user


def make_case(title: str, level: str = "restricted", defender: str = "Amina Example", **fields: Any) -> Case:
    from django.db import transaction

    with transaction.atomic():
        case = do_create_case(acting_user=None, title=title, confidentiality=level, country="KE", **fields)
        person = find_or_create_person(acting_user=None, name=defender, confidentiality=level)
        add_defenders(acting_user=None, case=case, people=[person])
    return case


def signed_in_client(user: User) -> Client:
    """A test client signed in as ``user`` (with a second factor, see tests/conftest.py)."""
    client = Client()
    client.force_login(user)
    return client
