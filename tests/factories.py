"""Small helpers that create users and records through the real actions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.test import Client

from vigil.cases.actions.people import find_or_create_person
from vigil.cases.actions.records import add_defenders, do_create_case
from vigil.cases.actions.users import do_create_user
from vigil.cases.models import Case

T = TypeVar("T")


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


def where(records: Iterable[T], **values: Any) -> list[T]:
    """The records whose (decrypted) fields equal ``values``: names, titles and places are
    encrypted by the application, so the database cannot compare them."""
    return [r for r in records if all(getattr(r, k) == v for k, v in values.items())]


def the(records: Iterable[T], **values: Any) -> T:
    """The one record whose fields equal ``values`` (as ``get`` would, on encrypted fields)."""
    found = where(records, **values)
    if len(found) != 1:
        raise LookupError(f"{len(found)} records with {values}")
    return found[0]
