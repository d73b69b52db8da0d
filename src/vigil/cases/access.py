"""Fetch and authorise in one call: every view, endpoint and command reads records through here.

A record the user may not see is reported as not found, so its existence does not leak.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from vigil.cases.models import Case, Confidentiality, Person, Source
from vigil.cases.roles import STAFF_READERS, User, role_of


class AccessDenied(Exception):
    """The record does not exist or the user may not see it (deliberately the same)."""


def readable_cases(user: User | None) -> QuerySet[Case]:
    """The cases ``user`` may see."""
    role = role_of(user)
    cases = Case.objects.all()
    if role == "admin":
        return cases
    if role == "analyst":
        return cases.filter(confidentiality=Confidentiality.PUBLIC)
    if role in STAFF_READERS:
        named = Q(owner=user) | Q(members=user)
        return cases.filter(
            Q(confidentiality__in=[Confidentiality.PUBLIC, Confidentiality.RESTRICTED])
            | (Q(confidentiality=Confidentiality.CONFIDENTIAL) & named)
        ).distinct()
    return cases.none()


def access_case(user: User | None, case_id: int) -> Case:
    """The case ``case_id`` if ``user`` may see it, else :class:`AccessDenied`."""
    try:
        return readable_cases(user).get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no case {case_id}") from None


def readable_people(user: User | None) -> QuerySet[Person]:
    """People ``user`` may see: their own level allows it, and so does a case they are in."""
    role = role_of(user)
    people = Person.objects.all()
    if role == "admin":
        return people
    if role == "analyst":
        return people.filter(confidentiality=Confidentiality.PUBLIC)
    if role in STAFF_READERS:
        return people.filter(
            Q(confidentiality__in=[Confidentiality.PUBLIC, Confidentiality.RESTRICTED])
            | Q(cases__in=readable_cases(user))
        ).distinct()
    return people.none()


def access_person(user: User | None, person_id: int) -> Person:
    try:
        return readable_people(user).get(pk=person_id)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no defender {person_id}") from None


def readable_sources(user: User | None) -> QuerySet[Source]:
    role = role_of(user)
    sources = Source.objects.all()
    if role == "admin":
        return sources
    if role == "analyst":
        return sources.filter(confidentiality=Confidentiality.PUBLIC)
    if role in STAFF_READERS:
        return sources.filter(
            Q(confidentiality__in=[Confidentiality.PUBLIC, Confidentiality.RESTRICTED])
            | Q(case__in=readable_cases(user))
        ).distinct()
    return sources.none()


def visible_levels(user: User | None) -> list[str]:
    """Confidentiality levels whose records ``user`` may see without being named on them."""
    role = role_of(user)
    if role == "admin":
        return [c.value for c in Confidentiality]
    if role in STAFF_READERS:
        return [Confidentiality.PUBLIC.value, Confidentiality.RESTRICTED.value]
    if role == "analyst":
        return [Confidentiality.PUBLIC.value]
    return []
