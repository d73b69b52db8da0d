"""Fetch and authorise in one call: every view, endpoint and command reads records through here.

A record the user may not see is reported as not found, so its existence does not leak.
Deleted records are left out unless ``deleted=True`` asks for them (to restore one).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth.models import User as Account
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet

from vigil.audit.reads import note_read
from vigil.cases.models import (
    Affiliation,
    Case,
    Confidentiality,
    Event,
    FollowUp,
    Intervention,
    Organisation,
    Person,
    Source,
)
from vigil.cases.roles import STAFF_READERS, User, role_of

M = TypeVar("M", bound=Model)

KINDS: dict[str, type[Any]] = {
    "case": Case,
    "person": Person,
    "organisation": Organisation,
    "event": Event,
    "followup": FollowUp,
    "source": Source,
}


class AccessDenied(Exception):
    """The record does not exist or the user may not see it (deliberately the same)."""


def level_condition(user: User | None, named: Q, prefix: str = "") -> Q:
    """The condition on a record's level (``prefix`` + ``confidentiality``) that lets ``user`` read
    it: by role, and for staff a confidential one where ``named`` holds. For subqueries and
    aggregates over a case's records; :func:`visible_to` applies it to a queryset."""
    field = f"{prefix}confidentiality"
    role = role_of(user)
    if role == "admin":
        return Q()
    if role == "analyst":
        return Q(**{field: Confidentiality.PUBLIC})
    if role in STAFF_READERS:
        return Q(**{f"{field}__in": [Confidentiality.PUBLIC, Confidentiality.RESTRICTED]}) | named
    return Q(pk__in=[])


def visible_to(user: User | None, records: QuerySet[M], named: Q) -> QuerySet[M]:
    """``records`` filtered by the user's role; ``named`` adds confidential ones they are named on.
    ``named`` reads the cases a user is named on in a subquery (:func:`named_on_case`), so no
    record is joined to case members and no DISTINCT is needed."""
    role = role_of(user)
    if role not in STAFF_READERS and role != "analyst":
        return records.none()
    return records.filter(level_condition(user, named))


def every(model: type[M], deleted: bool) -> QuerySet[M]:
    manager = model.all_objects if deleted else model._default_manager  # type: ignore[attr-defined]
    queryset: QuerySet[M] = manager.all()
    return queryset.filter(deleted_at__isnull=False) if deleted else queryset


def readable_cases(user: User | None, *, deleted: bool = False) -> QuerySet[Case]:
    """The cases ``user`` may see (the deleted ones instead, with ``deleted``)."""
    return visible_to(user, every(Case, deleted), named_on_confidential_case(user, ""))


def named_on_confidential_case(user: User | None, prefix: str) -> Q:
    return Q(**{f"{prefix}confidentiality": Confidentiality.CONFIDENTIAL}) & named_on_case(user, prefix)


def case_readable(user: User | None, prefix: str) -> Q:
    """The condition on the live case at ``prefix`` (``"case__"``) that :func:`readable_cases`
    applies, read through the record's own case rather than a list of every readable case: the
    database can then walk an index of the records in order and stop at a page."""
    live = Q(**{f"{prefix}deleted_at__isnull": True})
    return live & level_condition(user, named_on_confidential_case(user, prefix), prefix)


def readable_people(user: User | None, *, deleted: bool = False) -> QuerySet[Person]:
    """People ``user`` may see: their own level allows it, or (a confidential person) they are
    named on a case of theirs — as on the case page (:func:`defenders_of`)."""
    return every(Person, deleted).filter(person_readable(user, ""))


def person_readable(user: User | None, prefix: str) -> Q:
    """The condition :func:`readable_people` applies, on the live person at ``prefix``
    (``"person__"`` from a tie): the database checks each row it reaches rather than listing
    every readable person first."""
    on_named = Case.defenders.through.objects.filter(named_on_case(user, "case__")).values("person_id")
    live = Q(**{f"{prefix}deleted_at__isnull": True}) if prefix else Q()
    return live & level_condition(user, Q(**{f"{prefix}pk__in": on_named}), prefix)


def readable_organisations(user: User | None, *, deleted: bool = False) -> QuerySet[Organisation]:
    """Organisations ``user`` may see: by level, or through a tie they may see (see
    ``parts.seen_by``) to a defender of a case they may see."""
    return every(Organisation, deleted).filter(organisation_readable(user, ""))


def organisation_readable(user: User | None, prefix: str) -> Q:
    """The condition :func:`readable_organisations` applies, on the live organisation at
    ``prefix`` (``"organisation__"`` from a tie), checked row by row as :func:`person_readable` is."""
    from vigil.cases.parts import seen_by

    ties = seen_by(Affiliation.objects.filter(person__cases__in=readable_cases(user)), user)
    live = Q(**{f"{prefix}deleted_at__isnull": True}) if prefix else Q()
    return live & level_condition(user, Q(**{f"{prefix}pk__in": ties.values("organisation")}), prefix)


def members_of(user: User | None, organisation: Organisation) -> QuerySet[Person]:
    """People ``user`` may see whose tie to ``organisation`` they may see too."""
    from vigil.cases.parts import seen_by

    ties = seen_by(Affiliation.objects.filter(organisation=organisation), user)
    return readable_people(user).filter(pk__in=ties.values("person")).distinct()


