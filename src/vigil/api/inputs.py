"""What the API's writes accept: each field typed and bounded, so the OpenAPI document says
exactly what is valid and anything else is a 422 before an action runs.

Bodies are plain pydantic models that refuse unknown fields (ninja's ``Schema`` would read a
bare string's attributes as fields: ``"abc"`` became a case titled ``"Abc"``). Free text
refuses NUL (PostgreSQL cannot store it) and is bounded as the model's column is; ids are
integers, positive, that fit a database column; dates are ISO strings (not the Unix timestamps
pydantic would otherwise take); event types come from the vocabulary.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from ninja import Path, Query
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from vigil.cases.models import CaseSituation, Confidentiality, DatePrecision
from vigil.cases.models.followup import FollowUpKind
from vigil.cases.vocabulary import event_types

NO_NUL = r"^[^\x00]*$"
MAX_ID = 2**53


def whole_number(value: Any) -> Any:
    """A JSON integer (``7`` or ``7.0``, as JSON Schema counts them), not ``"7"`` or ``true``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("an id is a number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("an id is a whole number")
    return int(value)


Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(whole_number)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
Position = Annotated[int, Path(ge=0, le=100_000)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Words = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]


def iso_text(value: Any) -> Any:
    if not isinstance(value, (str, dt.date)):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


Date = Annotated[dt.date, BeforeValidator(iso_text)]
EventType = Enum("EventType", {name: name for name in event_types()}, type=str)  # type: ignore[misc]


class Body(BaseModel):
    """A request body: known fields only."""

    model_config = ConfigDict(extra="forbid")


def text(max_length: int, min_length: int = 0) -> Any:
    """A text field of at most ``max_length`` characters, without NUL."""
    return Field(..., min_length=min_length, max_length=max_length, pattern=NO_NUL)


def optional_text(max_length: int) -> Any:
    return Field("", max_length=max_length, pattern=NO_NUL)


COUNTRY = Field("", pattern=r"^([A-Za-z]{2})?$", description="Two letters (KE, KZ...), or empty.")


class NewCase(Body):
    """A case opened by hand, about people already on record (by id)."""

    title: str = text(400, 1)
    country: str = COUNTRY
    situation: CaseSituation = CaseSituation.AT_RISK
    confidentiality: Confidentiality = Confidentiality.RESTRICTED
    opened: Date | None = None
    defenders: list[Id] = Field(default_factory=list, max_length=50)


class NewEvent(Body):
    """An event entered by hand on a case; victims are people on record (by id)."""

    type: EventType
    date: Date | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    place: str = optional_text(200)
    country: str = COUNTRY
    perpetrator_text: str = optional_text(300)
    legal_basis: str = optional_text(300)
    duration: str = optional_text(100)
    victims: list[Id] = Field(default_factory=list, max_length=50)


class NewFollowUp(Body):
    kind: FollowUpKind
    due: Date
    note: str = optional_text(300)


class Outcome(Body):
    outcome: str = text(2000, 1)


class Snooze(Body):
    until: Date
    reason: str = text(2000, 1)


class Correction(Body):
    """The corrected value: text for a title, publisher, demand..., an object for a defender
    (name, gender, roles, organisations) or an event (type, date, location...)."""

    value: str | dict[str, Any]


class Target(Body):
    """Where to accept a source's kept facts: an existing case, or a new one (null)."""

    case_id: Id | None = None


class Attachment(Body):
    """The person on record a suggested defender is, or null for a new person."""

    person_id: Id | None = None
