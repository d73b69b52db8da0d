"""The JSON line of ``vigil extract --json`` (see ``../shared/contract/``), built from a Document."""

from __future__ import annotations

from typing import Any

from vigil_extract.document import Document, Event


def to_contract(doc: Document) -> dict[str, Any]:
    """One line of the extraction contract for a document that was read."""
    return {
        "source": doc.source,
        "error": None,
        "title": doc.title,
        "published": doc.published.iso() if doc.published and doc.published.day else None,
        "publisher": doc.publisher,
        "language": doc.language,
        "country": doc.country,
        "defenders": [
            {
                "name": d.name,
                "gender": d.gender,
                "roles": d.roles,
                "organisations": d.organisations,
                "evidence": span_json(d.evidence),
                "cue": d.cue,
                "confidence": d.confidence,
            }
            for d in doc.defenders
        ],
        "events": [event_json(e) for e in doc.events],
        "violations": doc.violations,
        "demands": [d.text for d in doc.demands],
        "demand_evidence": [span_json(d.evidence) for d in doc.demands],
        # Beyond the contract: why each fact was found and how sure, so review shows the weakest first.
        "demand_cues": [{"cue": d.cue, "confidence": d.confidence} for d in doc.demands],
        "violation_cues": [
            {"type": v, "cue": f.cue, "confidence": f.confidence} for v, f in doc.violation_findings.items()
        ],
        "country_cue": (
            {"cue": doc.country_finding.cue, "confidence": doc.country_finding.confidence}
            if doc.country_finding
            else None
        ),
    }


def event_json(event: Event) -> dict[str, Any]:
    return {
        "date": event.date.iso() if event.date else None,
        "type": event.type,
        "location": event.location,
        "perpetrator": event.perpetrator,
        "victims": event.victims,
        "legal_basis": event.legal_basis,
        "duration": event.duration,
        "evidence": span_json(event.evidence),
        "cue": event.trigger,
        "confidence": event.confidence,
    }


def span_json(span: Any) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span is not None else None


def error_line(source: str, message: str) -> dict[str, Any]:
    """The line for a file that could not be read: the error set, every other field empty."""
    return {
        "source": source,
        "error": message,
        "title": None,
        "published": None,
        "publisher": None,
        "language": None,
        "country": None,
        "defenders": [],
        "events": [],
        "violations": [],
        "demands": [],
    }
