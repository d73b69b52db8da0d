"""What every page of the web UI shares: fetching a record or answering 404, checking the
role before a write, and the role flags every template reads (to show write controls or not).

A record the user may not see is "not found", never "forbidden", so its existence does not
leak; a write the user's role does not allow is "forbidden" (403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vigil.cases.access import AccessDenied, access_record
from vigil.cases.roles import can_decide, can_write, role_of

View = TypeVar("View", bound=Callable[..., HttpResponse])


def fetch(request: HttpRequest, kind: str, record_id: int, *, deleted: bool = False) -> Any:
    """The record through the access layer, or 404."""
    try:
        return access_record(request.user, kind, record_id, deleted=deleted)
    except AccessDenied:
        raise Http404(f"No such {kind}") from None


def require_write(request: HttpRequest) -> None:
    if not can_write(request.user):
        raise PermissionDenied("this account may not change records")


def require_decide(request: HttpRequest) -> None:
    if not can_decide(request.user):
        raise PermissionDenied("only coordinators and admins may do this")


def writers_only(view: View) -> View:
    """Sign-in required, and a role that may change records (else 403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_write(request)
        return view(request, *args, **kwargs)

    return login_required(wrapped)  # type: ignore[return-value]


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    """Render a page with the flags every template reads: the role, may it write, may it decide."""
    user = request.user
    flags = {"role": role_of(user), "may_write": can_write(user), "may_decide": can_decide(user)}
    return render(request, template, {**flags, **context}, status=status)


FormFactory = Callable[..., Any]


def form_page(
    request: HttpRequest,
    make_form: FormFactory,
    save: Callable[[Any], HttpResponse],
    *,
    title: str,
    back: str,
    intro: str = "",
    submit: str = "",
    template: str = "web/form.html",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """A form page: shown on GET; on POST checked, then ``save(form)`` writes through an action.

    An action's own refusal (a deleted record, an invalid value) is shown on the form;
    a role refusal is a 403.
    """
    from vigil.cases.actions.edits import EditError
    from vigil.cases.actions.guard import NotAllowed

    if request.method == "POST":
        form = make_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                return save(form)
            except NotAllowed as exc:
                raise PermissionDenied(str(exc)) from None
            except (EditError, ValueError) as exc:
                form.add_error(None, str(exc))
    else:
        form = make_form()
    context = {"form": form, "title": title, "back": back, "intro": intro, "submit": submit, **(extra or {})}
    return page(request, template, context, status=400 if form.errors else 200)


def no_icon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``: nothing (pages declare an empty icon; the appeal's HTML does not)."""
    response = HttpResponse(status=204)
    response["Cache-Control"] = "max-age=86400"
    return response