def readable_sources(user: User | None, *, deleted: bool = False) -> QuerySet[Source]:
    """Sources ``user`` may see: by level, or a confidential one on a case they are named on
    (never every staff reader of a restricted case the source was filed into)."""
    return every(Source, deleted).filter(source_readable(user, ""))


def source_readable(user: User | None, prefix: str) -> Q:
    """The condition :func:`readable_sources` applies, on the live source at ``prefix``
    (``"source__"`` from an evidence span), checked row by row as :func:`person_readable` is."""
    live = Q(**{f"{prefix}deleted_at__isnull": True}) if prefix else Q()
    return live & level_condition(user, named_on_case(user, f"{prefix}case__"), prefix)


def on_readable_cases(user: User | None, records: QuerySet[M]) -> QuerySet[M]:
    """Events or follow-ups of cases ``user`` may see, at a level they may see there."""
    return visible_to(user, records.filter(case_readable(user, "case__")), named_on_case(user, "case__"))


def readable_events(user: User | None, *, deleted: bool = False) -> QuerySet[Event]:
    return on_readable_cases(user, every(Event, deleted))


def readable_followups(user: User | None, *, deleted: bool = False) -> QuerySet[FollowUp]:
    return on_readable_cases(user, every(FollowUp, deleted))


NAMED_MEMO = "_vigil_named_cases"


def cases_named_on(user: User | None) -> tuple[QuerySet[Any], ...]:
    """Ids of the cases ``user`` owns, and of those they are a member of (none for anyone but an
    account), as subqueries: two, each read through its own index (one subquery with an OR across
    the members join scanned every case). Never evaluated here, so built once per account
    object and always current."""
    if not isinstance(user, Account):
        return (Case.all_objects.none().values("pk"),)
    if NAMED_MEMO not in user.__dict__:
        user.__dict__[NAMED_MEMO] = (
            Case.all_objects.filter(owner=user).values("pk"),
            Case.members.through.objects.filter(user=user).values("case_id"),
        )
    named: tuple[QuerySet[Any], ...] = user.__dict__[NAMED_MEMO]
    return named


def named_on_case(user: User | None, prefix: str) -> Q:
    """``user`` is named (owner or member) on the case at ``prefix``: ``""`` for a case itself,
    ``"case__"`` for an event, a follow-up or a source, ``"source__case__"`` for a part."""
    field = f"{prefix}in" if prefix else "pk__in"
    condition = Q()
    for ids in cases_named_on(user):
        condition |= Q(**{field: ids})
    return condition


def defenders_of(user: User | None, case: Case) -> QuerySet[Person]:
    """The case's defenders ``user`` may see here (a confidential one only if named on this case)."""
    named_here = Case.all_objects.filter(named_on_case(user, ""), pk=case.pk).exists()
    return visible_to(user, Person.objects.filter(cases=case), Q(pk__isnull=not named_here))


def events_of(user: User | None, case: Case) -> QuerySet[Event]:
    return readable_events(user).filter(case=case)


def followups_of(user: User | None, case: Case) -> QuerySet[FollowUp]:
    return readable_followups(user).filter(case=case)


READABLE = {
    "case": readable_cases,
    "person": readable_people,
    "organisation": readable_organisations,
    "event": readable_events,
    "followup": readable_followups,
    "source": readable_sources,
}


def access_record(user: User | None, kind: str, record_id: int, *, deleted: bool = False) -> Any:
    """The record of ``kind`` (see :data:`KINDS`) if ``user`` may see it, else :class:`AccessDenied`."""
    if kind not in READABLE:
        raise AccessDenied(f"no {kind} {record_id}")
    try:
        found = READABLE[kind](user, deleted=deleted).get(pk=record_id)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no {'deleted ' if deleted else ''}{kind} {record_id}") from None
    note_read(user, found)
    return found


def access_case(user: User | None, case_id: int) -> Case:
    """The case ``case_id`` if ``user`` may see it, else :class:`AccessDenied`."""
    try:
        case = readable_cases(user).get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no case {case_id}") from None
    note_read(user, case)
    return case


def access_person(user: User | None, person_id: int) -> Person:
    try:
        person = readable_people(user).get(pk=person_id)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no defender {person_id}") from None
    note_read(user, person)
    return person


def access_organisation(user: User | None, organisation_id: int) -> Organisation:
    result: Organisation = access_record(user, "organisation", organisation_id)
    return result


def access_event(user: User | None, event_id: int) -> Event:
    result: Event = access_record(user, "event", event_id)
    return result


def access_followup(user: User | None, followup_id: int) -> FollowUp:
    result: FollowUp = access_record(user, "followup", followup_id)
    return result


def access_source(user: User | None, source_id: int) -> Source:
    try:
        source = readable_sources(user).get(pk=source_id)
    except (Source.DoesNotExist, ValueError, TypeError):
        raise AccessDenied(f"no source {source_id}") from None
    note_read(user, source)
    return source


def readable_appeals(user: User | None) -> QuerySet[Intervention]:
    return Intervention.objects.filter(case__in=readable_cases(user))


def access_appeal(user: User | None, intervention_id: int) -> Intervention:
    """An intervention (appeal) on a case ``user`` may see."""
    try:
        return readable_appeals(user).get(pk=intervention_id)
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
