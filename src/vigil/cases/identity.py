"""Who a name in a new source is: the same record, or a new one with possible matches.

The rule, for people: a name reuses an existing person only when its normalised spelling is
exactly one the person already carries, in the same country, with no contradicting gender,
and the person is at least as confidential as the source (a confidential source never attaches
its facts to a less confidential person without a coordinator's decision). Anything looser —
another script, another spelling, another word order, an initial — creates a new person and
records a :class:`~vigil.cases.models.PersonMatch` with its score and reasons.

Organisations follow the same keys, but an exact name in the same country is reused whatever
the levels, because what a source says about an organisation (a member, another spelling) is a
part that keeps the source's own level.

Candidates come from indexed keyed hashes of the name keys, never from a scan of all records.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from vigil.cases.models import (
    Confidentiality,
    Organisation,
    OrganisationMatch,
    OrganisationName,
    Person,
    PersonMatch,
    PersonName,
    Source,
)
from vigil.cases.names import (
    NameKeys,
    compare_person_names,
    exact_form,
    is_initialled,
    organisation_keys,
    person_keys,
    script_of,
    short_names,
)
from vigil.crypto.keys import keyring

LEVEL_RANK = {Confidentiality.PUBLIC: 0, Confidentiality.RESTRICTED: 1, Confidentiality.CONFIDENTIAL: 2}
CANDIDATE_ROWS = 200


def stricter(a: str, b: str) -> str:
    """The more confidential of two levels."""
    return a if LEVEL_RANK[Confidentiality(a)] >= LEVEL_RANK[Confidentiality(b)] else b


def blind(key: str) -> str:
    """A keyed hash of a name key: equal keys give equal hashes, and no name can be read back."""
    return hmac.new(keyring().names, key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def key_columns(name: str, keys: NameKeys) -> dict[str, Any]:
    return {
        "script": script_of(name),
        "exact_key": blind(keys.exact),
        "skeleton_key": blind(keys.skeleton),
        "phonetic_key": blind(keys.phonetic),
        "initial_key": blind(keys.initial) if keys.initial else "",
        "initialled": is_initialled(name),
    }


def person_name_row(person: Person, name: str, *, level: str, source: Source | None) -> PersonName:
    """An unsaved spelling row for ``person`` with its keys."""
    columns = key_columns(name, person_keys(name))
    return PersonName(person=person, name=name, confidentiality=level, source=source, **columns)


def organisation_name_rows(
    organisation: Organisation, name: str, *, level: str, source: Source | None
) -> list[OrganisationName]:
    """Unsaved rows for an organisation's name and the short names it carries."""
    return [
        OrganisationName(
            organisation=organisation,
            name=spelling,
            confidentiality=level,
            source=source,
            **key_columns(spelling, organisation_keys(spelling)),
        )
        for spelling in [name, *short_names(name)]
    ]


def candidate_query(keys: NameKeys, *, initialled: bool) -> Q:
    """Rows sharing any key with a name; the initial key only where one side is an initial."""
    query = Q(exact_key=blind(keys.exact)) | Q(skeleton_key=blind(keys.skeleton))
    query |= Q(phonetic_key=blind(keys.phonetic))
    if keys.initial:
        initial = Q(initial_key=blind(keys.initial))
        query |= initial if initialled else initial & Q(initialled=True)
    return query


@dataclass
class Candidate:
    """An existing person a new name may be: the best-scoring spelling and why."""

    person_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    exact: bool = False


def person_candidates(name: str, *, exclude: Iterable[int] = ()) -> list[Candidate]:
    """Existing (unmerged) people whose spellings share a key with ``name``, best first."""
    keys = person_keys(name)
    rows = (
        PersonName.objects.filter(candidate_query(keys, initialled=is_initialled(name)))
        .filter(person__merged_into__isnull=True)
        .exclude(person_id__in=list(exclude))
        .values_list("person_id", "name", "exact_key")[:CANDIDATE_ROWS]
    )
    exact_key = blind(keys.exact)
    best: dict[int, Candidate] = {}
    for person_id, spelling, row_exact in rows:
        likeness = compare_person_names(name, spelling)
        if likeness is None:
            continue
        current = best.get(person_id)
        if current is None or likeness.score > current.score:
            best[person_id] = Candidate(person_id, likeness.score, list(likeness.reasons))
        best[person_id].exact |= row_exact == exact_key
    return sorted(best.values(), key=lambda c: -c.score)


