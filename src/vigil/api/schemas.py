"""The shapes the API answers with, as OpenAPI documents them.

They mirror the presenters of ``cases.presenters`` (which filter every part by the reader);
the schemas only name and type what a presenter returns, so the document a client reads and
what the server sends cannot drift apart without a test failing.
"""

from __future__ import annotations

from typing import Any

from ninja import Schema


class Problem(Schema):
    """An error: what went wrong, in one sentence."""

    detail: str


class CaseSummary(Schema):
    id: int
    title: str
    country: str | None
    situation: str
    confidentiality: str
    opened: str | None
    defenders: list[str]


class Evidence(Schema):
    source_id: int
    start: int
    end: int
    text: str


class EventOut(Schema):
    id: int
    case_id: int
    date: str | None
    date_precision: str
    type: str
    place: str | None
    perpetrator: str | None
    victims: list[str]
    legal_basis: str | None
    duration: str | None
    evidence: list[Evidence]


class PersonOut(Schema):
    id: int
    name: str
    aliases: list[str]
    names_by_script: dict[str, list[str]]
    gender: str
    roles: list[str]
    country: str | None
    organisations: list[str]
    merged_into: int | None


class DemandOut(Schema):
    intervention_id: int
    publisher: str | None
    position: int
    text: str


class CaseFollowUp(Schema):
    id: int
    kind: str
    due: str
    status: str
    note: str


class CaseDetail(Schema):
    id: int
    title: str
    country: str | None
    situation: str
    confidentiality: str
    opened: str | None
    defenders: list[PersonOut]
    events: list[EventOut]
    demands: list[DemandOut]
    followups: list[CaseFollowUp]


class CaseRef(Schema):
    id: int
    title: str


class MatchOut(Schema):
    match_id: int
    person_id: int
    name: str
    score: float
    reasons: list[str]


class AppealRef(Schema):
    id: int
    case_id: int
    version: int
    status: str
    title: str
    published_at: str | None
    supersedes: int | None


class DefenderDetail(PersonOut):
    cases: list[CaseRef]
    timeline: list[EventOut]
    possible_matches: list[MatchOut]
    appeals: list[AppealRef]


class PersonRef(Schema):
    id: int
    name: str


class PairOut(Schema):
    """A possible match between two people the reader may both see."""

    match_id: int
    left: PersonRef
    right: PersonRef
    score: float
    reasons: list[str]


class SourceOut(Schema):
    id: int
    title: str
    publisher: str
    published: str | None
    language: str
    format: str
    filename: str
    confidentiality: str
    case_id: int | None
    reviewed: bool
    suggestions: int


class SourceDetail(SourceOut):
    text: str


class SuggestionOut(Schema):
    position: int
    field: str
    value: Any
    status: str
    confidence: float
    evidence: str | None
    record: dict[str, Any]


class UploadOut(Schema):
    """A stored document and its suggested facts. ``source_id`` is null when the same content
    is already stored where you may not see it: nothing new was stored."""

    source_id: int | None
    duplicate: bool
    suggestion_count: int
    suggestions: list[SuggestionOut]


class FollowUpOut(Schema):
    id: int
    case_id: int
    kind: str
    due: str
    watch_from: str
    state: str
    status: str
    note: str
    outcome: str | None
    assignee: str | None


class HitOut(Schema):
    kind: str
    object_id: int
    title: str
    snippet: str


class MeOut(Schema):
    username: str
    role: str | None


class CalendarOut(Schema):
    """The calendar address, shown this once: anyone who holds it reads the feed."""

    url: str


class RevokedOut(Schema):
    revoked: int
