"""Who a suggested defender may already be: the people on record and the cases they are in.

The one place review asks identity questions. It uses the same fuzzy name match as
ingest until the identity work (possible matches with scores and reasons) replaces it here.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from vigil.cases.access import readable_cases, readable_people
from vigil.cases.actions.records import find_person
from vigil.cases.models import Case, Person, Source, SuggestionStatus
from vigil.cases.roles import User

CANDIDATES = 8


def person_on_record(user: User | None, name: str) -> Person | None:
    """The person ``name`` already is, if ``user`` may see them."""
    person = find_person(name)
    if person is None or not readable_people(user).filter(pk=person.pk).exists():
        return None
    return person


def candidates(user: User | None, name: str, limit: int = CANDIDATES) -> list[Person]:
    """People ``user`` may see whose names are closest to ``name``, best first."""
    people = {p.pk: p for p in readable_people(user).only("id", "name", "aliases")}
    choices = {(pk, n): n for pk, p in people.items() for n in [p.name, *p.aliases]}
    best = process.extract(name, choices, scorer=fuzz.token_sort_ratio, limit=limit * 2)
    ranked: list[Person] = []
    for _, _, (pk, _) in best:
        if people[pk] not in ranked:
            ranked.append(people[pk])
    return ranked[:limit]


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
