"""Intake in the browser: upload one or many files (text, HTML, PDF, DOCX) or paste text,
choose who may see them; each becomes a source with suggested facts, waiting for review.

Without script the form sends every file at once and the answer lists each outcome. With
the page's script (``static/web/intake.js``) files go one at a time, so the page shows
"3 of 5 read" while it works; each answer is then a small JSON object.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.cases.models import Confidentiality
from vigil.intake.extracted import RefusedFile
from vigil.intake.store import IngestOutcome, do_ingest
from vigil.intake.upload import read_bytes
from vigil.web.forms.records import labelled
from vigil.web.labels import label
from vigil.web.pages import page, writers_only
from vigil_extract import ExtractConfig

LIMITS = ExtractConfig().limits


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        files = data if isinstance(data, (list, tuple)) else [data]
        return [single(item, initial) for item in files if item]


class IntakeForm(forms.Form):
    """Files or pasted text, and the level they are stored at."""

    documents = MultipleFileField(
        label=gettext_lazy("Files"),
        required=False,
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ".txt,.html,.htm,.pdf,.docx"}),
        help_text=gettext_lazy("Text, HTML, PDF or DOCX; several at once."),
    )
    text = forms.CharField(
        label=gettext_lazy("Or paste the text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    confidentiality = forms.ChoiceField(label=gettext_lazy("Who may see them"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "confidentiality", Confidentiality.values)
        self.fields["confidentiality"].initial = Confidentiality.RESTRICTED

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("documents") and not (data.get("text") or "").strip():
            raise forms.ValidationError(gettext_lazy("Choose a file or paste a text."))
        return data


@dataclass(frozen=True)
class Result:
    """One file's outcome, as the page shows it."""

    name: str
    source_id: int | None = None
    suggestions: int = 0
    note: str = ""
    error: str = ""

    def as_json(self) -> dict[str, Any]:
        url = reverse("review-source", args=[self.source_id]) if self.source_id else ""
        return {**self.__dict__, "url": url}


def ingest_bytes(request: HttpRequest, name: str, data: bytes, level: str) -> Result:
    """Read and store one document; a refusal names the file and the problem."""
    extracted = read_bytes(name, data)
    if isinstance(extracted, RefusedFile):
        return Result(name, error=extracted.message)
    outcome = do_ingest(extracted, acting_user=request.user, confidentiality=level, accept=False)
    return Result(name, outcome.source_id, outcome.suggestions, note=duplicate_note(outcome, level))


def duplicate_note(outcome: IngestOutcome, asked: str) -> str:
    if not outcome.duplicate:
        return ""
    if outcome.deleted:
        return _("Already stored, and deleted: nothing changed. Restore it from the deleted records.")
    if outcome.level != asked:
        return _(
            "Already stored as %(level)s: nothing changed. "
            "A coordinator can change its level on the review page."
        ) % {"level": label(outcome.level)}
    return _("Already stored: nothing changed.")


def ingest_upload(request: HttpRequest, upload: UploadedFile, level: str) -> Result:
    name = upload.name or "upload"
    if upload.size is not None and upload.size > LIMITS.max_bytes:
        limit = LIMITS.max_bytes // (1024 * 1024)
        return Result(
            name, error=_("%(name)s: larger than %(limit)d MB, not read") % {"name": name, "limit": limit}
        )
    return ingest_bytes(request, name, upload.read(), level)


def pasted_name(text: str, now: dt.datetime) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = re.sub(r"[^\w ]+", "", first)[:60].strip().replace(" ", "-")
    return f"pasted-{now:%Y%m%d-%H%M%S}-{words or 'text'}.txt"


@writers_only
def intake(request: HttpRequest) -> HttpResponse:
    results: list[Result] = []
    if request.method == "POST":
        form = IntakeForm(request.POST, request.FILES)
        if form.is_valid():
            level = form.cleaned_data["confidentiality"]
            results = [ingest_upload(request, upload, level) for upload in form.cleaned_data["documents"]]
            text = form.cleaned_data["text"].strip()
            if text:
                name = pasted_name(text, timezone.localtime())
                results.append(ingest_bytes(request, name, text.encode("utf-8"), level))
            if request.headers.get("Accept") == "application/json":
                return JsonResponse({"results": [r.as_json() for r in results]})
            form = IntakeForm(initial={"confidentiality": level})
        elif request.headers.get("Accept") == "application/json":
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    else:
        form = IntakeForm()
    return page(request, "web/intake.html", {"form": form, "results": results})
