"""Storing what was read: the Source (encrypted original and text) and its Suggestions.

With ``accept``, every suggestion becomes a record at once (batch work); otherwise they wait
for review. Either way it is one transaction: a failure leaves the store as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from vigil.audit.chain import batch as audit_batch
from vigil.audit.chain import record
from vigil.cases.access import readable_sources
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import Source, Suggestion
from vigil.cases.roles import User
from vigil.crypto.fingerprints import fingerprint
from vigil.intake.accept import accept_source, as_date
from vigil.intake.extracted import ExtractedFile
from vigil.search import index as search_index
from vigil.search.index import index_source
from vigil_extract.contract import to_contract
from vigil_extract.document import Document


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one file.

    ``withheld`` means the same content is already stored where the acting user may not see
    it: they are answered without its number, its case or the fact that it was there before.
    """

    path: str
    source_id: int | None
    case_id: int | None
    suggestions: int
    duplicate: bool = False
    level: str = ""
    deleted: bool = False
    withheld: bool = False


def do_ingest(
    extracted: ExtractedFile, *, acting_user: User | None, confidentiality: str, accept: bool
) -> IngestOutcome:
    """Store one extracted file; a file already stored (same content) is not stored twice."""
    require_writer(acting_user)
    existing = Source.all_objects.filter(fingerprint=fingerprint(extracted.content_hash)).first()
    if existing is not None:
        if not any(readable_sources(acting_user, deleted=d).filter(pk=existing.pk) for d in (False, True)):
            return resubmitted_unseen(existing, extracted, acting_user=acting_user)
        return IngestOutcome(
            extracted.path,
            existing.pk,
            existing.case_id,
            existing.suggestions.count(),
            duplicate=True,
            level=existing.confidentiality,
            deleted=existing.is_deleted,
        )
    with transaction.atomic(), audit_batch(), search_index.deferred():
        source = store_source(extracted, acting_user=acting_user, confidentiality=confidentiality)
        suggestions = store_suggestions(source, extracted.document, acting_user=acting_user)
        case_id = None
        if accept:
            case_id = accept_source(source, extracted.document, acting_user=acting_user).case.pk
        index_source(source)
    return IngestOutcome(extracted.path, source.pk, case_id, suggestions, level=confidentiality)


def resubmitted_unseen(
    existing: Source, extracted: ExtractedFile, *, acting_user: User | None
) -> IngestOutcome:
    """A copy of a source the user may not see: nothing new is stored, the chain notes who sent it."""
    with transaction.atomic():
        record("source.resubmitted", acting_user=acting_user, instance=existing)
    count = len(suggestion_rows(None, extracted.document))
    return IngestOutcome(extracted.path, None, None, count, withheld=True)


def store_source(extracted: ExtractedFile, *, acting_user: User | None, confidentiality: str) -> Source:
    doc = extracted.document
    published = as_date(doc.published) if doc.published and doc.published.day else None
    source = Source.objects.create(
        title=(doc.title or "")[:400],
        publisher=(doc.publisher or "")[:300],
        published=published,
        language=doc.language or "",
        format=doc.format,
        filename=Path(extracted.path).name[:300],
        fingerprint=fingerprint(extracted.content_hash),
        original=extracted.data,
        text=doc.text,
        confidentiality=confidentiality,
    )
    record("source.create", acting_user=acting_user, instance=source)
    return source


def store_suggestions(source: Source, doc: Document, *, acting_user: User | None) -> int:
    """One Suggestion per proposed fact, each with its evidence span."""
    rows = suggestion_rows(source, doc)
    Suggestion.objects.bulk_create(rows)
    record("suggestions.create", acting_user=acting_user, instance=source, detail={"count": len(rows)})
    return len(rows)


def suggestion_rows(source: Source | None, doc: Document) -> list[Suggestion]:
    """The unsaved Suggestions of ``doc``, in order."""
    line = to_contract(doc)
    rows: list[Suggestion] = []

    def add(field: str, value: Any, span: dict[str, int] | None = None, confidence: float = 0.5) -> None:
        rows.append(
            Suggestion(
                source=source,
                field=field,
                value=value,
                position=len(rows),
                confidence=confidence,
                start=span["start"] if span else None,
                end=span["end"] if span else None,
            )
        )

    for key in ("title", "published", "publisher", "language", "country"):
        if line[key]:
            add(key, line[key])
    for defender in line["defenders"]:
        add(
            "defender",
            {k: v for k, v in defender.items() if k != "evidence"},
            defender.get("evidence"),
        )
    for event in line["events"]:
        add("event", {k: v for k, v in event.items() if k != "evidence"}, event["evidence"])
    for violation in line["violations"]:
        add("violation", violation)
    for text, span in zip(line["demands"], line["demand_evidence"], strict=True):
        add("demand", text, span)
    return rows
