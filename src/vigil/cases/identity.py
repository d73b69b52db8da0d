"""Who a name in a new source is: the same record, or a new one with possible matches.

The rule, for people: a name reuses an existing person without anyone deciding only when
- it is a spelling the person already carries, exactly (case, punctuation and titles aside),
  of at least two words (and not one learnt from a confidential document, unless the new
  source is confidential too);
- the person and the source name the same, known country, and no contradicting gender;
- the person is at least as confidential as the source, and a confidential person only takes
  a confidential source (a restricted case naming a confidential person would open that
  person to every staff reader; a confidential source never attaches its facts to a less
  confidential person);
- exactly one person qualifies.
Anything looser — another script, another spelling, another word order, an initial, a
namesake elsewhere — creates a new person and records a :class:`~vigil.cases.models.PersonMatch`
with its score and reasons, for a coordinator.

Spellings learnt from confidential documents take part only for confidential sources: an alias
known only from a confidential document neither attracts a restricted source's facts nor shows
up as a candidate beside it.

Organisations follow the same keys, but an exact name in the same known country is reused
whatever the levels, because what a source says about an organisation (a member, another
spelling) is a part that keeps the source's own level.

Candidates come from indexed keyed hashes of the name keys (a blind index: the keys show no
more than the name columns they come from, and keep working when those are encrypted), never
from a scan of all records.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

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
CANDIDATE_ROWS = 200  # spelling rows read per loose lookup; exact ones are always all read
MATCHES_PER_MENTION = 10  # possible matches recorded for one new record, best first


def rank(level: str) -> int:
    return LEVEL_RANK[Confidentiality(level)]


def stricter(a: str, b: str) -> str:
    """The more confidential of two levels."""
    return a if rank(a) >= rank(b) else b


def levels_up_to(level: str) -> list[str]:
    """The levels no stricter than ``level``."""
    return [c.value for c in Confidentiality if LEVEL_RANK[c] <= rank(level)]


def spellings_usable_by(level: str) -> list[str]:
    """The levels of spellings a source of ``level`` may be matched against: all for a
    confidential source; for any other, every level but confidential (a spelling known only from
    a confidential document is never linked to a name in a document staff can all read)."""
    if level == Confidentiality.CONFIDENTIAL:
        return [c.value for c in Confidentiality]
    return [c.value for c in Confidentiality if c != Confidentiality.CONFIDENTIAL]


def blind(key: str) -> str:
    """A keyed hash of a name key: equal keys give equal hashes, and no key can be read back."""
    return hmac.new(keyring().names, key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def key_columns(name: str, keys: NameKeys) -> dict[str, Any]:
    """The columns a spelling row stores: its script and its blinded keys."""
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


def loose_query(keys: NameKeys, *, initialled: bool) -> Q:
    """Rows sharing a looser key with a name; the initial key only where one side is an initial."""
    query = Q(skeleton_key=blind(keys.skeleton)) | Q(phonetic_key=blind(keys.phonetic))
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


def spelling_rows(levels: Iterable[str] | None, exclude: Iterable[int]) -> QuerySet[PersonName]:
    rows = PersonName.objects.order_by().filter(person__merged_into__isnull=True)
    if exclude:
        rows = rows.exclude(person_id__in=list(exclude))
    return rows if levels is None else rows.filter(confidentiality__in=list(levels))


def person_candidates(
    name: str, *, levels: Iterable[str] | None = None, exclude: Iterable[int] = ()
) -> list[Candidate]:
    """Unmerged people whose spellings (of ``levels``, all when None) share a key with ``name``,
    best first. Every exact spelling is read; looser ones up to ``CANDIDATE_ROWS``."""
    levels, exclude = (list(levels) if levels is not None else None), list(exclude)
    keys = person_keys(name)
    exact_key = blind(keys.exact)
    rows = spelling_rows(levels, exclude)
    exact = rows.filter(exact_key=exact_key).values_list("person_id", "name")
    loose = rows.filter(loose_query(keys, initialled=is_initialled(name))).exclude(exact_key=exact_key)
    best: dict[int, Candidate] = {}
    for person_id, _spelling in exact:
        best[person_id] = Candidate(person_id, 100.0, ["same name"], exact=True)
    for person_id, spelling in loose.values_list("person_id", "name")[:CANDIDATE_ROWS]:
        likeness = compare_person_names(name, spelling)
        current = best.get(person_id)
        if likeness is not None and (current is None or likeness.score > current.score):
            best[person_id] = Candidate(person_id, likeness.score, list(likeness.reasons), exact=False)
    return sorted(best.values(), key=lambda c: (-c.exact, -c.score))


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


def reusable_level(person_level: str, source_level: str) -> bool:
    """May a source of ``source_level`` add facts to a person of ``person_level`` without a
    coordinator? Only if the person is at least as confidential, and a confidential person only
    takes confidential sources."""
    confidential = Confidentiality.CONFIDENTIAL.value
    return rank(person_level) >= rank(source_level) and (
        person_level != confidential or source_level == confidential
    )


def reusable(person: Person, mention: Mention) -> bool:
    """May ``mention`` be filed under ``person`` without anyone deciding? (see the module's rule)"""
    genders = {person.gender, mention.gender} - {"unknown", ""}
    return (
        bool(mention.country)
        and person.country == mention.country
        and len(genders) <= 1
        and reusable_level(person.confidentiality, mention.level)
    )


def known_person(mention: Mention, candidates: list[Candidate]) -> Person | None:
    """The one person ``mention`` may reuse automatically, if exactly one qualifies."""
    if len(exact_form(mention.name).split()) < 2:
        return None
    exact_ids = [c.person_id for c in candidates if c.exact]
    people = [p for p in Person.objects.filter(pk__in=exact_ids) if reusable(p, mention)]
    return people[0] if len(people) == 1 else None


def record_reasons(candidate: Person, mention: Mention) -> list[str]:
    """What the records say beyond the names: country, organisations, dates."""
    reasons = []
    if candidate.country and mention.country:
        reasons.append("same country" if candidate.country == mention.country else "another country")
    if mention.organisations:
        theirs = {exact_form(name) for name in candidate.organisations.values_list("name", flat=True)}
        if theirs & {exact_form(o) for o in mention.organisations}:
            reasons.append("a shared organisation")
    if mention.months:
        their_months = {
            (d.year, d.month) for d in candidate.events.values_list("date", flat=True) if d is not None
        }
        if their_months & mention.months:
            reasons.append("events in the same month")
    return reasons


SCORE_BONUS = {
    "same country": 3,
    "another country": -10,
    "a shared organisation": 5,
    "events in the same month": 3,
}


def adjusted_score(score: float, reasons: list[str]) -> float:
    """The names' likeness moved by what the records say, within 0–100."""
    return max(0.0, min(100.0, score + sum(SCORE_BONUS.get(r, 0) for r in reasons)))


def new_pair(
    model: type[PersonMatch] | type[OrganisationMatch], first: Any, second: Any
) -> tuple[Any, Any] | None:
    """The pair in stored order (older record left), or None if it was already asked about."""
    left, right = sorted((first, second), key=lambda r: r.pk)
    if model.objects.filter(left_id=left.pk, right_id=right.pk).exists():
        return None
    return left, right


def record_person_matches(person: Person, mention: Mention, candidates: list[Candidate]) -> list[PersonMatch]:
    """A pending match between ``person`` and its best candidates not already paired with it;
    namesakes of known, different genders are not proposed."""
    others = {p.pk: p for p in Person.objects.filter(pk__in=[c.person_id for c in candidates])}
    made: list[PersonMatch] = []
    for candidate in candidates:
        other = others.get(candidate.person_id)
        if len(made) >= MATCHES_PER_MENTION or other is None or other.pk == person.pk:
            continue
        if {person.gender, other.gender} >= {"female", "male"}:
            continue
        pair = new_pair(PersonMatch, person, other)
        if pair is None:
            continue
        reasons = [*candidate.reasons, *record_reasons(other, mention)]
        if candidate.exact and other.confidentiality != person.confidentiality:
            reasons.append("the same name at another level")
        score = adjusted_score(candidate.score, reasons)
        made.append(PersonMatch.objects.create(left=pair[0], right=pair[1], score=score, reasons=reasons))
    return made


def organisation_candidates(name: str, *, exclude: Iterable[int] = ()) -> dict[int, bool]:
    """Existing organisations sharing a key with ``name`` (or its short names): id → exact."""
    found: dict[int, bool] = {}
    for spelling in [name, *short_names(name)]:
        keys = organisation_keys(spelling)
        query = Q(exact_key=blind(keys.exact)) | loose_query(keys, initialled=False)
        rows = (
            OrganisationName.objects.filter(query)
            .filter(organisation__merged_into__isnull=True)
            .exclude(organisation_id__in=list(exclude))
            .values_list("organisation_id", "exact_key")[:CANDIDATE_ROWS]
        )
        for organisation_id, row_exact in rows:
            exact = row_exact == blind(keys.exact) and spelling == name
            found[organisation_id] = found.get(organisation_id, False) or exact
    return found


def record_organisation_matches(organisation: Organisation, candidates: dict[int, bool]) -> None:
    """A pending match between ``organisation`` and each candidate not already paired with it."""
    others = Organisation.objects.filter(pk__in=list(candidates)).exclude(pk=organisation.pk)
    for other in others[:MATCHES_PER_MENTION]:
        pair = new_pair(OrganisationMatch, organisation, other)
        if pair is None:
            continue
        reasons = ["the same name"] if candidates[other.pk] else ["a name or short name in common"]
        if other.country and organisation.country:
            reasons.append("same country" if other.country == organisation.country else "another country")
        score = adjusted_score(90.0 if candidates[other.pk] else 75.0, reasons)
        OrganisationMatch.objects.create(left=pair[0], right=pair[1], score=score, reasons=reasons)
