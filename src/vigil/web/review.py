"""Review in the browser: sources waiting for review, their suggested facts with the sentence
each came from, and accepting them (minus the ones unticked) into a case."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from vigil.cases.access import AccessDenied, access_source, readable_sources
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.models import Source
from vigil.cases.roles import can_write, role_of
from vigil.intake.review import ReviewError, do_review


def accessible_source(request: HttpRequest, source_id: int) -> Source:
    try:
        return access_source(request.user, source_id)
    except AccessDenied:
        raise Http404("No such source") from None


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    sources = readable_sources(request.user).filter(reviewed_at__isnull=True).order_by("-id")
    return render(request, "web/review_list.html", {"sources": sources, "role": role_of(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def review_source(request: HttpRequest, source_id: int) -> HttpResponse:
    source = accessible_source(request, source_id)
    if request.method == "POST":
        if not can_write(request.user):
            raise PermissionDenied("this account may not change records")
        kept = {int(p) for p in request.POST.getlist("keep") if p.isdigit()}
        positions = set(source.suggestions.values_list("position", flat=True))
        try:
            case = do_review(source, reject=sorted(positions - kept), acting_user=request.user)
        except (ReviewError, NotAllowed) as exc:
            return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
        return redirect("case-detail", case_id=case.pk)
    suggestions = [
        {
            "position": s.position,
            "field": s.field,
            "value": s.value,
            "status": s.status,
            "evidence": source.excerpt(s.start, s.end) if s.start is not None and s.end is not None else "",
        }
        for s in source.suggestions.order_by("position")
    ]
    context = {
        "source": source,
        "suggestions": suggestions,
        "can_accept": can_write(request.user) and source.reviewed_at is None,
        "role": role_of(request.user),
    }
    return render(request, "web/review_source.html", context)
