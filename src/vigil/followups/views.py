"""The calendar feed's address: ``/calendar/<secret>.ics``, read by calendar programs that
cannot sign in. An unknown or revoked secret is a plain 404; the answer is never cached."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from vigil.followups.feeds import feed_owner
from vigil.followups.ics import feed_for


@require_GET
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    owner = feed_owner(secret)
    if owner is None:
        raise Http404("no such calendar")
    base_url = request.build_absolute_uri("/")
    body = feed_for(
        owner, today=timezone.localdate(), now=timezone.now(), base_url=base_url, host=request.get_host()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="vigil.ics"'
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response
