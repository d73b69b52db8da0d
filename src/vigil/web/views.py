"""Views: every record is fetched through an ``access_*`` function; denied looks like not found."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vigil.appeals.choices import FORMATS, LANGUAGES
from vigil.cases.access import (
    AccessDenied,
    access_case,
    on_readable_cases,
    readable_cases,
    readable_people,
    visible_levels,
)
from vigil.cases.models import Case
from vigil.cases.parts import internal_levels, roles_seen_by
from vigil.cases.roles import User, role_of


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    people = Prefetch("defenders", queryset=readable_people(request.user), to_attr="visible_defenders")
    cases = readable_cases(request.user).prefetch_related(people)
    return render(request, "web/case_list.html", {"cases": cases, "role": role_of(request.user)})


CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "eml": "message/rfc822",
}


@login_required
def appeal_download(request: HttpRequest, case_id: int, fmt: str) -> HttpResponse:
    """The case's appeal in a format and language; composed on the fly if none was drafted yet."""
    from django.utils import timezone

    from vigil.appeals.compose import NothingToSay, compose
    from vigil.appeals.facts import gather
    from vigil.appeals.models import OrganisationProfile
    from vigil.appeals.render import render as render_appeal
    from vigil.appeals.workflow import appeal_text, current_appeal, organisation_name

    language, public = request.GET.get("lang", "en"), request.GET.get("public") == "1"
    public = public or role_of(request.user) == "analyst"
    if fmt not in FORMATS or language not in LANGUAGES:
        raise Http404("No such rendering")
    try:
        case = access_case(request.user, case_id)
    except AccessDenied:
        raise Http404("No such case") from None
    intervention = current_appeal(case)
    try:
        appeal = (
            appeal_text(intervention, language, public=public)
            if intervention
            else compose(
                gather(case, public=public, levels=parts_levels(request.user, case)),
                language=language,
                organisation=organisation_name(),
                published=timezone.localdate(),
            )
        )
    except NothingToSay as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    body = render_appeal(appeal, OrganisationProfile.current(), fmt=fmt, public=public)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    if fmt != "html":
        level = "public" if public else "confidential"
        response["Content-Disposition"] = (
            f'attachment; filename="case-{case.pk}-appeal-{language}-{level}.{fmt}"'
        )
    return response


def parts_levels(user: User, case: Case) -> list[str]:
    """The levels of facts an on-the-fly appeal of ``case`` may show this reader: theirs, and
    never stricter than the case itself."""
    ceiling = set(internal_levels(case.confidentiality))
    return [level for level in visible_levels(user) if level in ceiling]


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = access_case(request.user, case_id)
    except AccessDenied:
        raise Http404("No such case") from None
    user = request.user
    events = on_readable_cases(user, case.events.all()).prefetch_related("evidence__source")
    defenders = readable_people(user).filter(cases=case).order_by("id")
    context = {
        "case": case,
        "events": events.order_by("date", "id"),
        "defenders": [(person, roles_seen_by(person, user)) for person in defenders],
        "followups": on_readable_cases(user, case.followups.all()),
        "interventions": on_readable_cases(user, case.interventions.all()).prefetch_related("demands"),
        "role": role_of(request.user),
        "languages": LANGUAGES,
        "formats": FORMATS,
    }
    return render(request, "web/case_detail.html", context)
