"""Reviewing a stored source: correct, reject or keep each suggestion, attach a suggested
defender to a person already on record, accept into a new case or an existing one, reopen.

Suggestions keep the facts as the contract shapes them, so the document to accept is rebuilt
from the ones still to accept; a rejected defender takes no part, not even as an event's
victim. Reopening a review lets its decisions change: a fact rejected then becomes a record
when accepted again, and a fact accepted before and rejected now is withdrawn from the case
(an event is deleted softly with the reason, a defender leaves the case).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User as Account
from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import record
from vigil.cases.actions.deletion import do_delete
from vigil.cases.actions.guard import require_coordinator, require_writer
from vigil.cases.identity import reusable_level
from vigil.cases.models import Case, Event, Organisation, Person, Source, Suggestion, SuggestionStatus
from vigil.cases.roles import User
from vigil.intake.accept import accept_source
from vigil.intake.suggested import CorrectionError, clean_value
from vigil_extract.document import Defender, Demand, Document, PartialDate, Span
from vigil_extract.document import Event as EventFact

TO_ACCEPT = (SuggestionStatus.PENDING, SuggestionStatus.EDITED)


class ReviewError(Exception):
    """The source cannot be reviewed in this way (already reviewed, unknown suggestion...)."""


def partial_date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return PartialDate(*parts)


def evidence(suggestion: Suggestion) -> Span:
    if suggestion.start is None or suggestion.end is None:
        return Span(0, 0)
    return Span(suggestion.start, suggestion.end)


def to_accept(source: Source) -> list[Suggestion]:
    """Suggestions kept (as extracted or corrected) that are not records yet, in order."""
    return [s for s in source.suggestions.filter(status__in=TO_ACCEPT).order_by("position") if not s.record]


def pending_document(source: Source, suggestions: list[Suggestion] | None = None) -> Document:
    """The facts of the suggestions still to accept, as a document to accept."""
    doc = Document(text=source.text or "", source=source.filename, language=source.language or None)
    for suggestion in to_accept(source) if suggestions is None else suggestions:
        add_fact(doc, suggestion.field, suggestion.value, evidence(suggestion))
    return doc


def add_fact(doc: Document, field: str, value: Any, span: Span) -> None:
    if field in ("title", "publisher", "language", "country"):
        setattr(doc, field, value)
    elif field == "published":
        doc.published = partial_date(value)
    elif field == "defender":
        doc.defenders.append(
            Defender(
                name=value["name"],
                gender=value["gender"],
                roles=list(value["roles"]),
                organisations=list(value["organisations"]),
                evidence=span,
            )
        )
    elif field == "event":
        doc.events.append(
            EventFact(
                date=partial_date(value["date"]),
                type=value["type"],
                evidence=span,
                location=value["location"],
                perpetrator=value["perpetrator"],
                victims=list(value["victims"]),
                legal_basis=value["legal_basis"],
                duration=value["duration"],
            )
        )
    elif field == "demand":
        doc.demands.append(Demand(value, span))
    elif field == "violation":
        doc.violations.append(value)


def require_open(source: Source) -> None:
    if source.reviewed_at is not None:
        where = f" into case {source.case_id}" if source.case_id else ""
        raise ReviewError(f"source {source.pk} was already reviewed{where}; reopen its review first")


def do_correct(suggestion: Suggestion, value: Any, *, acting_user: User | None) -> None:
    """Replace a suggested fact's value with the reviewer's correction (the original is kept)."""
    require_writer(acting_user)
    require_open(suggestion.source)
    if suggestion.record:
        raise ReviewError("this fact is already a record: correct the record itself")
    try:
        cleaned = clean_value(suggestion.field, value, suggestion.value)
    except CorrectionError as exc:
        raise ReviewError(str(exc)) from None
    if cleaned == suggestion.value:
        return
    with transaction.atomic():
        if suggestion.original is None:
            suggestion.original = suggestion.value
        suggestion.value = cleaned
        suggestion.status = SuggestionStatus.EDITED
        decided(suggestion, acting_user)
        suggestion.save()
        record(
            "suggestion.correct",
            acting_user=acting_user,
            instance=suggestion,
            detail={"position": suggestion.position},
        )


def do_decide(suggestion: Suggestion, *, keep: bool, acting_user: User | None) -> None:
    """Keep or reject one suggestion (a kept correction stays corrected)."""
    require_writer(acting_user)
    require_open(suggestion.source)
    if keep:
        status = SuggestionStatus.PENDING if suggestion.original is None else SuggestionStatus.EDITED
        if suggestion.record:
            status = SuggestionStatus.ACCEPTED if suggestion.original is None else SuggestionStatus.EDITED
    else:
        status = SuggestionStatus.REJECTED
    if status == suggestion.status:
        return
    with transaction.atomic():
        suggestion.status = status
        decided(suggestion, acting_user)
        suggestion.save(update_fields=["status", "decided_by", "decided_at"])
        action = "suggestion.keep" if keep else "suggestion.reject"
        record(action, acting_user=acting_user, instance=suggestion, detail={"position": suggestion.position})


def do_attach(suggestion: Suggestion, person: Person | None, *, acting_user: User | None) -> None:
    """Say that a suggested defender is a person already on record (None: create a new one)."""
    require_writer(acting_user)
    require_open(suggestion.source)
    if suggestion.field != "defender":
        raise ReviewError("only a suggested defender can be attached to a person on record")
    if suggestion.record:
        raise ReviewError("this defender is already a record")
    if person is not None and not reusable_level(person.confidentiality, suggestion.source.confidentiality):
        require_coordinator(acting_user, "file a source's defender under a person of a more open level")
    value = {k: v for k, v in suggestion.value.items() if k != "person_id"}
    if person is not None:
        value["person_id"] = person.pk
    if value == suggestion.value:
        return
    with transaction.atomic():
        suggestion.value = value
        suggestion.save(update_fields=["value"])
        record(
            "suggestion.attach",
            acting_user=acting_user,
            instance=suggestion,
            detail={"person": person.pk if person else None},
        )


def do_attach_organisations(
    suggestion: Suggestion, chosen: dict[str, Organisation | None], *, acting_user: User | None
) -> None:
    """Say that organisations a suggested defender belongs to are ones on record (None: new)."""
    require_writer(acting_user)
    require_open(suggestion.source)
    if suggestion.field != "defender":
        raise ReviewError("only a suggested defender's organisations can be attached")
    if suggestion.record:
        raise ReviewError("this defender is already a record")
    unknown = sorted(set(chosen) - set(suggestion.value.get("organisations", [])))
    if unknown:
        raise ReviewError(f"the suggestion names no organisation {', '.join(unknown)}")
    ids = {name: org.pk for name, org in chosen.items() if org is not None}
    value = {k: v for k, v in suggestion.value.items() if k != "organisation_ids"}
    if ids:
        value["organisation_ids"] = ids
    if value == suggestion.value:
        return
    with transaction.atomic():
        suggestion.value = value
        suggestion.save(update_fields=["value"])
        record(
            "suggestion.attach", acting_user=acting_user, instance=suggestion, detail={"organisations": ids}
        )


def decided(suggestion: Suggestion, acting_user: User | None) -> None:
    suggestion.decided_by = acting_user if isinstance(acting_user, Account) else None
    suggestion.decided_at = timezone.now()


def do_accept(source: Source, *, acting_user: User | None, case: Case | None = None) -> Case:
    """Accept the kept suggestions into ``case``, the source's case (a reopened review) or a new case."""
    require_writer(acting_user)
    require_open(source)
    if case is not None and source.case_id is not None and case.pk != source.case_id:
        raise ReviewError(f"source {source.pk} belongs to case {source.case_id}; accept into that case")
    target = case or source.case
    with transaction.atomic():
        withdraw_rejected(source, acting_user=acting_user)
        kept = to_accept(source)
        attached = attached_people(kept)
        events = [s for s in kept if s.field == "event"]
        accepted = accept_source(
            source,
            pending_document(source, kept),
            acting_user=acting_user,
            case=target,
            attached=attached,
            attached_organisations=attached_organisations(kept),
            event_fields=[event_extra(s.value) for s in events],
        )
        for suggestion, event in zip(events, accepted.events, strict=True):
            suggestion.record = {"model": "event", "id": event.pk}
        for suggestion in kept:
            if suggestion.field == "defender" and suggestion.value["name"] in accepted.people:
                suggestion.record = {"model": "person", "id": accepted.people[suggestion.value["name"]].pk}
            if suggestion.record:
                suggestion.save(update_fields=["record"])
    return accepted.case


