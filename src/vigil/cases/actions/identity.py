"""Resolving possible matches: merge two records, undo a merge, or say they are not the same.

Only coordinators (and admins) decide. A merge moves every part of the absorbed record — its
spellings, roles, ties, cases and events — to the one kept, and writes down exactly what moved,
so undoing it moves the same parts back. The kept record takes the stricter confidentiality of
the two. Each step is one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone

from vigil.audit.chain import record, snapshot
from vigil.cases.access import AccessDenied, readable_organisations, readable_people
from vigil.cases.actions.edits import kind_of
from vigil.cases.actions.guard import require_coordinator
from vigil.cases.identity import stricter
from vigil.cases.models import (
    Affiliation,
    Case,
    Event,
    MatchStatus,
    Organisation,
    OrganisationMatch,
    OrganisationName,
    Person,
    PersonMatch,
    PersonName,
    PersonRole,
)
from vigil.cases.roles import User
from vigil.search.index import index_case, index_person, unindex

Match = PersonMatch | OrganisationMatch
Subject = Person | Organisation


class MatchError(Exception):
    """The decision cannot be taken (same record twice, already merged, nothing to undo)."""


def match_model(record_: Subject) -> type[Match]:
    return PersonMatch if isinstance(record_, Person) else OrganisationMatch


def pair(first: Subject, second: Subject) -> Match:
    """The match row of two records, created (with no likeness) if no key had found them."""
    if first.pk == second.pk:
        raise MatchError("a record cannot be matched with itself")
    left, right = sorted((first, second), key=lambda r: r.pk)
    model = match_model(first)
    match, _ = model.objects.get_or_create(
        left_id=left.pk, right_id=right.pk, defaults={"score": 0.0, "reasons": ["paired by hand"]}
    )
    return match


def decide(match: Match, status: str, acting_user: User | None, undo: dict[str, Any]) -> None:
    match.status = status
    match.decided_by = acting_user if acting_user is not None and acting_user.is_authenticated else None
    match.decided_at = timezone.now()
    match.undo = undo
    match.save()


def do_mark_distinct(first: Subject, second: Subject, *, acting_user: User | None) -> Match:
    """Two records are not the same: remembered, so the pair is never proposed again."""
    require_coordinator(acting_user, "decide whether two records are one")
    with transaction.atomic():
        match = pair(first, second)
        if match.status == MatchStatus.MERGED:
            raise MatchError("these two are merged: undo the merge first")
        decide(match, MatchStatus.DISTINCT, acting_user, {})
        record("identity.distinct", acting_user=acting_user, instance=match)
    return match


def moved_ids(model: type[Model], **filters: Any) -> list[int]:
    return list(model._default_manager.filter(**filters).values_list("pk", flat=True))


MERGED_FIELDS = ("confidentiality", "gender", "country")


def readable_like(subject: Subject, user: User | None) -> Any:
    """The people (or organisations, as ``subject`` is) ``user`` may see."""
    return readable_people(user) if isinstance(subject, Person) else readable_organisations(user)


def do_merge(kept: Subject, absorbed: Subject, *, acting_user: User | None) -> Match:
    """Merge ``absorbed`` into ``kept``; what moved is kept on the match so it can be undone.
    Both must be records ``acting_user`` may see."""
    require_coordinator(acting_user, "decide whether two records are one")
    if type(kept) is not type(absorbed):
        raise MatchError("a person and an organisation cannot be merged")
    if kept.merged_into_id or absorbed.merged_into_id:
        raise MatchError("one of the two was already merged into another record")
    seen = set(
        readable_like(kept, acting_user).filter(pk__in=[kept.pk, absorbed.pk]).values_list("pk", flat=True)
    )
    for subject in (kept, absorbed):
        if subject.pk not in seen:
            raise AccessDenied(f"no {kind_of(subject)} {subject.pk}")
    with transaction.atomic():
        match = pair(kept, absorbed)
        before = snapshot(kept)
        undo = move_parts(kept, absorbed)
        undo["kept"], undo["absorbed"] = kept.pk, absorbed.pk
        undo["kept_before"] = {f: before[f] for f in MERGED_FIELDS if f in before}
        kept.confidentiality = stricter(kept.confidentiality, absorbed.confidentiality)
        if isinstance(kept, Person) and isinstance(absorbed, Person) and kept.gender == "unknown":
            kept.gender = absorbed.gender
        kept.country = kept.country or absorbed.country
        kept.save()
        undo["kept_after"] = {f: getattr(kept, f) for f in undo["kept_before"]}
        absorbed.merged_into_id = kept.pk
        absorbed.save(update_fields=["merged_into", "updated_at"])
        decide(match, MatchStatus.MERGED, acting_user, undo)
        carry_pending_matches(kept, absorbed)
        record(
            "identity.merge",
            acting_user=acting_user,
            instance=kept,
            before=before,
            detail={"match": match.pk},
        )
        reindex(kept, absorbed, undo)
    return match


def move_parts(kept: Subject, absorbed: Subject) -> dict[str, Any]:
    """Point every part of ``absorbed`` at ``kept``; return the ids moved, for undoing."""
    if isinstance(kept, Person) and isinstance(absorbed, Person):
        undo: dict[str, Any] = {
            "names": moved_ids(PersonName, person=absorbed),
            "roles": moved_ids(PersonRole, person=absorbed),
            "affiliations": moved_ids(Affiliation, person=absorbed),
            "cases": relink(Case.defenders.through, "case_id", "person_id", kept.pk, absorbed.pk),
            "events": relink(Event.victims.through, "event_id", "person_id", kept.pk, absorbed.pk),
        }
        PersonName.objects.filter(pk__in=undo["names"]).update(person=kept)
        PersonRole.objects.filter(pk__in=undo["roles"]).update(person=kept)
        Affiliation.objects.filter(pk__in=undo["affiliations"]).update(person=kept)
        return undo
    undo = {
        "names": moved_ids(OrganisationName, organisation=absorbed),
        "affiliations": moved_ids(Affiliation, organisation=absorbed),
        "events": moved_ids(Event, perpetrator=absorbed),
    }
    OrganisationName.objects.filter(pk__in=undo["names"]).update(organisation=kept)
    Affiliation.objects.filter(pk__in=undo["affiliations"]).update(organisation=kept)
    Event.objects.filter(pk__in=undo["events"]).update(perpetrator=kept)
    return undo


def relink(through: type[Model], owner: str, column: str, kept: int, absorbed: int) -> dict[str, list[int]]:
    """Move many-to-many links from ``absorbed`` to ``kept``; say which owners already had kept."""
    owners = set(through._default_manager.filter(**{column: absorbed}).values_list(owner, flat=True))
    had_kept = set(
        through._default_manager.filter(**{column: kept, f"{owner}__in": owners}).values_list(
            owner, flat=True
        )
    )
    through._default_manager.filter(**{column: absorbed}).delete()
    through._default_manager.bulk_create(
        through(**{owner: pk, column: kept}) for pk in sorted(owners - had_kept)
    )
    return {"moved": sorted(owners - had_kept), "shared": sorted(had_kept)}


def carry_pending_matches(kept: Subject, absorbed: Subject) -> None:
    """The absorbed record's open questions become the kept record's (unless already asked)."""
    model = match_model(kept)
    rows = model.objects.filter(Q(left_id=absorbed.pk) | Q(right_id=absorbed.pk), status=MatchStatus.PENDING)
    for row in rows:
        other = row.right if row.left_id == absorbed.pk else row.left
        if other.pk == kept.pk:
            continue
        left, right = sorted((kept, other), key=lambda r: r.pk)
        model.objects.get_or_create(
            left_id=left.pk, right_id=right.pk, defaults={"score": row.score, "reasons": row.reasons}
        )


def do_unmerge(absorbed: Subject, *, acting_user: User | None) -> Match:
    """Undo the merge of ``absorbed``: its parts go back, and the kept record's level, gender and
    country return to what they were, unless someone changed them since the merge.

    Parts added to the kept record after the merge stay with it. The pair is asked again.
    Merges are undone last first: a record that was itself merged away must come back before
    the merges into it can be undone. Both records must be ones ``acting_user`` may see.
    """
    require_coordinator(acting_user, "decide whether two records are one")
    if not absorbed.merged_into_id:
        raise MatchError(f"{absorbed.pk} was not merged into another record")
    model = match_model(absorbed)
    kept: Subject | None = readable_like(absorbed, acting_user).filter(pk=absorbed.merged_into_id).first()
    if kept is None:
        raise AccessDenied(f"no {kind_of(absorbed)} {absorbed.merged_into_id}")
    if kept.merged_into_id:
        raise MatchError(f"{kept.name} was itself merged since: undo that merge first")
    left, right = sorted((kept, absorbed), key=lambda r: r.pk)
    match = model.objects.get(left_id=left.pk, right_id=right.pk, status=MatchStatus.MERGED)
    undo = match.undo
    with transaction.atomic():
        before = snapshot(kept)
        restore_parts(kept, absorbed, undo)
        after = undo.get("kept_after", {})
        for field, value in undo.get("kept_before", {}).items():
            if getattr(kept, field) == after.get(field):
                setattr(kept, field, value)
        kept.save()
        absorbed.merged_into_id = None
        absorbed.save(update_fields=["merged_into", "updated_at"])
        decide(match, MatchStatus.PENDING, acting_user, {})
        record(
            "identity.unmerge",
            acting_user=acting_user,
            instance=kept,
            before=before,
            detail={"match": match.pk},
        )
        reindex(kept, absorbed, undo, restored=True)
    return match


def restore_parts(kept: Subject, absorbed: Subject, undo: dict[str, Any]) -> None:
    if isinstance(absorbed, Person) and isinstance(kept, Person):
        PersonName.objects.filter(pk__in=undo["names"]).update(person=absorbed)
        PersonRole.objects.filter(pk__in=undo["roles"]).update(person=absorbed)
        Affiliation.objects.filter(pk__in=undo["affiliations"]).update(person=absorbed)
        unlink(Event.victims.through, "event_id", "person_id", kept.pk, absorbed.pk, undo["events"])
        unlink(
            Case.defenders.through,
            "case_id",
            "person_id",
            kept.pk,
            absorbed.pk,
            undo["cases"],
            still_named=cases_naming(kept),
        )
        return
    OrganisationName.objects.filter(pk__in=undo["names"]).update(organisation=absorbed)
    Affiliation.objects.filter(pk__in=undo["affiliations"]).update(organisation=absorbed)
    Event.objects.filter(pk__in=undo["events"]).update(perpetrator=absorbed)


def cases_naming(person: Person) -> set[int]:
    """Cases where ``person`` is named by facts of its own (after the merge's parts went back):
    a spelling or role from a source filed on the case, or an event of the case it suffered."""
    by_sources = {
        case_id
        for model in (PersonName, PersonRole)
        for case_id in model.objects.filter(person=person, source__case__isnull=False).values_list(
            "source__case_id", flat=True
        )
    }
    by_events = set(Event.objects.filter(victims=person).values_list("case_id", flat=True))
    return by_sources | by_events


def unlink(
    through: type[Model],
    owner: str,
    column: str,
    kept: int,
    absorbed: int,
    moved: dict[str, list[int]],
    still_named: Collection[int] = (),
) -> None:
    """Give the absorbed record its links back; drop the kept one's where only the merge made
    them (and no fact of the kept record's own, in ``still_named``, has named it there since)."""
    manager = through._default_manager
    dropped = [pk for pk in moved["moved"] if pk not in still_named]
    manager.filter(**{column: kept, f"{owner}__in": dropped}).delete()
    owners = moved["moved"] + moved["shared"]
    manager.bulk_create(through(**{owner: pk, column: absorbed}) for pk in owners)


def reindex(kept: Subject, absorbed: Subject, undo: dict[str, Any], *, restored: bool = False) -> None:
    """Search entries of both people and of every case either is on (a level may have changed)."""
    if not (isinstance(kept, Person) and isinstance(absorbed, Person)):
        return
    index_person(kept)
    if restored:
        index_person(absorbed)
    else:
        unindex("person", absorbed.pk)
    for case in Case.objects.filter(defenders__in=[kept.pk, absorbed.pk]).distinct():
        index_case(case)
