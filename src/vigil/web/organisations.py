"""Organisation pages: the list, one organisation with its people, adding and correcting one."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from vigil.cases.access import members_of, readable_organisations
from vigil.cases.actions.edits import do_edit
from vigil.cases.actions.entry import do_enter_organisation
from vigil.cases.actions.levels import decisions_for
from vigil.cases.models import Organisation
from vigil.cases.parts import organisation_aliases_seen_by
from vigil.cases.sorting import sorted_by
from vigil.web.forms.records import OrganisationForm, changes
from vigil.web.links import actor
from vigil.web.pages import fetch, form_page, page, writers_only


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = sorted_by(readable_organisations(request.user).filter(merged_into__isnull=True))
    return page(request, "web/organisation_list.html", {"organisations": organisations})


@login_required
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation: Organisation = fetch(request, "organisation", organisation_id)
    context = {
        "organisation": organisation,
        "aliases": organisation_aliases_seen_by(organisation, request.user),
        "people": members_of(request.user, organisation),
        "decisions": decisions_for(organisation),
        "entered_by": actor(organisation.entered_by) if organisation.entered_by else "",
    }
    return page(request, "web/organisation_detail.html", context)


@writers_only
def organisation_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation: Organisation = fetch(request, "organisation", organisation_id)

    def save(form: OrganisationForm) -> HttpResponse:
        do_edit(organisation, acting_user=request.user, **changes(form))
        messages.success(request, _("Organisation saved."))
        return redirect("organisation-detail", organisation_id=organisation.pk)

    return form_page(
        request,
        lambda *a: OrganisationForm(*a, instance=copy.copy(organisation)),
        save,
        title=_("Edit %(name)s") % {"name": organisation.name},
        back=reverse("organisation-detail", args=[organisation.pk]),
    )


@writers_only
def organisation_new(request: HttpRequest) -> HttpResponse:
    def save(form: OrganisationForm) -> HttpResponse:
        organisation = do_enter_organisation(acting_user=request.user, **changes(form))
        messages.success(request, _("Organisation added."))
        return redirect("organisation-detail", organisation_id=organisation.pk)

    return form_page(
        request,
        OrganisationForm,
        save,
        title=_("Add an organisation"),
        back=reverse("organisation-list"),
        submit=_("Add"),
    )
