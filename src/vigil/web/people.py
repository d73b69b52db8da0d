"""Defenders and identity in the browser: a defender's page (names in every script, roles,
ties, cases, timeline, possible matches) and the coordinators' page of possible matches, where
two records are merged, told apart, or a merge is undone."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from vigil.cases.access import (
    AccessDenied,
    access_organisation,
    access_person,
    readable_people,
)
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.identity import MatchError, do_mark_distinct, do_merge, do_unmerge
from vigil.cases.actions.levels import decisions_for
from vigil.cases.models import Organisation, OrganisationMatch, Person, PersonMatch
from vigil.cases.parts import affiliations_seen_by
from vigil.cases.presenters import defender_timeline, merged_records, visible_matches
from vigil.cases.roles import User, can_decide, role_of
from vigil.cases.timeline import incidents_by_year
from vigil.web.charts import year_chart
from vigil.web.links import actor
from vigil.web.pages import page

KINDS: dict[str, tuple[type[PersonMatch] | type[OrganisationMatch], Any]] = {
    "person": (PersonMatch, access_person),
    "organisation": (OrganisationMatch, access_organisation),
}


@login_required
def defender_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    try:
        person = access_person(request.user, person_id)
    except AccessDenied:
        raise Http404("No such defender") from None
    data = defender_timeline(request.user, person)
    years = incidents_by_year(data["timeline"], today=timezone.localdate())
    context = {
        "person": person,
        "data": data,
        "affiliations": affiliations_seen_by(person, request.user),
        "years": years,
        "chart": year_chart(years),
        "merged_into": visible_survivor(request.user, person),
        "can_decide": can_decide(request.user),
        "decisions": decisions_for(person),
        "entered_by": actor(person.entered_by) if person.entered_by else "",
    }
    return page(request, "web/defender_detail.html", context)


def visible_survivor(user: User, person: Person) -> Person | None:
    if person.merged_into_id is None:
        return None
    return readable_people(user).filter(pk=person.merged_into_id).first()


@login_required
def match_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "people": visible_matches(user, "person"),
        "organisations": visible_matches(user, "organisation"),
        "merged_people": merged_records(user, "person"),
        "merged_organisations": merged_records(user, "organisation"),
        "can_decide": can_decide(user),
        "role": role_of(user),
    }
    return render(request, "web/match_list.html", context)


def visible_match(request: HttpRequest, kind: str, match_id: int) -> PersonMatch | OrganisationMatch:
    if kind not in KINDS:
        raise Http404("No such kind")
    model, access = KINDS[kind]
    match = model.objects.filter(pk=match_id).first()
    if match is None:
        raise Http404("No such match")
    try:
        access(request.user, match.left_id)
        access(request.user, match.right_id)
    except AccessDenied:
        raise Http404("No such match") from None
    return match


@login_required
@require_POST
def match_decide(request: HttpRequest, kind: str, match_id: int) -> HttpResponse:
    """Merge (keeping the left or the right record) or say the two are not the same."""
    match = visible_match(request, kind, match_id)
    if not can_decide(request.user):
        raise PermissionDenied("only coordinators decide whether two records are one")
    decision = request.POST.get("decision", "")
    left: Person | Organisation = match.left
    right: Person | Organisation = match.right
    try:
        if decision == "keep-left":
            do_merge(left, right, acting_user=request.user)
            messages.success(request, f"{right.name} was merged into {left.name}.")
        elif decision == "keep-right":
            do_merge(right, left, acting_user=request.user)
            messages.success(request, f"{left.name} was merged into {right.name}.")
        elif decision == "distinct":
            do_mark_distinct(left, right, acting_user=request.user)
            messages.success(request, f"{left.name} and {right.name} will not be proposed again.")
        else:
            return HttpResponse("unknown decision", status=400, content_type="text/plain; charset=utf-8")
    except (MatchError, NotAllowed) as exc:
        messages.error(request, str(exc))
    return redirect("match-list")


@login_required
@require_POST
def unmerge(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    """Undo a merge: the absorbed record gets its parts back."""
    if kind not in KINDS:
        raise Http404("No such kind")
    try:
        absorbed = KINDS[kind][1](request.user, record_id)
    except AccessDenied:
        raise Http404("No such record") from None
    if not can_decide(request.user):
        raise PermissionDenied("only coordinators undo merges")
    try:
        do_unmerge(absorbed, acting_user=request.user)
        messages.success(request, f"The merge of {absorbed.name} was undone.")
    except AccessDenied:
        raise Http404("No such record") from None
    except MatchError as exc:
        messages.error(request, str(exc))
    return redirect("match-list")
