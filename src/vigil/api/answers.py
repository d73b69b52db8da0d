"""What every operation may answer besides its result, documented once for OpenAPI."""

from __future__ import annotations

from typing import Any

from ninja import Schema

from vigil.api.schemas import Problem


class InvalidRequest(Schema):
    """A parameter or body that does not fit its schema: one entry per problem."""

    detail: list[dict[str, Any]]


class Unprocessable(Exception):
    """Content that fits the schema but cannot be used (an unreadable document, a correction
    that does not fit its fact): answered 422 like a schema error, naming the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


ERRORS: dict[int, Any] = {401: Problem, 404: Problem, 422: InvalidRequest}
WRITE_ERRORS: dict[int, Any] = {**ERRORS, 400: Problem, 403: Problem, 409: Problem}


def read(result: Any) -> dict[int, Any]:
    """A read: its result, or no token (401), not found (404), bad parameters (422)."""
    return {200: result, **ERRORS}


def write(result: Any, status: int = 200) -> dict[int, Any]:
    """A write: also a body that is not JSON (400), refused by role (403), or refused by the
    action in the record's present state (409: a review already accepted, a follow-up not open)."""
    return {status: result, **WRITE_ERRORS}
