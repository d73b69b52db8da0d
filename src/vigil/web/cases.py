"""Case pages: the list, opening a case by hand, the case page, editing, closing and reopening."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
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
    readable_cases,
    readable_followups,
    readable_people,
    readable_sources,
)
from vigil.cases.actions.edits import do_edit
from vigil.cases.actions.entry import do_enter_case, do_enter_person
from vigil.cases.actions.lifecycle import do_close_case, do_reopen_case
from vigil.cases.models import Case, EventSource, LevelDecision
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.parts import roles_seen_by
from vigil.web.forms.decisions import CloseForm, ReopenForm
from vigil.web.forms.records import CaseForm, NewCaseForm, changes
from vigil.web.links import actor
from vigil.web.pages import fetch, form_page, page, writers_only
from vigil.web.publicity import public_version


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "open")
    people = Prefetch("defenders", queryset=readable_people(request.user), to_attr="visible_defenders")
    cases = readable_cases(request.user).prefetch_related(people)
    if state == "open":
        cases = cases.filter(closed__isnull=True)
    elif state == "closed":
        cases = cases.filter(closed__isnull=False)
    today = timezone.localdate()
    overdue = {
        f.case_id
        for f in readable_followups(request.user).filter(status=FollowUpStatus.OPEN)
        if f.is_overdue(today)
    }
    rows = [{"case": c, "overdue": c.pk in overdue} for c in cases]
    return page(request, "web/case_list.html", {"rows": rows, "state": state})


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