def attached_people(kept: list[Suggestion]) -> dict[str, Person]:
    """Suggested defenders the reviewer attached to people on record, by suggested name."""
    ids = {
        s.value["name"]: s.value["person_id"]
        for s in kept
        if s.field == "defender" and s.value.get("person_id")
    }
    people = Person.objects.in_bulk(list(ids.values()))
    return {name: people[pk] for name, pk in ids.items() if pk in people}


def attached_organisations(kept: list[Suggestion]) -> dict[str, Organisation]:
    """Organisation names the reviewer attached to organisations on record."""
    ids = {
        name: pk
        for s in kept
        if s.field == "defender"
        for name, pk in s.value.get("organisation_ids", {}).items()
    }
    organisations = Organisation.objects.in_bulk(list(ids.values()))
    return {name: organisations[pk] for name, pk in ids.items() if pk in organisations}


def event_extra(value: dict[str, Any]) -> dict[str, Any]:
    """Event fields a reviewer can set that extraction does not propose (an end date)."""
    extra: dict[str, Any] = {}
    if value.get("date_end"):
        extra["date_end"] = dt.date.fromisoformat(value["date_end"])
        extra["date_precision"] = "range"
    return extra


def withdraw_rejected(source: Source, *, acting_user: User | None) -> None:
    """Facts accepted before and rejected at a reopened review leave the case."""
    for suggestion in source.suggestions.filter(status=SuggestionStatus.REJECTED).exclude(record={}):
        model, pk = suggestion.record["model"], suggestion.record["id"]
        if model == "event":
            event = Event.objects.filter(pk=pk).first()
            if event is not None:
                do_delete(
                    event,
                    reason=f"rejected at the reopened review of source {source.pk}",
                    acting_user=acting_user,
                )
        elif model == "person" and source.case is not None:
            source.case.defenders.remove(pk)
            record(
                "case.remove_defender", acting_user=acting_user, instance=source.case, detail={"person": pk}
            )
        suggestion.record = {}
        suggestion.save(update_fields=["record"])


