"""Writing cases, people, organisations, events, interventions and follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import require_writer
from vigil.cases.identity import (
    LEVEL_RANK,
    Mention,
    known_person,
    organisation_candidates,
    organisation_name_rows,
    person_candidates,
    person_name_row,
    record_organisation_matches,
    record_person_matches,
)
from vigil.cases.models import (
    Affiliation,
    Case,
    Confidentiality,
    Demand,
    Event,
    EventSource,
    FollowUp,
    Intervention,
    Organisation,
    OrganisationName,
    Person,
    PersonRole,
    Source,
)
from vigil.cases.names import exact_form
from vigil.cases.roles import User
from vigil.search.index import index_case, index_event, index_person

M = TypeVar("M", bound=models.Model)


def create(model: type[M], *, acting_user: User | None, action: str, **fields: Any) -> M:
    """Create one record and its audit entry (the caller holds the transaction)."""
    instance = model._default_manager.create(**fields)
    record(action, acting_user=acting_user, instance=instance)
    return instance


def do_create_case(*, acting_user: User | None, title: str, **fields: Any) -> Case:
    """Open a case."""
    require_writer(acting_user)
    with transaction.atomic():
        case = create(Case, acting_user=acting_user, action="case.create", title=title, **fields)
        index_case(case)
    return case


def find_or_create_person(
    *,
    acting_user: User | None,
    name: str,
    confidentiality: str = Confidentiality.RESTRICTED,
    country: str = "",
    gender: str = "unknown",
    roles: Iterable[str] = (),
    source: Source | None = None,
    organisations: Iterable[str] = (),
    months: frozenset[tuple[int, int]] = frozenset(),
) -> Person:
    """The person a source names: reused only under the exact-name rule of ``identity``, else
    created, with a possible match recorded for each existing person the name may be."""
    mention = Mention(name, country, gender, confidentiality, tuple(organisations), months, source)
    candidates = person_candidates(name)
    person = known_person(mention, candidates)
    if person is None:
        person = create(
            Person,
            acting_user=acting_user,
            action="person.create",
            name=name,
            gender=gender,
            country=country,
            confidentiality=confidentiality,
        )
        person_name_row(person, name, level=confidentiality, source=source).save()
        record_person_matches(person, mention, candidates)
        changed = True
    else:
        changed = learn_gender(person, gender, acting_user=acting_user)
    if add_person_parts(acting_user=acting_user, person=person, mention=mention, roles=roles) or changed:
        index_person(person)
    return person


def learn_gender(person: Person, gender: str, *, acting_user: User | None) -> bool:
    """A gender a source states, for a person whose gender was unknown; True if it changed."""
    if gender == "unknown" or person.gender != "unknown":
        return False
    before = snapshot(person)
    person.gender = gender
    person.save(update_fields=["gender", "updated_at"])
    record("person.update", acting_user=acting_user, instance=person, before=before)
    return True


def add_alias(
    person: Person,
    name: str,
    *,
    acting_user: User | None,
    level: str | None = None,
    source: Source | None = None,
) -> None:
    """Record another spelling of a person chosen by hand (at review, for example), at the level
    of the source it comes from (the person's own when none)."""
    mention = Mention(name, person.country, "unknown", level or person.confidentiality, source=source)
    add_person_parts(acting_user=acting_user, person=person, mention=mention, roles=())
    index_person(person)


def add_person_parts(
    *, acting_user: User | None, person: Person, mention: Mention, roles: Iterable[str]
) -> bool:
    """Add the spelling and roles a source gives, at its level, unless already known as openly;
    True if anything was added."""
    rank = LEVEL_RANK[Confidentiality(mention.level)]
    added: dict[str, list[str]] = {}
    known_names: dict[str, int] = {}
    for row in person.names.all():
        spelling = exact_form(row.name)
        known_names[spelling] = min(
            known_names.get(spelling, 99), LEVEL_RANK[Confidentiality(row.confidentiality)]
        )
    if known_names.get(exact_form(mention.name), 99) > rank:
        person_name_row(person, mention.name, level=mention.level, source=mention.source).save()
        added["names"] = [mention.name]
    known_roles: dict[str, int] = {}
    for part in person.roles.all():
        known_roles[part.role] = min(
            known_roles.get(part.role, 99), LEVEL_RANK[Confidentiality(part.confidentiality)]
        )
    new_roles = [r for r in dict.fromkeys(roles) if r and known_roles.get(r, 99) > rank]
    PersonRole.objects.bulk_create(
        PersonRole(person=person, role=r[:200], confidentiality=mention.level, source=mention.source)
        for r in new_roles
    )
    if new_roles:
        added["roles"] = new_roles
    if added:
        record(
            "person.add_parts",
            acting_user=acting_user,
            instance=person,
            detail={"level": mention.level, **{k: len(v) for k, v in added.items()}},
        )
    return bool(added)


def do_set_roles(person: Person, roles: Iterable[str], *, acting_user: User | None) -> None:
    """Roles as corrected by hand: new ones at the person's level, removed ones gone at every level."""
    require_writer(acting_user)
    wanted = [r.strip()[:200] for r in dict.fromkeys(roles) if r.strip()]
    with transaction.atomic():
        removed = person.roles.exclude(role__in=wanted)
        gone = sorted(set(removed.values_list("role", flat=True)))
        removed.delete()
        known = set(person.roles.values_list("role", flat=True))
        added = [r for r in wanted if r not in known]
        PersonRole.objects.bulk_create(
            PersonRole(person=person, role=r, confidentiality=person.confidentiality) for r in added
        )
        if added or gone:
            record(
                "person.set_roles",
                acting_user=acting_user,
                instance=person,
                detail={"added": len(added), "removed": len(gone)},
            )
        index_person(person)


def add_organisation_names(organisation: Organisation, name: str, source: Source | None = None) -> None:
    """Another spelling of an organisation (and the short names inside it), unless known."""
    known = {exact_form(n) for n in organisation.names.values_list("name", flat=True)}
    rows = organisation_name_rows(organisation, name, level=organisation.confidentiality, source=source)
    OrganisationName.objects.bulk_create(r for r in rows if exact_form(r.name) not in known)


def find_or_create_organisation(
    *,
    acting_user: User | None,
    name: str,
    country: str = "",
    confidentiality: str = Confidentiality.RESTRICTED,
    source: Source | None = None,
    **fields: Any,
) -> Organisation:
    """An organisation of exactly that name in that country, or a new one with possible matches."""
    candidates = organisation_candidates(name)
    exact = [pk for pk, is_exact in candidates.items() if is_exact]
    same_country = list(Organisation.objects.filter(pk__in=exact, country=country)[:2])
    if len(same_country) == 1:
        return same_country[0]
    organisation = create(
        Organisation,
        acting_user=acting_user,
        action="organisation.create",
        name=name,
        country=country,
        confidentiality=confidentiality,
        **fields,
    )
    add_organisation_names(organisation, name, source)
    record_organisation_matches(organisation, candidates)
    return organisation


def affiliate(
    *,
    acting_user: User | None,
    person: Person,
    organisation: Organisation,
    role: str,
    confidentiality: str = Confidentiality.RESTRICTED,
    source: Source | None = None,
) -> None:
    """Tie a person to an organisation at the source's level, unless already tied as openly."""
    rank = LEVEL_RANK[Confidentiality(confidentiality)]
    ties = Affiliation.objects.filter(person=person, organisation=organisation, role=role)
    if any(LEVEL_RANK[Confidentiality(t.confidentiality)] <= rank for t in ties):
        return
    create(
        Affiliation,
        acting_user=acting_user,
        action="affiliation.create",
        person=person,
        organisation=organisation,
        role=role,
        confidentiality=confidentiality,
        source=source,
    )


def add_defenders(*, acting_user: User | None, case: Case, people: Iterable[Person]) -> None:
    """Add the people the case is not already about, one audit entry each."""
    people = list(people)
    present = set(case.defenders.filter(pk__in=[p.pk for p in people]).values_list("pk", flat=True))
    added = [p for p in dict.fromkeys(people) if p.pk not in present]
    case.defenders.add(*added)
    for person in added:
        record("case.add_defender", acting_user=acting_user, instance=case, detail={"person": person.pk})
    index_case(case)


def add_event(
    *,
    acting_user: User | None,
    case: Case,
    victims: Iterable[Person],
    source: Source | None = None,
    evidence: tuple[int, int] | None = None,
    **fields: Any,
) -> Event:
    event = create(Event, acting_user=acting_user, action="event.create", case=case, **fields)
    event.victims.set(list(victims))
    if source is not None and evidence is not None:
        EventSource.objects.create(event=event, source=source, start=evidence[0], end=evidence[1])
    index_event(event)
    return event


def add_intervention(
    *,
    acting_user: User | None,
    case: Case,
    demands: Iterable[tuple[str, tuple[int, int] | None]],
    **fields: Any,
) -> Intervention:
    intervention = create(
        Intervention, acting_user=acting_user, action="intervention.create", case=case, **fields
    )
    Demand.objects.bulk_create(
        Demand(
            intervention=intervention,
            position=position,
            text=text,
            start=span[0] if span else None,
            end=span[1] if span else None,
        )
        for position, (text, span) in enumerate(demands, start=1)
    )
    return intervention


def add_followup(*, acting_user: User | None, case: Case, kind: str, due: dt.date, **fields: Any) -> FollowUp:
    existing = FollowUp.objects.filter(case=case, kind=kind, due=due).first()
    if existing is not None:
        return existing
    return create(
        FollowUp,
        acting_user=acting_user,
        action="followup.create",
        case=case,
        kind=kind,
        due=due,
        **fields,
    )
