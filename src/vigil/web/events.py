"""Events and follow-ups entered, corrected and worked through by hand, on their case."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from vigil.cases.access import defenders_of
from vigil.cases.actions.edits import do_edit, do_set_victims
from vigil.cases.actions.entry import do_enter_event, do_enter_followup
from vigil.cases.actions.followups import do_mark_done, do_reopen_followup, do_snooze
from vigil.cases.models import Case, Event, FollowUp
from vigil.web.forms.decisions import DoneForm, SnoozeForm
from vigil.web.forms.records import EventForm, FollowUpForm, changes
from vigil.web.links import home_of
from vigil.web.pages import fetch, form_page, writers_only


@writers_only
def event_new(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)
    defenders = defenders_of(request.user, case)

    def save(form: EventForm) -> HttpResponse:
        event = do_enter_event(
            acting_user=request.user, case=case, victims=form.cleaned_data["victims"], **changes(form)
        )
        messages.success(request, _("Event added."))
        return redirect(home_of(event))

    return form_page(
        request,
        lambda *a: EventForm(
            *a, defenders=defenders, initial={"country": case.country, "victims": list(defenders)}
        ),
        save,
        title=_("Add an event"),
        intro=_("An event added here has no source: it is shown as entered by hand, with your name."),
        back=reverse("case-detail", args=[case.pk]),
        submit=_("Add the event"),
    )


@writers_only
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    event: Event = fetch(request, "event", event_id)
    defenders = defenders_of(request.user, event.case)

    def save(form: EventForm) -> HttpResponse:
        do_edit(event, acting_user=request.user, **changes(form))
        do_set_victims(event, form.cleaned_data["victims"], acting_user=request.user)
        messages.success(request, _("Event corrected."))
        return redirect(home_of(event))

    return form_page(
        request,
        lambda *a: EventForm(*a, defenders=defenders, instance=copy.copy(event)),
        save,
        title=_("Correct the event"),
        intro=_(
            "The link to the sentence it came from is kept; the case page says it was corrected by hand."
        ),
        back=home_of(event),
        extra={"evidence": event.evidence.select_related("source")},
    )


@writers_only
def followup_new(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)

    def save(form: FollowUpForm) -> HttpResponse:
        followup = do_enter_followup(acting_user=request.user, case=case, **changes(form))
        messages.success(request, _("Follow-up added."))
        return redirect(home_of(followup))

    return form_page(
        request,
        FollowUpForm,
        save,
        title=_("Add a follow-up"),
        intro=_("Something to check on a date: a hearing, a reply expected, a visit."),
        back=reverse("case-detail", args=[case.pk]),
        submit=_("Add the follow-up"),
    )


@writers_only
def followup_edit(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup: FollowUp = fetch(request, "followup", followup_id)

    def save(form: FollowUpForm) -> HttpResponse:
        do_edit(followup, acting_user=request.user, **changes(form))
        messages.success(request, _("Follow-up saved."))
        return redirect(home_of(followup))

    return form_page(
        request,
        lambda *a: FollowUpForm(*a, instance=copy.copy(followup)),
        save,
        title=_("Edit the follow-up"),
        back=home_of(followup),
    )


@writers_only
def followup_done(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup: FollowUp = fetch(request, "followup", followup_id)

    def save(form: DoneForm) -> HttpResponse:
        do_mark_done(followup, outcome=form.cleaned_data["outcome"], acting_user=request.user)
        messages.success(request, _("Follow-up marked done."))
        return redirect(home_of(followup))

    return form_page(
        request,
        DoneForm,
        save,
        title=_("Mark the follow-up done"),
        back=home_of(followup),
        submit=_("Mark done"),
        extra={"record": followup},
    )


@writers_only
def followup_snooze(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup: FollowUp = fetch(request, "followup", followup_id)

    def save(form: SnoozeForm) -> HttpResponse:
        data = form.cleaned_data
        do_snooze(followup, until=data["until"], reason=data["reason"], acting_user=request.user)
        messages.success(request, _("Follow-up snoozed."))
        return redirect(home_of(followup))

    return form_page(
        request,
        SnoozeForm,
        save,
        title=_("Snooze the follow-up"),
        intro=_("It stays open and comes back on the day you choose."),
        back=home_of(followup),
        submit=_("Snooze"),
        extra={"record": followup},
    )


@writers_only
def followup_reopen(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup: FollowUp = fetch(request, "followup", followup_id)
    if request.method == "POST":
        do_reopen_followup(followup, acting_user=request.user)
        messages.success(request, _("Follow-up reopened."))
    return redirect(home_of(followup))