def do_reopen(source: Source, *, acting_user: User | None) -> None:
    """Open a reviewed source's review again, so its decisions can change."""
    require_writer(acting_user)
    if source.reviewed_at is None:
        raise ReviewError(f"source {source.pk} is still under review")
    with transaction.atomic():
        source.reviewed_at = None
        source.save(update_fields=["reviewed_at", "updated_at"])
        record("source.reopen_review", acting_user=acting_user, instance=source)


def do_review(
    source: Source, *, reject: list[int], acting_user: User | None, case: Case | None = None
) -> Case:
    """Reject the suggestions at the given positions and accept the others (the command line's review)."""
    require_writer(acting_user)
    require_open(source)
    positions = set(source.suggestions.values_list("position", flat=True))
    unknown = sorted(set(reject) - positions)
    if unknown:
        raise ReviewError(f"source {source.pk} has no suggestion {', '.join(map(str, unknown))}")
    with transaction.atomic():
        rejected = source.suggestions.filter(position__in=reject).exclude(status=SuggestionStatus.REJECTED)
        rejected.update(status=SuggestionStatus.REJECTED, decided_at=timezone.now())
        if reject:
            record(
                "suggestions.reject",
                acting_user=acting_user,
                instance=source,
                detail={"positions": sorted(reject)},
            )
        return do_accept(source, acting_user=acting_user, case=case)
