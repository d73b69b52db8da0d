"""A person's parts (other spellings, roles, affiliations) as a version of an appeal may show them.

Each part keeps the level of the source it came from (``vigil.cases.parts``); these readers
take the levels a version may show — the public version passes only "public" — and the case,
so that a confidential part counts only if it was learnt on that case; they are the only places
appeals read a person's or an organisation's parts.
"""

from __future__ import annotations

from collections.abc import Collection

from vigil.appeals.russian import is_cyrillic
from vigil.cases.models import Case, Organisation, Person
from vigil.cases.parts import affiliations_at, at_levels, name_in_script, roles_at


def visible_roles(person: Person, levels: Collection[str], case: Case | None = None) -> list[str]:
    return roles_at(person, levels, case)


def visible_affiliations(
    person: Person, levels: Collection[str], case: Case | None = None
) -> list[tuple[str, str, str]]:
    """(organisation, role, its Cyrillic name or "") for ties and organisations that may be shown."""
    return [
        (a.organisation.name, a.role, organisation_in_script(a.organisation, "Cyrl", levels, case))
        for a in affiliations_at(person, levels, case)
    ]


def spelling_in(person: Person, script: str, levels: Collection[str], case: Case | None = None) -> str:
    """The person's name in ``script`` ("Cyrl") if the record holds it at these levels, else ""."""
    return name_in_script(person, script, levels, case) or ""


def organisation_in_script(
    organisation: Organisation, script: str, levels: Collection[str], case: Case | None = None
) -> str:
    """The organisation's fullest name in ``script`` ("Cyrl") at these levels, else ""."""
    if script != "Cyrl":
        return ""
    names = [n.name for n in at_levels(organisation.names.all(), levels, case) if is_cyrillic(n.name)]
    return max(names, key=len, default="")
