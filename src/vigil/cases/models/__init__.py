"""The data model (after HURIDOCS Events Standard Formats), one concept per module."""

from vigil.cases.models.case import Case, CaseSituation
from vigil.cases.models.confidentiality import Confidentiality, Record
from vigil.cases.models.decision import LevelDecision
from vigil.cases.models.event import DatePrecision, Event, EventSource, Penalty
from vigil.cases.models.followup import FollowUp
from vigil.cases.models.intervention import Demand, Intervention
from vigil.cases.models.matches import MatchStatus, OrganisationMatch, PersonMatch
from vigil.cases.models.names import OrganisationName, PersonName, PersonRole
from vigil.cases.models.organisation import Organisation
from vigil.cases.models.person import Affiliation, Gender, Person
from vigil.cases.models.second_factor import SealedStaticDevice, SealedStaticToken, SealedTOTPDevice
from vigil.cases.models.source import Source
from vigil.cases.models.suggestion import Suggestion, SuggestionStatus

__all__ = [
    "Affiliation",
    "Case",
    "CaseSituation",
    "Confidentiality",
    "DatePrecision",
    "Demand",
    "Event",
    "EventSource",
    "FollowUp",
    "Gender",
    "Intervention",
    "LevelDecision",
    "MatchStatus",
    "Organisation",
    "OrganisationMatch",
    "OrganisationName",
    "Penalty",
    "Person",
    "PersonMatch",
    "PersonName",
    "PersonRole",
    "Record",
    "SealedStaticDevice",
    "SealedStaticToken",
    "SealedTOTPDevice",
    "Source",
    "Suggestion",
    "SuggestionStatus",
]
