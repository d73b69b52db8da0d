"""Fetch and authorise in one call: every view, endpoint and command reads records through here.

A record the user may not see is reported as not found, so its existence does not leak.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from vigil.cases.models import Case, Confidentiality, Intervention, Person, Source
from vigil.cases.roles import STAFF_READERS, User, role_of

M = TypeVar("M", bound=Model)


class AccessDenied(Exception):
    """The record does not exist or the user may not see it (deliberately the same)."""


def visible_to(user: User | None, records: QuerySet[M], named: Q) -> QuerySet[M]:
    """``records`` filtered by the user's role; ``named`` adds confidential ones they are named on."""
    role = role_of(user)
    if role == "admin":
        return records
    if role == "analyst":
        return records.filter(confidentiality=Confidentiality.PUBLIC)
    if role in STAFF_READERS:
        shared = [Confidentiality.PUBLIC, Confidentiality.RESTRICTED]
        return records.filter(Q(confidentiality__in=shared) | named).distinct()
    return records.none()


def readable_cases(user: User | None) -> QuerySet[Case]:
    """The cases ``user`` may see."""
    named = Q(confidentiality=Confidentiality.CONFIDENTIAL) & (Q(owner=user) | Q(members=user))
    return visible_to(user, Case.objects.all(), named)


def access_case(user: User | None, case_id: int) -> Case:
    """The case ``case_id`` if ``user`` may see it, else :class:`AccessDenied`."""
    try:
        return readable_cases(user).get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no case {case_id}") from None


def readable_people(user: User | None) -> QuerySet[Person]:
    """People ``user`` may see: their own level allows it, or a case they are in does."""
    return visible_to(user, Person.objects.all(), Q(cases__in=readable_cases(user)))


def access_person(user: User | None, person_id: int) -> Person:
    try:
        return readable_people(user).get(pk=person_id)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no defender {person_id}") from None


def readable_sources(user: User | None) -> QuerySet[Source]:
    return visible_to(user, Source.objects.all(), Q(case__in=readable_cases(user)))


def access_source(user: User | None, source_id: int) -> Source:
    try:
        return readable_sources(user).get(pk=source_id)
    except (Source.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no source {source_id}") from None


def access_appeal(user: User | None, intervention_id: int) -> Intervention:
    """An intervention (appeal) on a case ``user`` may see."""
    try:
        return Intervention.objects.get(pk=intervention_id, case__in=readable_cases(user))
    except (Intervention.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no appeal {intervention_id}") from None


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
