"""Filing the people and organisations that sources name, and the parts each source adds.

Who a name is follows the rule of ``cases.identity`` (reuse only an exact spelling under its
conditions, else a new record with possible matches). Every part a source adds — a spelling,
a role, a tie to an organisation — is its own row at that source's level; a part already known
at an equal or more open level is not added again.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import require_writer
from vigil.cases.actions.records import create
from vigil.cases.identity import (
    Mention,
    known_person,
    organisation_candidates,
    organisation_name_rows,
    person_candidates,
    person_name_row,
    rank,
    record_organisation_matches,
    record_person_matches,
    spellings_usable_by,
)
from vigil.cases.models import (
    Affiliation,
    Confidentiality,
    Organisation,
    OrganisationName,
    Person,
    PersonName,
    PersonRole,
    Source,
)
from vigil.cases.models.organisation import OrganisationKind
from vigil.cases.names import exact_form
from vigil.cases.roles import User
from vigil.search.index import index_person

NOT_KNOWN = 99


def openest(known: Iterable[tuple[str, str]]) -> dict[str, int]:
    """For each value of ``(value, level)`` pairs, the rank of the most open level it has."""
    lowest: dict[str, int] = {}
    for value, level in known:
        lowest[value] = min(lowest.get(value, NOT_KNOWN), rank(level))
    return lowest


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
    """The person a source names: reused only under the rule of ``identity``, else created,
    with a possible match recorded for the best candidates the name may be. Only spellings no
    stricter than the source take part."""
    mention = Mention(name, country, gender, confidentiality, tuple(organisations), months, source)
    candidates = person_candidates(name, levels=spellings_usable_by(confidentiality))
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


def propose_matches(person: Person) -> None:
    """Possible matches for a person entered by hand (never merged: the person was typed in on purpose)."""
    mention = Mention(person.name, person.country, person.gender, person.confidentiality)
    levels = spellings_usable_by(person.confidentiality)
    candidates = person_candidates(person.name, levels=levels, exclude=[person.pk])
    record_person_matches(person, mention, candidates)


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
    level = rank(mention.level)
    added: dict[str, int] = {}
    spellings = openest(
        (exact_form(n), lvl) for n, lvl in person.names.values_list("name", "confidentiality")
    )
    if spellings.get(exact_form(mention.name), NOT_KNOWN) > level:
        person_name_row(person, mention.name, level=mention.level, source=mention.source).save()
        added["names"] = 1
    known_roles = openest(person.roles.values_list("role", "confidentiality"))
    new_roles = [r[:200] for r in dict.fromkeys(roles) if r and known_roles.get(r[:200], NOT_KNOWN) > level]
    PersonRole.objects.bulk_create(
        PersonRole(person=person, role=r, confidentiality=mention.level, source=mention.source)
        for r in new_roles
    )
    if new_roles:
        added["roles"] = len(new_roles)
    if added:
        record(
            "person.add_parts",
            acting_user=acting_user,
            instance=person,
            detail={"level": mention.level, **added},
        )
    return bool(added)


def do_set_roles(person: Person, roles: Iterable[str], *, acting_user: User | None) -> None:
    """Roles as corrected by hand: new ones at the person's level, removed ones gone at every level."""
    require_writer(acting_user)
    wanted = [r.strip()[:200] for r in dict.fromkeys(roles) if r.strip()]
    with transaction.atomic():
        removed = [r for r in person.roles.all() if r.role not in wanted]
        gone = sorted({r.role for r in removed})
        PersonRole.objects.filter(pk__in=[r.pk for r in removed]).delete()
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


def add_organisation_names(
    organisation: Organisation, name: str, *, level: str | None = None, source: Source | None = None
) -> None:
    """Another spelling of an organisation (and the short names inside it), at the level of the
    source that gave it (the organisation's own when typed in), unless known as openly."""
    level = level or organisation.confidentiality
    known = openest(
        (exact_form(n), lvl) for n, lvl in organisation.names.values_list("name", "confidentiality")
    )
    rows = organisation_name_rows(organisation, name, level=level, source=source)
    OrganisationName.objects.bulk_create(
        r for r in rows if known.get(exact_form(r.name), NOT_KNOWN) > rank(level)
    )


def find_or_create_organisation(
    *,
    acting_user: User | None,
    name: str,
    country: str = "",
    confidentiality: str = Confidentiality.RESTRICTED,
    source: Source | None = None,
    kind: str = OrganisationKind.OTHER,
) -> Organisation:
    """An organisation of exactly that name (or short name) in that country, or a new one (of
    ``kind``) with possible matches. The spelling keeps the source's level either way."""
    candidates = organisation_candidates(name)
    exact = [pk for pk, is_exact in candidates.items() if is_exact]
    same_country = list(Organisation.objects.filter(pk__in=exact, country=country)[:2])
    if len(same_country) == 1:
        organisation = same_country[0]
        add_organisation_names(organisation, name, level=confidentiality, source=source)
        return organisation
    organisation = create(
        Organisation,
        acting_user=acting_user,
        action="organisation.create",
        name=name,
        country=country,
        confidentiality=confidentiality,
        kind=kind,
    )
    add_organisation_names(organisation, name, level=confidentiality, source=source)
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
    ties = Affiliation.objects.filter(person=person, organisation=organisation)
    levels = [t.confidentiality for t in ties if t.role == role]
    if openest((role, level) for level in levels).get(role, NOT_KNOWN) <= rank(confidentiality):
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


def parts_follow_level(instance: Person | Organisation | Source) -> None:
    """After a level decision: the parts a source taught take the source's new level, and the
    parts typed in on a person or organisation take the record's; the people touched are
    reindexed. (A part is never more open than what it came from.)"""
    level = instance.confidentiality
    people: set[int] = set()
    if isinstance(instance, Source):
        for model in (PersonName, PersonRole, Affiliation):
            rows = model.objects.filter(source=instance)
            people |= set(rows.values_list("person_id", flat=True))
            rows.update(confidentiality=level)
        OrganisationName.objects.filter(source=instance).update(confidentiality=level)
    elif isinstance(instance, Person):
        instance.names.filter(source__isnull=True).update(confidentiality=level)
        instance.roles.filter(source__isnull=True).update(confidentiality=level)
        people.add(instance.pk)
    else:
        instance.names.filter(source__isnull=True).update(confidentiality=level)
    for person in Person.objects.filter(pk__in=people):
        index_person(person)
