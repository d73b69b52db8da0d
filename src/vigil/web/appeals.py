"""Appeals in the browser: compose a draft from a case, edit its sections and its demands,
preview it in every language (internal and public), move it through review, start a new
version, download every format. Composition, rendering and the workflow are the appeals
package's; these views only call them.

The rendered HTML carries its own ``<style>``; the site's CSP allows exactly that style by
its SHA-256 hash on that one response, so the appeal is styled without loosening the policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.appeals.choices import FORMATS, LANGUAGES
from vigil.appeals.compose import Appeal, NothingToSay, compose
from vigil.appeals.facts import gather
from vigil.appeals.models import OrganisationProfile
from vigil.appeals.render import render as render_appeal
from vigil.appeals.workflow import (
    APPROVERS,
    EDITABLE_SECTIONS,
    NEXT_STATUS,
    NotPublishedInLanguage,
    WorkflowError,
    appeal_text,
    current_addressees,
    current_appeal,
    do_advance,
    do_compose_draft,
    do_confirm_language,
    do_edit_demands,
    do_edit_section,
    do_new_version,
    do_translate,
    organisation_name,
    withheld,
)
from vigil.cases.access import AccessDenied, access_appeal, visible_levels
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.models import Case, Confidentiality, Intervention
from vigil.cases.models.intervention import InterventionStatus
from vigil.cases.parts import internal_levels
from vigil.cases.roles import User, can_write, role_of
from vigil.web.pages import fetch, page, writers_only

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "eml": "message/rfc822",
}
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
SECTION_LABELS = {
    "headline": gettext_lazy("Headline"),
    "summary": gettext_lazy("Summary"),
    "background": gettext_lazy("Background"),
    "narrative": gettext_lazy("What happened"),
    "context": gettext_lazy("Earlier incidents"),
    "position": gettext_lazy("Position"),
}


def fetch_appeal(request: HttpRequest, appeal_id: int) -> Intervention:
    try:
        appeal = access_appeal(request.user, appeal_id)
    except AccessDenied:
        raise Http404("No such appeal") from None
    if not appeal.is_ours:
        raise Http404("Not one of our appeals")
    return appeal


def style_hashes(html: str) -> list[str]:
    """CSP source expressions allowing exactly the ``<style>`` blocks of ``html``."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in STYLE.findall(html)
    ]


def rendering(appeal: Appeal, *, fmt: str, public: bool, filename: str) -> HttpResponse:
    body = render_appeal(appeal, OrganisationProfile.current(), fmt=fmt, public=public)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    if fmt == "html":
        response._csp_update = {"style-src": style_hashes(body.decode())}  # type: ignore[attr-defined]
    else:
        response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def refused(request: HttpRequest, case: Case, exc: NothingToSay | NotPublishedInLanguage) -> HttpResponse:
    """A public version that cannot be written, said plainly, with the way back."""
    context = {"case": case, "reason": str(exc)}
    return page(request, "web/appeal_refused.html", context, status=409)


def download_options(request: HttpRequest) -> tuple[str, str, bool]:
    """The language and level asked for; an analyst only ever gets the public version."""
    language, public = request.GET.get("lang", "en"), request.GET.get("public") == "1"
    public = public or role_of(request.user) == "analyst"
    if language not in LANGUAGES:
        raise Http404("No such language")
    return language, ("public" if public else "internal"), public


def parts_levels(user: User, case: Case) -> list[str]:
    """The levels of facts an on-the-fly appeal of ``case`` may show this reader: theirs, and
    never stricter than the case itself."""
    ceiling = set(internal_levels(case.confidentiality))
    return [level for level in visible_levels(user) if level in ceiling]


@login_required
def case_appeal_download(request: HttpRequest, case_id: int, fmt: str) -> HttpResponse:
    """The case's current appeal in a format and language; composed on the fly if none was drafted."""
    if fmt not in FORMATS:
        raise Http404("No such rendering")
    case: Case = fetch(request, "case", case_id)
    language, level, public = download_options(request)
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
                addressees=current_addressees(case),
            )
        )
    except (NothingToSay, NotPublishedInLanguage) as exc:
        return refused(request, case, exc)
    return rendering(appeal, fmt=fmt, public=public, filename=f"case-{case.pk}-appeal-{language}-{level}")


