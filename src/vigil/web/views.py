"""Views: every record is fetched through an ``access_*`` function; denied looks like not found."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vigil.cases.access import AccessDenied, access_case, readable_cases
from vigil.cases.roles import role_of


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = readable_cases(request.user).prefetch_related("defenders")
    return render(request, "web/case_list.html", {"cases": cases, "role": role_of(request.user)})


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = access_case(request.user, case_id)
    except AccessDenied:
        raise Http404("No such case") from None
    events = case.events.prefetch_related("victims", "evidence__source").order_by("date", "id")
    context = {
        "case": case,
        "events": events,
        "defenders": case.defenders.all(),
        "followups": case.followups.all(),
        "interventions": case.interventions.prefetch_related("demands"),
        "role": role_of(request.user),
    }
    return render(request, "web/case_detail.html", context)
