"""Decisions any kind of record shares: delete (softly, with the reason), restore, change who
may see it (a coordinator's decision, with the reason); the bin of deleted records; sources'
own details."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from vigil.cases.access import KINDS, READABLE
from vigil.cases.actions.deletion import EDITORS_DELETE, do_delete, do_restore
from vigil.cases.actions.edits import do_edit
from vigil.cases.actions.levels import decisions_for, do_set_confidentiality
from vigil.cases.models import Source
from vigil.cases.roles import can_decide
from vigil.web.forms.decisions import DeleteForm, LevelForm
from vigil.web.forms.records import SourceForm, changes
from vigil.web.labels import label
from vigil.web.links import actor, home_of
from vigil.web.pages import fetch, form_page, page, require_decide, require_write, writers_only


def known_kind(kind: str) -> None:
    if kind not in KINDS:
        raise Http404("No such kind of record")


def require_may_delete(request: HttpRequest, record: Any) -> None:
    if isinstance(record, EDITORS_DELETE):
        require_write(request)
    else:
        require_decide(request)


@login_required
def record_delete(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    known_kind(kind)
    record = fetch(request, kind, record_id)
    require_may_delete(request, record)

    def save(form: DeleteForm) -> HttpResponse:
        do_delete(record, reason=form.cleaned_data["reason"], acting_user=request.user)
        messages.success(request, _("Deleted. It can be restored from the deleted records."))
        return redirect(home_of(record) if kind in ("event", "followup") else reverse("deleted-list"))

    return form_page(
        request,
        DeleteForm,
        save,
        title=_("Delete this %(kind)s") % {"kind": label(kind)},
        intro=_("It disappears from lists, pages, appeals, exports and search; its reason is kept."),
        back=home_of(record),
        submit=_("Delete"),
        extra={"record": record, "danger": True},
    )


@login_required
def record_restore(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    known_kind(kind)
    record = fetch(request, kind, record_id, deleted=True)
    require_may_delete(request, record)
    if request.method != "POST":
        return redirect("deleted-list")
    do_restore(record, acting_user=request.user)
    messages.success(request, _("Restored."))
    return redirect(home_of(record))


@login_required
def record_level(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    known_kind(kind)
    record = fetch(request, kind, record_id)
    require_decide(request)

    def save(form: LevelForm) -> HttpResponse:
        data = form.cleaned_data
        decision = do_set_confidentiality(
            record, data["confidentiality"], reason=data["reason"], acting_user=request.user
        )
        if decision is None:
            messages.info(
                request, _("The level was already %(level)s.") % {"level": label(data["confidentiality"])}
            )
        else:
            messages.success(request, _("Now %(level)s.") % {"level": label(decision.after)})
        return redirect(home_of(record))

    return form_page(
        request,
        lambda *a: LevelForm(*a, initial={"confidentiality": record.confidentiality}),
        save,
        title=_("Who may see this %(kind)s") % {"kind": label(kind)},
        intro=_(
            "Public: anyone, and the public appeal and export. Restricted: staff. "
            "Confidential: the people named on its case only."
        ),
        back=home_of(record),
        submit=_("Decide"),
        extra={"record": record, "decisions": decisions_for(record)},
    )


@login_required
def deleted_list(request: HttpRequest) -> HttpResponse:
    """Deleted records the user may see, newest first; coordinators restore them."""
    rows: list[dict[str, Any]] = []
    for kind, readable in READABLE.items():
        for record in readable(request.user, deleted=True).order_by("-deleted_at")[:200]:
            rows.append(
                {
                    "kind": kind,
                    "record": record,
                    "by": actor(record.deleted_by),
                    "may_restore": isinstance(record, EDITORS_DELETE) or can_decide(request.user),
                }
            )
    rows.sort(key=lambda row: row["record"].deleted_at, reverse=True)
    return page(request, "web/deleted_list.html", {"rows": rows})


@writers_only
def source_edit(request: HttpRequest, source_id: int) -> HttpResponse:
    source: Source = fetch(request, "source", source_id)

    def save(form: SourceForm) -> HttpResponse:
        do_edit(source, acting_user=request.user, **changes(form))
        messages.success(request, _("Source saved."))
        return redirect("review-source", source_id=source.pk)

    return form_page(
        request,
        lambda *a: SourceForm(*a, instance=copy.copy(source)),
        save,
        title=_("Edit the source's details"),
        back=reverse("review-source", args=[source.pk]),
    )
