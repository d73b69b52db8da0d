"""Case pages: the list, opening a case by hand, the case page, editing, closing and reopening."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.appeals.choices import FORMATS, LANGUAGES
from vigil.appeals.workflow import current_appeal
from vigil.audit.models import AuditEvent
from vigil.cases.access import (
    defenders_of,
    events_of,
    followups_of,
    on_readable_cases,
    readable_people,
    readable_sources,
)
from vigil.cases.actions.assignment import do_set_assignees, eligible_assignees
from vigil.cases.actions.edits import do_edit
from vigil.cases.actions.entry import do_enter_case, do_enter_person
from vigil.cases.actions.lifecycle import do_close_case, do_reopen_case
from vigil.cases.listing import PAGE_SIZE, CaseQuery, case_rows
from vigil.cases.listing import case_list as case_list_of
from vigil.cases.models import Case, EventSource, LevelDecision
from vigil.cases.parts import roles_seen_by
from vigil.web.forms.case_filters import CaseFilterForm
from vigil.web.forms.decisions import AssignForm, CloseForm, ReopenForm
from vigil.web.forms.records import CaseForm, NewCaseForm, changes
from vigil.web.links import actor
from vigil.web.pages import fetch, form_page, page, require_decide, writers_only
from vigil.web.publicity import public_version


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """Cases the reader may see, filtered and sorted by GET parameters (a bookmarkable address),
    50 a page, each with its next follow-up due, last activity and assignees."""
    form = CaseFilterForm(request.GET or None, user=request.user)
    if form.is_bound:
        form.is_valid()
    query = form.query()
    paginator = Paginator(case_list_of(request.user, query), PAGE_SIZE)
    page_of_cases = paginator.get_page(request.GET.get("page"))
    rows = case_rows(request.user, list(page_of_cases), today=timezone.localdate())
    kept = request.GET.copy()
    kept.pop("page", None)
    context = {
        "form": form,
        "rows": rows,
        "page_obj": page_of_cases,
        "query": query,
        "kept": kept.urlencode(),
        "tabs": tab_links(request, query),
        "mine": f"?{urlencode({'assigned_to': 'me', 'state': query.state})}",
    }
    return page(request, "web/case_list.html", context)


def tab_links(request: HttpRequest, query: CaseQuery) -> list[tuple[str, str, bool]]:
    """Open / closed / all, keeping the other filters."""
    tabs = []
    for state, name in (("open", _("Open")), ("closed", _("Closed")), ("all", _("All"))):
        params = request.GET.copy()
        params.pop("page", None)
        params["state"] = state
        tabs.append((f"?{params.urlencode()}", name, query.state == state))
    return tabs


@writers_only
def case_new(request: HttpRequest) -> HttpResponse:
    people = readable_people(request.user)

    def make(*args: Any) -> NewCaseForm:
        return NewCaseForm(*args, people=people, initial={"opened": timezone.localdate()})

    def save(form: NewCaseForm) -> HttpResponse:
        data = form.cleaned_data
        defenders = [data["defender_on_record"]] if data["defender_on_record"] else []
        level = data["confidentiality"]
        case = do_enter_case(
            acting_user=request.user, confidentiality=level, defenders=defenders, **changes(form)
        )
        if data["defender_name"].strip():
            do_enter_person(
                acting_user=request.user,
                case=case,
                name=data["defender_name"],
                gender=data["defender_gender"] or "unknown",
                country=case.country,
                confidentiality=level,
            )
        messages.success(request, _("Case opened."))
        return redirect("case-detail", case_id=case.pk)

    return form_page(
        request,
        make,
        save,
        title=_("Open a case"),
        back=reverse("case-list"),
        intro=_("A case entered by hand says so, with your name, wherever its facts are shown."),
        submit=_("Open the case"),
    )


def corrections(kind: str, ids: list[int]) -> dict[int, AuditEvent]:
    """The latest hand correction of each record (from the audit trail), by id."""
    entries = AuditEvent.objects.filter(
        object_type=f"cases.{kind}", object_id__in=[str(i) for i in ids], action=f"{kind}.edit"
    ).order_by("seq")
    return {int(e.object_id): e for e in entries}


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)
    user = request.user
    evidence = EventSource.objects.filter(source__in=readable_sources(user)).select_related("source")
    events = list(
        events_of(user, case)
        .prefetch_related("victims", Prefetch("evidence", queryset=evidence, to_attr="shown_evidence"))
        .order_by("date", "id")
    )
    corrected = corrections("event", [e.pk for e in events])
    for event in events:
        entry = corrected.get(event.pk)
        event.corrected_by = actor(entry.actor) if entry else ""  # type: ignore[attr-defined]
        event.corrected_at = entry.at if entry else None  # type: ignore[attr-defined]
    today = timezone.localdate()
    followups = sorted(followups_of(user, case), key=lambda f: (f.status != "open", f.watch_from, f.pk))
    for followup in followups:
        followup.overdue = followup.is_overdue(today)  # type: ignore[attr-defined]
    decisions = LevelDecision.objects.filter(object_type="case", object_id=case.pk)
    context = {
        "case": case,
        "events": events,
        "defenders": [(p, roles_seen_by(p, user)) for p in defenders_of(user, case).order_by("id")],
        "followups": followups,
        "sources": readable_sources(user).filter(case=case).order_by("-id"),
        "interventions": on_readable_cases(
            user, case.interventions.filter(source__isnull=False)
        ).prefetch_related("demands"),
        "appeals": case.interventions.filter(source__isnull=True).order_by("-version", "-id"),
        "current_appeal": current_appeal(case),
        "public": public_version(case),
        "decisions": decisions,
        "entered_by": actor(case.entered_by) if case.entered_by else "",
        "assignees": list(case.assignees.values_list("username", flat=True)),
        "languages": LANGUAGES,
        "formats": FORMATS,
    }
    return page(request, "web/case_detail.html", context)


@writers_only
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)

    def save(form: CaseForm) -> HttpResponse:
        do_edit(case, acting_user=request.user, **changes(form))
        messages.success(request, _("Case saved."))
        return redirect("case-detail", case_id=case.pk)

    return form_page(
        request,
        lambda *a: CaseForm(*a, instance=copy.copy(case)),
        save,
        title=_("Edit the case"),
        back=reverse("case-detail", args=[case.pk]),
    )


@login_required
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    """A coordinator chooses who follows the case (staff who may already read it)."""
    case: Case = fetch(request, "case", case_id)
    require_decide(request)
    accounts = {a.username: a for a in eligible_assignees(case)}
    eligible = [(name, name) for name in accounts]
    current = list(case.assignees.values_list("username", flat=True))

    def save(form: AssignForm) -> HttpResponse:
        chosen = [accounts[name] for name in form.cleaned_data["assignees"]]
        do_set_assignees(case, chosen, acting_user=request.user)
        messages.success(request, _("Assignment saved."))
        return redirect("case-detail", case_id=case.pk)

    return form_page(
        request,
        lambda *a: AssignForm(*a, eligible=eligible, initial={"assignees": current}),
        save,
        title=_("Who follows this case"),
        back=reverse("case-detail", args=[case.pk]),
        submit=_("Save"),
    )


@writers_only
def case_close(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)

    def save(form: CloseForm) -> HttpResponse:
        data = form.cleaned_data
        do_close_case(case, situation=data["situation"], on=data["closed"], acting_user=request.user)
        messages.success(request, _("Case closed."))
        return redirect("case-detail", case_id=case.pk)

    return form_page(
        request,
        lambda *a: CloseForm(*a, initial={"situation": case.situation, "closed": timezone.localdate()}),
        save,
        title=_("Close the case"),
        intro=_("Say where the defenders stand as the case closes. A closed case can be reopened."),
        back=reverse("case-detail", args=[case.pk]),
        submit=_("Close the case"),
    )


@writers_only
def case_reopen(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)

    def save(form: ReopenForm) -> HttpResponse:
        do_reopen_case(case, situation=form.cleaned_data["situation"], acting_user=request.user)
        messages.success(request, _("Case reopened."))
        return redirect("case-detail", case_id=case.pk)

    return form_page(
        request,
        lambda *a: ReopenForm(*a, initial={"situation": "at_risk"}),
        save,
        title=_("Reopen the case"),
        back=reverse("case-detail", args=[case.pk]),
        submit=_("Reopen the case"),
    )
