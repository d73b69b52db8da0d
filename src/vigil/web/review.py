"""Review in the browser: the source's text beside its suggested facts, each fact's evidence
marked in the text; keep, correct or reject each; attach a suggested defender to someone on
record; accept into a new case or into the case of a defender already followed; reopen."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.cases.access import readable_cases, readable_organisations, readable_people, readable_sources
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.actions.levels import decisions_for
from vigil.cases.models import Source, Suggestion
from vigil.cases.parts import aliases_seen_by
from vigil.cases.roles import can_write
from vigil.intake.matching import candidates, matching_cases, organisations_like, person_on_record
from vigil.intake.review import (
    ReviewError,
    do_accept,
    do_attach,
    do_attach_organisations,
    do_correct,
    do_decide,
    do_reopen,
)
from vigil.web.forms.review import corrected_value, correction_form
from vigil.web.pages import fetch, page, require_write, writers_only


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    sources = readable_sources(request.user)
    context = {
        "waiting": sources.filter(reviewed_at__isnull=True).order_by("-id"),
        "reviewed": sources.filter(reviewed_at__isnull=False)
        .select_related("case")
        .order_by("-reviewed_at")[:20],
    }
    return page(request, "web/review_list.html", context)


class AcceptForm(forms.Form):
    """Where the kept facts go: a new case, or a case already followed."""

    target = forms.ChoiceField(label=gettext_lazy("Accept into"), widget=forms.RadioSelect, choices=())

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


def accept_choices(request: HttpRequest, source: Source) -> tuple[list[tuple[str, str]], str]:
    """Choices for where to accept, and the one to suggest (a matching case first)."""
    if source.case_id is not None:
        return [(str(source.case_id), _("its case: %(title)s") % {"title": source.case})], str(source.case_id)
    matching = matching_cases(request.user, source)
    others = (
        readable_cases(request.user).exclude(pk__in=[c.pk for c in matching]).order_by("-opened", "-id")[:50]
    )
    choices = [
        (str(c.pk), _("the case of the same defender: %(title)s") % {"title": c.title}) for c in matching
    ]
    choices.append(("new", _("a new case")))
    choices += [(str(c.pk), c.title) for c in others]
    return choices, choices[0][0]


def suggestion_rows(request: HttpRequest, source: Source, editable: bool) -> list[dict[str, Any]]:
    rows = []
    for s in source.suggestions.order_by("position"):
        row: dict[str, Any] = {
            "s": s,
            "evidence": source.excerpt(s.start, s.end) if s.start is not None and s.end is not None else "",
        }
        if editable and not s.record:
            row["form"] = correction_form(s.field, s.value, prefix=f"s{s.position}")
        if editable and s.field == "defender" and not s.record:
            row["on_record"] = person_on_record(request.user, s.value["name"])
            row["candidates"] = [
                (p, aliases_seen_by(p, request.user)) for p in candidates(request.user, s.value["name"])
            ]
            row["attached"] = s.value.get("person_id")
            attached = s.value.get("organisation_ids", {})
            row["organisations"] = [
                {
                    "index": i,
                    "name": name,
                    "attached": attached.get(name),
                    "candidates": organisations_like(request.user, name),
                }
                for i, name in enumerate(s.value.get("organisations", []))
            ]
        rows.append(row)
    return rows


@login_required
def review_source(request: HttpRequest, source_id: int) -> HttpResponse:
    source: Source = fetch(request, "source", source_id)
    if request.method == "POST":
        require_write(request)
        return accept(request, source)
    editable = can_write(request.user) and source.reviewed_at is None
    choices, suggested = accept_choices(request, source)
    spans = [
        (s.start, s.end, f"at-{s.start}")
        for s in source.suggestions.exclude(start=None).exclude(end=None)
        if s.end and s.end > (s.start or 0)
    ]
    context = {
        "source": source,
        "rows": suggestion_rows(request, source, editable),
        "spans": spans,
        "editable": editable,
        "accept_form": AcceptForm(choices=choices, initial={"target": suggested}) if editable else None,
        "decisions": decisions_for(source),
    }
    return page(request, "web/review_source.html", context)


def accept(request: HttpRequest, source: Source) -> HttpResponse:
    choices, _suggested = accept_choices(request, source)
    form = AcceptForm(request.POST, choices=choices)
    if not form.is_valid():
        messages.error(request, _("Choose where to accept the facts."))
        return redirect("review-source", source_id=source.pk)
    target = form.cleaned_data["target"]
    case = None if target == "new" else readable_cases(request.user).filter(pk=int(target)).first()
    try:
        case = do_accept(source, acting_user=request.user, case=case)
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from None
    except ReviewError as exc:
        messages.error(request, str(exc))
        return redirect("review-source", source_id=source.pk)
    messages.success(request, _("Accepted into this case."))
    return redirect("case-detail", case_id=case.pk)


def suggestion_of(request: HttpRequest, source_id: int, position: int) -> Suggestion:
    source: Source = fetch(request, "source", source_id)
    return get_object_or_404(Suggestion, source=source, position=position)


def back_to(suggestion: Suggestion) -> HttpResponse:
    url = reverse("review-source", args=[suggestion.source_id])
    return redirect(f"{url}#suggestion-{suggestion.position}")


def acted(request: HttpRequest, suggestion: Suggestion, action: Any, done: str) -> HttpResponse:
    try:
        action()
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from None
    except ReviewError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return back_to(suggestion)


def decide(request: HttpRequest, source_id: int, position: int, *, keep: bool) -> HttpResponse:
    suggestion = suggestion_of(request, source_id, position)
    if request.method != "POST":
        return back_to(suggestion)
    done = _("Kept.") if keep else _("Rejected.")
    return acted(
        request, suggestion, lambda: do_decide(suggestion, keep=keep, acting_user=request.user), done
    )


@writers_only
def suggestion_keep(request: HttpRequest, source_id: int, position: int) -> HttpResponse:
    return decide(request, source_id, position, keep=True)


@writers_only
def suggestion_reject(request: HttpRequest, source_id: int, position: int) -> HttpResponse:
    return decide(request, source_id, position, keep=False)


@writers_only
def suggestion_correct(request: HttpRequest, source_id: int, position: int) -> HttpResponse:
    suggestion = suggestion_of(request, source_id, position)
    if request.method != "POST":
        return back_to(suggestion)
    form = correction_form(suggestion.field, suggestion.value, request.POST, prefix=f"s{position}")
    if not form.is_valid():
        problems = "; ".join(f"{k}: {' '.join(str(e) for e in v)}" for k, v in form.errors.items())
        messages.error(request, _("Not corrected: %(problems)s") % {"problems": problems})
        return back_to(suggestion)
    value = corrected_value(suggestion.field, form)
    return acted(
        request, suggestion, lambda: do_correct(suggestion, value, acting_user=request.user), _("Corrected.")
    )


@writers_only
def suggestion_attach(request: HttpRequest, source_id: int, position: int) -> HttpResponse:
    suggestion = suggestion_of(request, source_id, position)
    if request.method != "POST":
        return back_to(suggestion)
    chosen = request.POST.get("person", "")
    person = readable_people(request.user).filter(pk=int(chosen)).first() if chosen.isdigit() else None
    if chosen and person is None:
        messages.error(request, _("No such person on record."))
        return back_to(suggestion)
    done = (
        _("Attached to %(name)s.") % {"name": person.name} if person else _("A new person will be created.")
    )
    return acted(request, suggestion, lambda: do_attach(suggestion, person, acting_user=request.user), done)


@writers_only
def suggestion_attach_organisations(request: HttpRequest, source_id: int, position: int) -> HttpResponse:
    """Say which of a suggested defender's organisations are ones on record."""
    suggestion = suggestion_of(request, source_id, position)
    if request.method != "POST" or suggestion.field != "defender":
        return back_to(suggestion)
    names = list(suggestion.value.get("organisations", []))
    visible = readable_organisations(request.user)
    chosen: dict[str, Any] = {}
    for index, name in enumerate(names):
        picked = request.POST.get(f"organisation-{index}", "")
        chosen[name] = visible.filter(pk=int(picked)).first() if picked.isdigit() else None
        if picked and chosen[name] is None:
            messages.error(request, _("No such organisation on record."))
            return back_to(suggestion)
    return acted(
        request,
        suggestion,
        lambda: do_attach_organisations(suggestion, chosen, acting_user=request.user),
        _("Organisations attached."),
    )


@writers_only
def review_reopen(request: HttpRequest, source_id: int) -> HttpResponse:
    source: Source = fetch(request, "source", source_id)
    if request.method == "POST":
        try:
            do_reopen(source, acting_user=request.user)
        except ReviewError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The review is open again: change any decision, then accept."))
    return redirect("review-source", source_id=source.pk)
