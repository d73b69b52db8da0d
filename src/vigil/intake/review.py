"""Reviewing a stored source: reject some suggestions, accept the rest into records.

Suggestions keep the facts as the contract shapes them, so the document to accept is rebuilt
from the ones still pending; a rejected defender takes no part, not even as an event's victim.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import record
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import Case, Source, Suggestion, SuggestionStatus
from vigil.cases.roles import User
from vigil.intake.accept import accept_source
from vigil_extract.document import Defender, Demand, Document, Event, PartialDate, Span


class ReviewError(Exception):
    """The source cannot be reviewed in this way (already accepted, unknown suggestion...)."""


def partial_date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return PartialDate(*parts)


def evidence(suggestion: Suggestion) -> Span:
    if suggestion.start is None or suggestion.end is None:
        return Span(0, 0)
    return Span(suggestion.start, suggestion.end)


def pending_document(source: Source) -> Document:
    """The facts of the source's pending suggestions, as a document to accept."""
    doc = Document(text=source.text or "", source=source.filename, language=source.language or None)
    for suggestion in source.suggestions.filter(status=SuggestionStatus.PENDING).order_by("position"):
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
            Event(
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


def do_review(source: Source, *, reject: list[int], acting_user: User | None) -> Case:
    """Reject the suggestions at the given positions, accept the others into a new case."""
    require_writer(acting_user)
    if source.case_id is not None:
        raise ReviewError(f"source {source.pk} was already accepted into case {source.case_id}")
    positions = set(source.suggestions.values_list("position", flat=True))
    unknown = sorted(set(reject) - positions)
    if unknown:
        raise ReviewError(f"source {source.pk} has no suggestion {', '.join(map(str, unknown))}")
    with transaction.atomic():
        rejected = source.suggestions.filter(position__in=reject, status=SuggestionStatus.PENDING)
        rejected.update(status=SuggestionStatus.REJECTED, decided_at=timezone.now())
        if reject:
            record(
                "suggestions.reject",
                acting_user=acting_user,
                instance=source,
                detail={"positions": sorted(reject)},
            )
        return accept_source(source, pending_document(source), acting_user=acting_user)
