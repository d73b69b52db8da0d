"""Who a suggested defender may already be: the people on record and the cases they are in.

Review asks the same identity questions as ingest (``cases.identity``): the person a name
already is under the exact rule, and the candidates its keys find, best first.
"""

from __future__ import annotations

from vigil.cases.access import readable_cases, readable_organisations, readable_people, visible_levels
from vigil.cases.identity import organisation_candidates, person_candidates
from vigil.cases.models import Case, Organisation, Person, Source, SuggestionStatus
from vigil.cases.roles import User

CANDIDATES = 8


def person_on_record(user: User | None, name: str) -> Person | None:
    """The one person ``user`` may see who carries exactly this name, if there is one."""
    exact = [c.person_id for c in person_candidates(name, levels=visible_levels(user)) if c.exact]
    people = list(readable_people(user).filter(pk__in=exact)[:2])
    return people[0] if len(people) == 1 else None


def candidates(user: User | None, name: str, limit: int = CANDIDATES) -> list[Person]:
    """People ``user`` may see whom ``name`` may be (same name, other spelling or script...), best first."""
    ranked = [c.person_id for c in person_candidates(name, levels=visible_levels(user))]
    people = {p.pk: p for p in readable_people(user).filter(pk__in=ranked)}
    return [people[pk] for pk in ranked if pk in people][:limit]


def matching_cases(user: User | None, source: Source) -> list[Case]:
    """Cases ``user`` may see about a defender the source names: where an update belongs."""
    people: set[int] = set()
    for suggestion in source.suggestions.filter(field="defender").exclude(status=SuggestionStatus.REJECTED):
        attached = suggestion.value.get("person_id")
        if attached:
            people.add(int(attached))
            continue
        person = person_on_record(user, suggestion.value["name"])
        if person is not None:
            people.add(person.pk)
    if not people:
        return []
    return list(readable_cases(user).filter(defenders__in=people).distinct().order_by("-opened", "-id"))


def organisations_like(user: User | None, name: str, limit: int = CANDIDATES) -> list[Organisation]:
    """Organisations ``user`` may see that ``name`` may be (same name, short name, other spelling)."""
    found = organisation_candidates(name)
    ranked = sorted(found, key=lambda pk: not found[pk])
    organisations = {o.pk: o for o in readable_organisations(user).filter(pk__in=ranked)}
    return [organisations[pk] for pk in ranked if pk in organisations][:limit]
