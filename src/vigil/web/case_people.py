"""People on a case, by hand: correcting a person, adding a defender to a case (someone new
or someone on record), taking one off a case. The defender's own page and identity decisions
(possible matches, merges) live in ``web/people.py``."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.cases.access import readable_people
from vigil.cases.actions.edits import do_edit, do_set_defenders, do_set_visible_roles
from vigil.cases.actions.entry import do_enter_person
from vigil.cases.models import Case, Person
from vigil.cases.parts import roles_seen_by
from vigil.web.forms.records import PersonForm, changes
from vigil.web.pages import fetch, form_page, writers_only


@writers_only
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person: Person = fetch(request, "person", person_id)

    def save(form: PersonForm) -> HttpResponse:
        with transaction.atomic():
            do_edit(person, acting_user=request.user, **changes(form))
            do_set_visible_roles(person, form.cleaned_data["roles"], acting_user=request.user)
        messages.success(request, _("Person saved."))
        return redirect("defender-detail", person_id=person.pk)

    return form_page(
        request,
        lambda *a: PersonForm(
            *a, instance=copy.copy(person), initial={"roles": roles_seen_by(person, request.user)}
        ),
        save,
        title=_("Edit %(name)s") % {"name": person.name},
        intro=_(
            "Other spellings and scripts are kept on the defender's page; "
            "a corrected name is kept as one of them."
        ),
        back=reverse("defender-detail", args=[person.pk]),
    )


class AddDefenderForm(PersonForm):
    """A new defender for the case, or someone already on record."""

    on_record = forms.ModelChoiceField(
        Person.objects.none(), label=gettext_lazy("Someone already on record"), required=False
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        field = self.fields["on_record"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = people
        self.order_fields(["on_record", "name"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("on_record") and not (data.get("name") or "").strip():
            raise forms.ValidationError(gettext_lazy("Choose someone on record or give a name."))
        return data


@writers_only
def defender_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)
    people = readable_people(request.user).exclude(cases=case).filter(merged_into__isnull=True)

    def save(form: AddDefenderForm) -> HttpResponse:
        existing = form.cleaned_data["on_record"]
        if existing is not None:
            do_set_defenders(case, [*case.defenders.all(), existing], acting_user=request.user)
        else:
            do_enter_person(
                acting_user=request.user,
                case=case,
                confidentiality=case.confidentiality,
                roles=form.cleaned_data["roles"],
                **changes(form),
            )
        messages.success(request, _("Defender added."))
        return redirect("case-detail", case_id=case.pk)

    return form_page(
        request,
        lambda *a: AddDefenderForm(*a, people=people, initial={"country": case.country}),
        save,
        title=_("Add a defender"),
        back=reverse("case-detail", args=[case.pk]),
        submit=_("Add"),
    )


@writers_only
def defender_remove(request: HttpRequest, case_id: int, person_id: int) -> HttpResponse:
    case: Case = fetch(request, "case", case_id)
    person: Person = fetch(request, "person", person_id)
    if request.method == "POST":
        do_set_defenders(case, case.defenders.exclude(pk=person.pk), acting_user=request.user)
        messages.success(request, _("%(name)s is no longer a defender of this case.") % {"name": person.name})
    return redirect("case-detail", case_id=case.pk)
