"""The organisation profile page: coordinators and admins edit the letterhead, boards and footer."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from vigil.appeals.models import OrganisationProfile
from vigil.appeals.registry import do_set_profile
from vigil.cases.roles import role_of

EDITORS = {"admin", "coordinator"}


class ProfileForm(forms.Form):
    """The profile's fields; lists are one name per line, offices are JSON."""

    name = forms.CharField(max_length=200)
    short_name = forms.CharField(max_length=60, required=False)
    email = forms.EmailField(required=False, help_text="Sender of the e-mail version.")
    offices = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text='JSON list: [{"city": "...", "label": "...", "address": ["..."], "email": "...", '
        '"web": "...", "phone": "...", "fax": "..."}]',
    )
    board = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="One name per line."
    )
    advisory = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="One name per line."
    )
    registration = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_offices(self) -> list[dict[str, Any]]:
        raw = self.cleaned_data["offices"].strip() or "[]"
        try:
            offices = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
        if not isinstance(offices, list) or not all(isinstance(o, dict) for o in offices):
            raise forms.ValidationError("a list of offices, each an object")
        return offices

    def clean_board(self) -> list[str]:
        return lines(self.cleaned_data["board"])

    def clean_advisory(self) -> list[str]:
        return lines(self.cleaned_data["advisory"])


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@login_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) not in EDITORS:
        raise PermissionDenied("only coordinators and admins edit the organisation profile")
    profile = OrganisationProfile.current()
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            do_set_profile(acting_user=request.user, **form.cleaned_data)
            return redirect("profile")
    else:
        form = ProfileForm(
            initial={
                "name": profile.name,
                "short_name": profile.short_name,
                "email": profile.email,
                "offices": json.dumps(profile.offices, ensure_ascii=False, indent=2),
                "board": "\n".join(profile.board),
                "advisory": "\n".join(profile.advisory),
                "registration": profile.registration,
            }
        )
    return render(request, "web/profile.html", {"form": form, "role": role_of(request.user)})
