"""Correction forms for suggested facts, one shape per kind of fact."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.cases.models import Gender
from vigil.cases.vocabulary import event_types
from vigil.web.forms.fields import ListField
from vigil.web.forms.records import labelled

PARTIAL_DATE_HELP = _("YYYY, YYYY-MM or YYYY-MM-DD: as much as is known.")


class DefenderCorrection(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    gender = forms.ChoiceField(label=_("Gender"), choices=())
    roles = ListField(label=_("Roles"), help_text=_("Separated by commas."))
    organisations = ListField(label=_("Organisations"), help_text=_("Separated by commas."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "gender", Gender.values)


class EventCorrection(forms.Form):
    type = forms.ChoiceField(label=_("What happened"), choices=())
    date = forms.CharField(label=_("Date"), required=False, max_length=10, help_text=PARTIAL_DATE_HELP)
    date_end = forms.CharField(
        label=_("Until (for a range)"), required=False, max_length=10, help_text=_("YYYY-MM-DD, or empty.")
    )
    location = forms.CharField(label=_("Place"), required=False, max_length=200)
    perpetrator = forms.CharField(label=_("By whom"), required=False, max_length=300)
    victims = ListField(label=_("Who it happened to"), help_text=_("Names, separated by commas."))
    legal_basis = forms.CharField(label=_("Law cited"), required=False, max_length=300)
    duration = forms.CharField(label=_("Duration"), required=False, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "type", event_types())


class TextCorrection(forms.Form):
    value = forms.CharField(label=_("Value"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


CORRECTIONS: dict[str, type[forms.Form]] = {"defender": DefenderCorrection, "event": EventCorrection}


def correction_form(field: str, value: Any, data: Any = None, prefix: str = "") -> forms.Form:
    """The correction form for a suggestion of ``field``, filled with its current value."""
    form_class = CORRECTIONS.get(field, TextCorrection)
    initial = dict(value) if isinstance(value, dict) else {"value": value or ""}
    return form_class(data, initial=initial, prefix=prefix)


def corrected_value(field: str, form: forms.Form) -> Any:
    if field in CORRECTIONS:
        return dict(form.cleaned_data)
    return form.cleaned_data["value"]
