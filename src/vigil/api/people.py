"""``/defenders`` and ``/matches``: people the caller may see, one defender's timeline across
cases, and the pairs that may be one person (read only: merging stays a coordinator's act
in the web UI and the command line)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from vigil.api import answers
from vigil.api.answers import Unprocessable
from vigil.api.auth import caller
from vigil.api.inputs import PathId, Words
from vigil.api.pagination import Page, Presented, as_is
from vigil.api.schemas import DefenderDetail, MatchOut, PairOut, PersonOut
from vigil.cases.access import access_person, readable_people
from vigil.cases.models import MatchStatus, Person, PersonMatch
from vigil.cases.presenters import defender_timeline, person_summary, possible_matches
from vigil.cases.roles import User
from vigil.cases.sorting import containing, sorted_by

router = Router(tags=["defenders"])


@router.get("/defenders", response=answers.read(list[PersonOut]), operation_id="list_defenders")
@paginate(Page)
def list_defenders(request: HttpRequest, name: Words = None) -> Presented[Any]:
    """The people you may see, by name; ``name`` keeps those whose primary name contains it."""
    user = caller(request)
    people = sorted_by(readable_people(user))
    if name:
        people = containing(people, name)
    return Presented(people, lambda p: person_summary(p, user))


@router.get("/defenders/{person_id}", response=answers.read(DefenderDetail), operation_id="get_defender")
def get_defender(request: HttpRequest, person_id: PathId) -> dict[str, Any]:
    """One defender: names in every script, roles, ties, and the timeline across every case you may see."""
    user = caller(request)
    return defender_timeline(user, access_person(user, person_id))


@router.get(
    "/defenders/{person_id}/matches",
    response=answers.read(list[MatchOut]),
    operation_id="list_defender_matches",
)
@paginate(Page)
def list_defender_matches(request: HttpRequest, person_id: PathId) -> Presented[Any]:
    """People who may be this defender, among those you may see."""
    user = caller(request)
    return Presented(possible_matches(user, access_person(user, person_id)), as_is)


def pair(match: PersonMatch) -> dict[str, Any]:
    return {
        "match_id": match.pk,
        "left": {"id": match.left_id, "name": match.left.name},
        "right": {"id": match.right_id, "name": match.right.name},
        "score": round(match.score, 1),
        "reasons": match.reasons,
    }


@router.get("/matches", response=answers.read(list[PairOut]), operation_id="list_matches")
@paginate(Page)
def list_matches(request: HttpRequest) -> Presented[Any]:
    """Pairs of people that may be one person, both of whom you may see, likeliest first."""
    people = readable_people(caller(request)).filter(merged_into__isnull=True)
    pairs = PersonMatch.objects.filter(status=MatchStatus.PENDING, left__in=people, right__in=people)
    return Presented(pairs.select_related("left", "right").order_by("-score", "id"), pair)


def people_by_id(user: User, ids: list[int], field: str) -> list[Person]:
    """The people with these ids, each one the caller may see; else the body's ``field`` is
    refused (422), with no word on whether the others exist."""
    found = readable_people(user).in_bulk(ids)
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise Unprocessable(field, f"no person {', '.join(missing)} on record that you may see")
    return [found[pk] for pk in dict.fromkeys(ids)]