@login_required
def appeal_download(request: HttpRequest, appeal_id: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such rendering")
    intervention = fetch_appeal(request, appeal_id)
    language, level, public = download_options(request)
    try:
        appeal = appeal_text(intervention, language, public=public)
    except (NothingToSay, NotPublishedInLanguage) as exc:
        return refused(request, intervention.case, exc)
    name = f"case-{intervention.case_id}-appeal-v{intervention.version}-{language}-{level}"
    return rendering(appeal, fmt=fmt, public=public, filename=name)


class DemandsForm(forms.Form):
    """The demands as numbered rows: change the numbers to reorder, clear a row to remove it."""

    public = forms.BooleanField(
        label=gettext_lazy("Use these demands in the public version too"), required=False
    )

    def __init__(self, *args: Any, demands: list[str], extra: int = 2, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, text in enumerate([*demands, *[""] * extra]):
            self.fields[f"text_{index}"] = forms.CharField(
                label=_("Demand %(number)d") % {"number": index + 1},
                required=False,
                initial=text,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"order_{index}"] = forms.IntegerField(
                label=_("Position"),
                required=False,
                initial=index + 1,
                min_value=1,
                widget=forms.NumberInput(attrs={"class": "order"}),
            )
        self.rows = len(demands) + extra

    def demands(self) -> list[str]:
        """The non-empty demands in the order their numbers give (ties keep the rows' order)."""
        rows = [
            (
                self.cleaned_data.get(f"order_{i}") or i + 1,
                i,
                (self.cleaned_data.get(f"text_{i}") or "").strip(),
            )
            for i in range(self.rows)
        ]
        return [text for _order, _index, text in sorted(rows) if text]

    def pairs(self) -> list[tuple[Any, Any]]:
        return [(self[f"order_{i}"], self[f"text_{i}"]) for i in range(self.rows)]


class SectionForm(forms.Form):
    """One section's text; the section it replaces is named by the ``section`` field beside it."""

    public = forms.BooleanField(label=gettext_lazy("Also in the public version"), required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=True)


def demands_public(intervention: Intervention) -> bool:
    items = intervention.sections.get("demand_items", [])
    return bool(items) and all(item.get("level") == Confidentiality.PUBLIC for item in items)


def untranslated(preview: Appeal | None, language: str) -> list[str]:
    """Texts of the record this language version keeps as written (a rewritten section is not one)."""
    if preview is None:
        return []
    return [text for text in preview.not_translated if text not in EDITABLE_SECTIONS]


def to_translate(
    request: HttpRequest,
    intervention: Intervention,
    preview: Appeal | None,
    language: str,
    withheld_texts: list[str],
) -> list[str]:
    """What a writer may still translate here: a draft's texts kept as written, or those that
    hold a published appeal back from this language."""
    if not can_write(request.user):
        return []
    if intervention.status == InterventionStatus.PUBLISHED:
        return withheld_texts
    return untranslated(preview, language)


def section_text(appeal: Appeal, name: str) -> str:
    value = getattr(appeal, name)
    return "\n\n".join(value) if isinstance(value, list) else str(value)


@login_required
def appeal_detail(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    language = request.GET.get("lang", intervention.language)
    if language not in LANGUAGES:
        language = intervention.language
    public = request.GET.get("public") == "1"
    withheld_texts: list[str] = []
    try:
        preview: Appeal | None = appeal_text(intervention, language, public=public)
        preview_refusal = ""
    except NotPublishedInLanguage as exc:
        preview, preview_refusal = None, str(exc)
        withheld_texts = withheld(intervention).get(language, [])
    except NothingToSay as exc:
        preview, preview_refusal = None, str(exc)
    editable = can_write(request.user) and intervention.status in (
        InterventionStatus.DRAFT,
        InterventionStatus.IN_REVIEW,
    )
    sections = []
    if editable:
        own = appeal_text(intervention, intervention.language, public=False)
        overrides = intervention.sections.get("overrides", {})
        for name in EDITABLE_SECTIONS:
            public = overrides.get(name, {}).get("level") == Confidentiality.PUBLIC
            form = SectionForm(initial={"text": section_text(own, name), "public": public}, prefix=name)
            sections.append(
                {"name": name, "label": SECTION_LABELS[name], "form": form, "edited": name in overrides}
            )
    demands = [d.text for d in intervention.demands.order_by("position")]
    target = NEXT_STATUS.get(InterventionStatus(intervention.status))
    needs_approver = target in (InterventionStatus.APPROVED, InterventionStatus.PUBLISHED)
    context = {
        "appeal": intervention,
        "preview": preview,
        "preview_refusal": preview_refusal,
        "language": language,
        "public": public,
        "languages": LANGUAGES,
        "formats": FORMATS,
        "editable": editable,
        "sections": sections,
        "demands_form": DemandsForm(demands=demands, initial={"public": demands_public(intervention)})
        if editable
        else None,
        "untranslated": to_translate(request, intervention, preview, language, withheld_texts),
        "demands": demands,
        "next_status": target,
        "may_advance": target is not None
        and can_write(request.user)
        and (not needs_approver or role_of(request.user) in APPROVERS),
        "needs_approver": needs_approver,
        "steps": [s.value for s in InterventionStatus],
        "versions": intervention.case.interventions.filter(source__isnull=True).order_by("-version", "-id"),
    }
    return page(request, "web/appeal_detail.html", context)


def workflow_step(request: HttpRequest, intervention: Intervention, step: Any, done: str) -> HttpResponse:
    try:
        result = step()
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from None
    except (WorkflowError, NothingToSay, ValueError) as exc:
        messages.error(request, str(exc))
        return redirect("appeal-detail", appeal_id=intervention.pk)
    messages.success(request, done)
    target = result if isinstance(result, Intervention) else intervention
    return redirect("appeal-detail", appeal_id=target.pk)


@writers_only
def appeal_compose(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)
    if request.method != "POST":
        return redirect("case-detail", case_id=case.pk)
    language = request.POST.get("language", "en")
    if language not in LANGUAGES:
        language = "en"
    try:
        intervention = do_compose_draft(case, acting_user=request.user, language=language)
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from None
    except NothingToSay as exc:
        return refused(request, case, exc)
    messages.success(request, _("A draft appeal was composed from the case's facts."))
    return redirect("appeal-detail", appeal_id=intervention.pk)


@writers_only
def appeal_section(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    name = request.POST.get("section", "")
    form = SectionForm(request.POST, prefix=name) if name in EDITABLE_SECTIONS else None
    if request.method != "POST" or form is None or not form.is_valid():
        messages.error(request, _("Nothing saved: a section needs its text."))
        return redirect("appeal-detail", appeal_id=intervention.pk)
    text = form.cleaned_data["text"]
    level = Confidentiality.PUBLIC if form.cleaned_data["public"] else Confidentiality.RESTRICTED
    return workflow_step(
        request,
        intervention,
        lambda: do_edit_section(
            intervention, name, text, acting_user=request.user, language=intervention.language, level=level
        ),
        _("Section saved."),
    )


@writers_only
def appeal_demands(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    current = [d.text for d in intervention.demands.order_by("position")]
    form = DemandsForm(request.POST or None, demands=current)
    if request.method != "POST" or not form.is_valid():
        messages.error(request, _("Nothing saved: check the positions."))
        return redirect("appeal-detail", appeal_id=intervention.pk)
    demands = form.demands()
    level = Confidentiality.PUBLIC if form.cleaned_data["public"] else Confidentiality.RESTRICTED
    return workflow_step(
        request,
        intervention,
        lambda: do_edit_demands(
            intervention, demands, acting_user=request.user, language=intervention.language, level=level
        ),
        _("Demands saved."),
    )


@writers_only
def appeal_advance(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    if request.method != "POST":
        return redirect("appeal-detail", appeal_id=intervention.pk)
    return workflow_step(
        request,
        intervention,
        lambda: do_advance(intervention, acting_user=request.user),
        _("Status changed."),
    )


@writers_only
def appeal_new_version(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    if request.method != "POST":
        return redirect("appeal-detail", appeal_id=intervention.pk)
    return workflow_step(
        request,
        intervention,
        lambda: do_new_version(intervention, acting_user=request.user),
        _("A new draft version was started."),
    )


class TranslationForm(forms.Form):
    """How the appeal words one text of the record in a language."""

    language = forms.ChoiceField(choices=[(lang, lang) for lang in LANGUAGES])
    original = forms.CharField(max_length=2000)
    translation = forms.CharField(max_length=2000)


@writers_only
def appeal_translate(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    form = TranslationForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        messages.error(request, _("Nothing saved: a translation needs its text."))
        return redirect("appeal-detail", appeal_id=intervention.pk)
    data = form.cleaned_data
    workflow_step(
        request,
        intervention,
        lambda: do_translate(
            intervention, data["language"], data["original"], data["translation"], acting_user=request.user
        ),
        _("Translation saved."),
    )
    return redirect(f"{reverse('appeal-detail', args=[intervention.pk])}?lang={data['language']}")


@writers_only
def appeal_confirm(request: HttpRequest, appeal_id: int) -> HttpResponse:
    intervention = fetch_appeal(request, appeal_id)
    language = request.POST.get("language", "")
    if request.method != "POST" or language not in LANGUAGES:
        return redirect("appeal-detail", appeal_id=intervention.pk)
    workflow_step(
        request,
        intervention,
        lambda: do_confirm_language(intervention, language, acting_user=request.user),
        _("The texts stay as written in this language."),
    )
    return redirect(f"{reverse('appeal-detail', args=[intervention.pk])}?lang={language}")
