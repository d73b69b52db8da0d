"""The landing page: the team's morning (see ``cases.overview``), each line a link."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from vigil.cases.overview import overview
from vigil.web.pages import page


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return page(
        request, "web/dashboard.html", {"overview": overview(request.user, today=today), "today": today}
    )
