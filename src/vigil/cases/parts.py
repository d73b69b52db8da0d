"""The parts of a shared record a reader may see: spellings, roles and affiliations by level.

A person or an organisation is shared by every source that names it, and each source adds
parts at its own level. Whoever reads a record reads only the parts of the levels given here:
a spelling or a membership learnt from a confidential document never reaches a lower role, a
search index, an export or a public appeal. Functions take the levels explicitly (for
renderings and indexes) or a user (for views and commands), which adds the confidential parts
of sources on cases the user is named on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from vigil.cases.identity import levels_up_to, stricter
from vigil.cases.models import Affiliation, Case, Confidentiality, Organisation, Person, PersonName
from vigil.cases.roles import User

M = TypeVar("M", bound=Model)
CONFIDENTIAL = Confidentiality.CONFIDENTIAL.value


def internal_levels(case_level: str) -> list[str]:
    """The levels an internal rendering of a case may carry: what every staff reader of the case
    reads (restricted), or the case's own level if stricter. With the case passed to the readers
    below, a confidential part then counts only if it was learnt on that very case."""
    return levels_up_to(stricter(case_level, Confidentiality.RESTRICTED))


def at_levels(parts: QuerySet[M], levels: Iterable[str], case: Case | None = None) -> QuerySet[M]:
    """Parts of ``levels``. With ``case``, a confidential part counts only if a source of that
    case taught it or it was typed in on the record itself — never one from another case."""
    levels = list(levels)
    if case is None or CONFIDENTIAL not in levels:
        return parts.filter(confidentiality__in=levels)
    open_levels = [level for level in levels if level != CONFIDENTIAL]
    this_case = Q(source__isnull=True) | Q(source__case=case)
    return parts.filter(Q(confidentiality__in=open_levels) | (Q(confidentiality=CONFIDENTIAL) & this_case))


def listed_at(parts: QuerySet[M], levels: Iterable[str], case: Case | None = None) -> Iterable[M]:
    """:func:`at_levels`, but without ``case`` the parts are filtered here rather than in the
    database, so parts fetched ahead with ``prefetch_related`` (a page of search hits) serve."""
    if case is not None:
        return at_levels(parts, levels, case)
    wanted = set(levels)
    return [part for part in parts if part.confidentiality in wanted]  # type: ignore[attr-defined]


def seen_by(parts: QuerySet[M], user: User | None) -> QuerySet[M]:
    """Parts ``user`` may see, on a record the caller has already let them read: of a level they
    read; a confidential one only if typed in on the record itself or taught by a source of a
    case they are named on (owner or member)."""
    from vigil.cases.access import named_on_case, visible_levels

    named = Q(source__isnull=True) | named_on_case(user, "source__case__")
    return parts.filter(
        Q(confidentiality__in=visible_levels(user)) | (Q(confidentiality=CONFIDENTIAL) & named)
    )


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def other_names(person: Person, names: Iterable[PersonName]) -> list[str]:
    """Spellings other than the person's primary name, each once."""
    return unique(n.name for n in names if n.name != person.name)


def aliases_at(person: Person, levels: Iterable[str], case: Case | None = None) -> list[str]:
    return other_names(person, listed_at(person.names.all(), levels, case))


def aliases_seen_by(person: Person, user: User | None) -> list[str]:
    return other_names(person, seen_by(person.names.all(), user))


def by_script(names: Iterable[PersonName]) -> dict[str, list[str]]:
    """Spellings grouped by script (``Latn``, ``Cyrl``...), each once."""
    grouped: dict[str, list[str]] = {}
    for row in names:
        if row.name not in grouped.get(row.script, []):
            grouped.setdefault(row.script, []).append(row.name)
    return grouped


def name_in_script(
    person: Person, script: str, levels: Iterable[str], case: Case | None = None
) -> str | None:
    """The person's name written in ``script`` (e.g. ``Cyrl``) at the given levels, if known:
    for appeals in a language of that script."""
    row = at_levels(person.names.filter(script=script), levels, case).first()
    return row.name if row else None


def roles_at(person: Person, levels: Iterable[str], case: Case | None = None) -> list[str]:
    return unique(r.role for r in listed_at(person.roles.all(), levels, case))


def roles_seen_by(person: Person, user: User | None) -> list[str]:
    return unique(r.role for r in seen_by(person.roles.all(), user))


def affiliations_at(person: Person, levels: Iterable[str], case: Case | None = None) -> list[Affiliation]:
    """Ties to organisations at the given levels, to organisations of those levels."""
    levels = list(levels)
    ties = at_levels(person.affiliations.select_related("organisation"), levels, case)
    return list(ties.filter(organisation__confidentiality__in=levels))


def affiliations_seen_by(person: Person, user: User | None) -> list[Affiliation]:
    from vigil.cases.access import organisation_readable

    ties = seen_by(person.affiliations.select_related("organisation"), user)
    return list(ties.filter(organisation_readable(user, "organisation__")))


def organisation_names_at(affiliations: Iterable[Affiliation]) -> list[str]:
    return unique(a.organisation.name for a in affiliations)


def organisation_aliases_seen_by(organisation: Organisation, user: User | None) -> list[str]:
    names = seen_by(organisation.names.all(), user)
    return unique(n.name for n in names if n.name != organisation.name)
