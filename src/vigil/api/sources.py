"""``/sources``: documents the caller may see, their text and their suggested facts."""

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Status, UploadedFile
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.answers import Unprocessable
from vigil.api.auth import caller
from vigil.api.inputs import Attachment, Correction, PathId, Position, Target
from vigil.api.pagination import Page, Presented
from vigil.api.people import people_by_id
from vigil.api.schemas import CaseDetail, SourceDetail, SourceOut, SuggestionOut, UploadOut
from vigil.cases.access import AccessDenied, access_case, access_source, readable_sources
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import Confidentiality, Suggestion
from vigil.cases.presenters import case_detail, source_summary, suggestion_data
from vigil.cases.roles import User
from vigil.intake.extracted import RefusedFile
from vigil.intake.review import do_accept, do_attach, do_correct, do_decide, do_reopen
from vigil.intake.store import do_ingest
from vigil.intake.suggested import CorrectionError, clean_value
from vigil.intake.upload import read_bytes

router = Router(tags=["sources"])


@router.get("/sources", response=answers.read(list[SourceOut]), operation_id="list_sources")
@paginate(Page)
def list_sources(request: HttpRequest, reviewed: bool | None = None) -> Presented[Any]:
    """Sources you may see, newest first; ``reviewed=false`` keeps those waiting for review."""
    sources = readable_sources(caller(request))
    if reviewed is not None:
        sources = sources.filter(reviewed_at__isnull=not reviewed)
    return Presented(sources.order_by("-id"), source_summary)


@router.get("/sources/{source_id}", response=answers.read(SourceDetail), operation_id="get_source")
def get_source(request: HttpRequest, source_id: PathId) -> dict[str, Any]:
    """One source with its extracted text."""
    source = access_source(caller(request), source_id)
    return {**source_summary(source), "text": source.text or ""}


@router.get(
    "/sources/{source_id}/suggestions",
    response=answers.read(list[SuggestionOut]),
    operation_id="list_suggestions",
)
@paginate(Page)
def list_suggestions(request: HttpRequest, source_id: PathId) -> Presented[Any]:
    """A source's suggested facts in reading order, each with the sentence it came from."""
    source = access_source(caller(request), source_id)
    return Presented(source.suggestions.order_by("position"), lambda s: suggestion_data(s, source))


@router.post("/sources", response=answers.write(UploadOut, 201), operation_id="upload_source")
def upload_source(
    request: HttpRequest, file: File[UploadedFile], confidentiality: Form[Confidentiality]
) -> Status[dict[str, Any]]:
    """Store a document (text, HTML, PDF, DOCX) for review, at the level given; answers with
    its suggested facts. A document already stored is not stored twice."""
    user = caller(request)
    require_writer(user)
    name = file.name or "upload"
    extracted = read_bytes(name, file.read())
    if isinstance(extracted, RefusedFile):
        raise Unprocessable("file", extracted.message)
    outcome = do_ingest(extracted, acting_user=user, confidentiality=confidentiality, accept=False)
    answer: dict[str, Any] = {
        "source_id": outcome.source_id,
        "duplicate": outcome.duplicate,
        "suggestion_count": outcome.suggestions,
        "suggestions": [],
    }
    if outcome.source_id is not None:
        source = access_source(user, outcome.source_id)
        answer["suggestions"] = [suggestion_data(s, source) for s in source.suggestions.order_by("position")]
    return Status(201, answer)


def suggestion_at(user: User, source_id: int, position: int) -> Suggestion:
    suggestion = access_source(user, source_id).suggestions.filter(position=position).first()
    if suggestion is None:
        raise AccessDenied(f"no suggestion {position}")
    return suggestion


def answered(suggestion: Suggestion) -> dict[str, Any]:
    suggestion.refresh_from_db()
    return suggestion_data(suggestion, suggestion.source)


SUGGESTION = "/sources/{source_id}/suggestions/{position}"


@router.post(f"{SUGGESTION}/keep", response=answers.write(SuggestionOut), operation_id="keep_suggestion")
def keep_suggestion(request: HttpRequest, source_id: PathId, position: Position) -> dict[str, Any]:
    """Keep a suggested fact (as extracted, or as corrected) for accepting."""
    user = caller(request)
    suggestion = suggestion_at(user, source_id, position)
    do_decide(suggestion, keep=True, acting_user=user)
    return answered(suggestion)


@router.post(f"{SUGGESTION}/reject", response=answers.write(SuggestionOut), operation_id="reject_suggestion")
def reject_suggestion(request: HttpRequest, source_id: PathId, position: Position) -> dict[str, Any]:
    """Reject a suggested fact: it will not become a record."""
    user = caller(request)
    suggestion = suggestion_at(user, source_id, position)
    do_decide(suggestion, keep=False, acting_user=user)
    return answered(suggestion)


@router.post(
    f"{SUGGESTION}/correct", response=answers.write(SuggestionOut), operation_id="correct_suggestion"
)
def correct_suggestion(
    request: HttpRequest, source_id: PathId, position: Position, data: Correction
) -> dict[str, Any]:
    """Correct a suggested fact (checked as a record would be); extraction's value is kept too."""
    user = caller(request)
    suggestion = suggestion_at(user, source_id, position)
    try:
        clean_value(suggestion.field, data.value, suggestion.value)
    except CorrectionError as exc:
        raise Unprocessable("value", str(exc)) from None
    do_correct(suggestion, data.value, acting_user=user)
    return answered(suggestion)


@router.post(f"{SUGGESTION}/attach", response=answers.write(SuggestionOut), operation_id="attach_suggestion")
def attach_suggestion(
    request: HttpRequest, source_id: PathId, position: Position, data: Attachment
) -> dict[str, Any]:
    """Say that a suggested defender is a person on record (``person_id``), or a new person (null)."""
    user = caller(request)
    suggestion = suggestion_at(user, source_id, position)
    person = people_by_id(user, [data.person_id], "person_id")[0] if data.person_id else None
    do_attach(suggestion, person, acting_user=user)
    return answered(suggestion)


@router.post("/sources/{source_id}/accept", response=answers.write(CaseDetail), operation_id="accept_source")
def accept_source(request: HttpRequest, source_id: PathId, data: Target) -> dict[str, Any]:
    """Accept the kept facts into a case you may see (``case_id``) or a new case (null)."""
    user = caller(request)
    source = access_source(user, source_id)
    case = access_case(user, data.case_id) if data.case_id else None
    accepted = do_accept(source, acting_user=user, case=case)
    return case_detail(accepted, user)


@router.post("/sources/{source_id}/reopen", response=answers.write(SourceOut), operation_id="reopen_review")
def reopen_review(request: HttpRequest, source_id: PathId) -> dict[str, Any]:
    """Open a reviewed source's review again, so its decisions can change."""
    user = caller(request)
    source = access_source(user, source_id)
    do_reopen(source, acting_user=user)
    return source_summary(source)