@dataclass(frozen=True)
class Mention:
    """What a source says about a person, as identity needs it."""

    name: str
    country: str
    gender: str
    level: str
    organisations: tuple[str, ...] = ()
    months: frozenset[tuple[int, int]] = frozenset()
    source: Source | None = None


def reusable(person: Person, mention: Mention) -> bool:
    """May ``mention`` be filed under ``person`` without anyone deciding?"""
    genders = {person.gender, mention.gender} - {"unknown", ""}
    return (
        person.country == mention.country
        and len(genders) <= 1
        and LEVEL_RANK[Confidentiality(person.confidentiality)] >= LEVEL_RANK[Confidentiality(mention.level)]
    )


def known_person(mention: Mention, candidates: list[Candidate]) -> Person | None:
    """The one person ``mention`` may reuse automatically, if exactly one qualifies."""
    exact_ids = [c.person_id for c in candidates if c.exact]
    people = [p for p in Person.objects.filter(pk__in=exact_ids) if reusable(p, mention)]
    return people[0] if len(people) == 1 else None


def record_reasons(person: Person, candidate: Person, mention: Mention) -> list[str]:
    """What the records say beyond the names: country, organisations, dates."""
    reasons = []
    if candidate.country and mention.country:
        reasons.append("same country" if candidate.country == mention.country else "another country")
    theirs = {exact_form(a.organisation.name) for a in candidate.affiliations.select_related("organisation")}
    if theirs & {exact_form(o) for o in mention.organisations}:
        reasons.append("a shared organisation")
    if mention.months:
        their_months = {
            (d.year, d.month) for d in candidate.events.values_list("date", flat=True) if d is not None
        }
        if their_months & mention.months:
            reasons.append("events in the same month")
    return reasons


def adjusted_score(score: float, reasons: list[str]) -> float:
    bonus = {
        "same country": 3,
        "another country": -10,
        "a shared organisation": 5,
        "events in the same month": 3,
    }
    return max(0.0, min(100.0, score + sum(bonus.get(r, 0) for r in reasons)))


def record_person_matches(person: Person, mention: Mention, candidates: list[Candidate]) -> list[PersonMatch]:
    """A pending match between ``person`` and each candidate not already paired with it."""
    others = {p.pk: p for p in Person.objects.filter(pk__in=[c.person_id for c in candidates])}
    made = []
    for candidate in candidates:
        other = others.get(candidate.person_id)
        if other is None or other.pk == person.pk:
            continue
        if {person.gender, other.gender} >= {"female", "male"}:
            continue
        left, right = sorted((person, other), key=lambda p: p.pk)
        if PersonMatch.objects.filter(left=left, right=right).exists():
            continue
        reasons = [*candidate.reasons, *record_reasons(person, other, mention)]
        if candidate.exact and other.confidentiality != person.confidentiality:
            reasons.append("the same name at another level")
        made.append(
            PersonMatch.objects.create(
                left=left, right=right, score=adjusted_score(candidate.score, reasons), reasons=reasons
            )
        )
    return made


def organisation_candidates(name: str, *, exclude: Iterable[int] = ()) -> dict[int, bool]:
    """Existing organisations sharing a key with ``name`` (or its short names): id → exact."""
    found: dict[int, bool] = {}
    for spelling in [name, *short_names(name)]:
        keys = organisation_keys(spelling)
        rows = (
            OrganisationName.objects.filter(candidate_query(keys, initialled=False))
            .filter(organisation__merged_into__isnull=True)
            .exclude(organisation_id__in=list(exclude))
            .values_list("organisation_id", "exact_key")[:CANDIDATE_ROWS]
        )
        for organisation_id, row_exact in rows:
            exact = row_exact == blind(keys.exact) and spelling == name
            found[organisation_id] = found.get(organisation_id, False) or exact
    return found


def record_organisation_matches(organisation: Organisation, candidates: dict[int, bool]) -> None:
    for other in Organisation.objects.filter(pk__in=list(candidates)).exclude(pk=organisation.pk):
        left, right = sorted((organisation, other), key=lambda o: o.pk)
        if OrganisationMatch.objects.filter(left=left, right=right).exists():
            continue
        reasons = ["the same name"] if candidates[other.pk] else ["a name or short name in common"]
        if other.country and organisation.country:
            reasons.append("same country" if other.country == organisation.country else "another country")
        score = 90.0 if candidates[other.pk] else 75.0
        OrganisationMatch.objects.create(
            left=left, right=right, score=adjusted_score(score, reasons), reasons=reasons
        )
