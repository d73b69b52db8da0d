"""The organisation profile as a form: name, offices as rows, boards, footer, logo, and the
authorities appeals are addressed to, per country. Coordinators and admins edit it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from vigil.appeals.models import Authority, OrganisationProfile
from vigil.appeals.registry import do_add_authority, do_change_authority, do_delete_authority, do_set_profile
from vigil.web.forms.profile import AuthorityForm, AuthorityFormSet, OfficeFormSet, ProfileForm
from vigil.web.pages import page, require_decide


def profile_initial(profile: OrganisationProfile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "short_name": profile.short_name,
        "email": profile.email,
        "board_title": profile.board_title or "Board of Directors",
        "board": "\n".join(profile.board),
        "advisory_title": profile.advisory_title or "International Advisory Council",
        "advisory": "\n".join(profile.advisory),
        "registration": profile.registration,
    }


def offices_initial(profile: OrganisationProfile) -> list[dict[str, Any]]:
    return [{**office, "address": "\n".join(office.get("address", []))} for office in profile.offices]


def save_authorities(formset: Any, request: HttpRequest) -> None:
    for form in formset.forms:
        if not form.has_changed() and not form.cleaned_data.get("DELETE"):
            continue
        instance = form.instance
        fields = {name: form.cleaned_data[name] for name in AuthorityForm.Meta.fields}
        if form.cleaned_data.get("DELETE"):
            if instance.pk:
                do_delete_authority(Authority.objects.get(pk=instance.pk), acting_user=request.user)
        elif instance.pk:
            do_change_authority(Authority.objects.get(pk=instance.pk), acting_user=request.user, **fields)
        elif fields["title"]:
            do_add_authority(acting_user=request.user, **fields)


@login_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    require_decide(request)
    profile = OrganisationProfile.current()
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES)
        offices = OfficeFormSet(request.POST, prefix="office")
        authorities = AuthorityFormSet(request.POST, prefix="authority", queryset=Authority.objects.all())
        if form.is_valid() and offices.is_valid() and authorities.is_valid():
            data = dict(form.cleaned_data)
            logo, remove = data.pop("logo"), data.pop("remove_logo")
            if logo is not None:
                data["logo_svg"] = logo
            elif remove:
                data["logo_svg"] = ""
            data["offices"] = [o for o in (f.office() for f in offices.forms) if o]
            with transaction.atomic():
                do_set_profile(acting_user=request.user, **data)
                save_authorities(authorities, request)
            messages.success(request, _("Profile saved."))
            return redirect("profile")
    else:
        form = ProfileForm(initial=profile_initial(profile))
        offices = OfficeFormSet(initial=offices_initial(profile), prefix="office")
        authorities = AuthorityFormSet(prefix="authority", queryset=Authority.objects.all())
    context = {"form": form, "offices": offices, "authorities": authorities, "profile": profile}
    errors = form.errors or any(offices.errors) or any(authorities.errors)
    return page(
        request, "web/profile.html", context, status=400 if errors and request.method == "POST" else 200
    )
