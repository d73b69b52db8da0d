"""Correcting records by hand: which fields a person may change on each kind of record.

A field not named in :data:`EDITABLE` cannot be changed here (the level has its own action,
a coordinator's decision with a reason). The audit entry names the fields that changed,
never their values; the digests before and after prove what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import Case, Event, FollowUp, Organisation, Person, Source
from vigil.cases.models.confidentiality import Record
from vigil.cases.roles import User
from vigil.search.index import index_case, index_event, index_person, index_source

EDITABLE: dict[type[Record], tuple[str, ...]] = {
    Case: ("title", "country", "situation", "issues", "summary", "opened"),
    Person: ("name", "gender", "country", "contact_notes", "risk_notes"),
    Organisation: ("name", "country", "kind"),
    Event: (
        "type",
        "date",
        "date_precision",
        "date_end",
        "place",
        "country",
        "perpetrator_text",
        "conduct",
        "penalty",
        "detention_place",
        "legal_basis",
        "conduct",
        "duration",
        "penalty",
        "detention_place",
        "outcome",
        "description",
    ),
    FollowUp: ("kind", "due", "note", "assignee"),
    Source: ("title", "kind", "publisher", "url", "published", "language"),
}


class EditError(Exception):
    """The change cannot be made (a deleted record, an unknown field, an invalid value)."""


def kind_of(instance: Record) -> str:
    """The record's kind as the audit trail, the CLI and the URLs name it (``case``, ``event``...)."""
    return str(instance._meta.model_name)


def reindex(instance: Record) -> None:
    """Keep the search index in step with a record that changed."""
    if isinstance(instance, Case):
        index_case(instance)
    elif isinstance(instance, Person):
        index_person(instance)
        for case in instance.cases.all():
            index_case(case)
    elif isinstance(instance, Source):
        index_source(instance)
    elif isinstance(instance, Event):
        index_event(instance)


def keep_name_keys(instance: Record, changed: list[str], acting_user: User | None) -> None:
    """A corrected name is also a spelling the record is known by (so identity finds it)."""
    from vigil.cases.actions.people import add_alias, add_organisation_names

    if "name" not in changed:
        return
    if isinstance(instance, Person):
        add_alias(instance, instance.name, acting_user=acting_user)
    elif isinstance(instance, Organisation):
        add_organisation_names(instance, instance.name)


def validated(instance: Record) -> None:
    """Run the model's own checks (choices, lengths, required fields) before saving."""
    try:
        instance.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items())
        raise EditError(f"{kind_of(instance)} {instance.pk}: {problems}") from None


def do_edit(instance: Record, *, acting_user: User | None, **changes: Any) -> list[str]:
    """Change the given fields of ``instance``; returns the names of those that really changed."""
    require_writer(acting_user)
    if instance.is_deleted:
        raise EditError(f"{kind_of(instance)} {instance.pk} is deleted; restore it first")
    allowed = EDITABLE[type(instance)]
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise EditError(f"{kind_of(instance)} has no editable field {', '.join(unknown)}")
    changed = [name for name, value in changes.items() if getattr(instance, name) != value]
    if not changed:
        return []
    with transaction.atomic():
        before = snapshot(instance)
        for name in changed:
            setattr(instance, name, changes[name])
        validated(instance)
        instance.save()
        record(
            f"{kind_of(instance)}.edit",
            acting_user=acting_user,
            instance=instance,
            before=before,
            detail={"fields": changed},
        )
        keep_name_keys(instance, changed, acting_user)
        reindex(instance)
    return changed


def set_related(
    instance: Record, relation: str, records: Iterable[Any], *, action: str, acting_user: User | None
) -> bool:
    """Replace the records of a many-to-many ``relation`` of ``instance``, with one audit entry
    naming the ids before and after; returns whether that changed."""
    require_writer(acting_user)
    manager = getattr(instance, relation)
    wanted = {r.pk for r in records}
    current = set(manager.values_list("pk", flat=True))
    if wanted == current:
        return False
    with transaction.atomic():
        manager.set(list(wanted))
        record(
            action,
            acting_user=acting_user,
            instance=instance,
            detail={"before": sorted(current), "after": sorted(wanted)},
        )
    return True


def do_set_victims(event: Event, people: Iterable[Person], *, acting_user: User | None) -> bool:
    """Say who an event happened to; returns whether that changed."""
    return set_related(event, "victims", people, action="event.set_victims", acting_user=acting_user)


def do_set_victim_organisations(
    event: Event, organisations: Iterable[Organisation], *, acting_user: User | None
) -> bool:
    """Say which organisations an event happened to (an initiative's event attacked); returns
    whether that changed."""
    return set_related(
        event,
        "victim_organisations",
        organisations,
        action="event.set_victim_organisations",
        acting_user=acting_user,
    )


def do_set_defenders(case: Case, people: Iterable[Person], *, acting_user: User | None) -> bool:
    """Say who a case is about; returns whether that changed."""
    changed = set_related(case, "defenders", people, action="case.set_defenders", acting_user=acting_user)
    if changed:
        index_case(case)
    return changed


def do_set_visible_roles(person: Person, roles: Iterable[str], *, acting_user: User | None) -> bool:
    """Replace the roles ``acting_user`` sees with ``roles``; roles they may not see (from a
    source above their level) stay as they are. Returns whether anything changed."""
    from vigil.cases.actions.people import do_set_roles
    from vigil.cases.parts import roles_seen_by

    wanted = list(dict.fromkeys(r.strip() for r in roles if r.strip()))
    seen = roles_seen_by(person, acting_user)
    if set(wanted) == set(seen):
        return False
    hidden = [r for r in person.roles.values_list("role", flat=True) if r not in seen]
    do_set_roles(person, [*wanted, *hidden], acting_user=acting_user)
    return True
