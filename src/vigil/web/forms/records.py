"""Forms for the records a coordinator keeps by hand: case, person, organisation, event,
follow-up, source. Choices are labelled in the reader's language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.cases.models import (
    Case,
    CaseSituation,
    Confidentiality,
    DatePrecision,
    Event,
    FollowUp,
    Gender,
    Organisation,
    Person,
    Source,
)
from vigil.cases.models.event import Penalty
from vigil.cases.models.followup import FollowUpKind
from vigil.cases.models.organisation import OrganisationKind
from vigil.cases.models.source import SourceKind
from vigil.cases.vocabulary import event_types
from vigil.web.forms.fields import CountryField, DateInput, ListField
from vigil.web.labels import choices


def labelled(
    form: forms.BaseForm, name: str, values: list[str] | tuple[str, ...], *, blank: bool = False
) -> None:
    """Give a choice field its values labelled in the reader's language."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = ([("", "—")] if blank else []) + choices(values)


class CaseForm(forms.ModelForm):  # type: ignore[type-arg]
    """A case's own facts (its level and defenders have their own forms)."""

    country = CountryField()
    issues = ListField(label=_("Issues"), help_text=_("Separated by commas: women's rights, land..."))

    class Meta:
        model = Case
        fields = ["title", "country", "situation", "opened", "issues", "summary"]
        labels = {
            "title": _("Title"),
            "situation": _("Situation"),
            "opened": _("Opened"),
            "summary": _("Summary"),
        }
        widgets = {"opened": DateInput(), "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "situation", [s for s in CaseSituation.values if s != CaseSituation.CLOSED])


class NewCaseForm(CaseForm):
    """Opening a case by hand: its facts, its level, and a first defender (new or on record)."""

    confidentiality = forms.ChoiceField(label=_("Who may see it"), choices=())
    defender_name = forms.CharField(label=_("Defender's name"), max_length=300, required=False)
    defender_gender = forms.ChoiceField(label=_("Gender"), choices=(), required=False)
    defender_on_record = forms.ModelChoiceField(
        Person.objects.none(), label=_("Or someone already on record"), required=False
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "confidentiality", Confidentiality.values)
        self.fields["confidentiality"].initial = Confidentiality.RESTRICTED
        labelled(self, "defender_gender", Gender.values)
        field = self.fields["defender_on_record"]
        assert isinstance(field, forms.ModelChoiceField)
        if people is not None:
            field.queryset = people


class PersonForm(forms.ModelForm):  # type: ignore[type-arg]
    """A person's name, gender, roles and country; the notes are kept encrypted. Roles are
    parts of the record (``do_set_roles``), not one of its fields."""

    country = CountryField()
    roles = ListField(label=_("Roles"), help_text=_("Separated by commas: lawyer, journalist..."))

    class Meta:
        model = Person
        fields = ["name", "gender", "country", "contact_notes", "risk_notes"]
        labels = {
            "name": _("Name"),
            "gender": _("Gender"),
            "contact_notes": _("Contact notes"),
            "risk_notes": _("Risk notes"),
        }
        widgets = {
            "contact_notes": forms.Textarea(attrs={"rows": 3}),
            "risk_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "gender", Gender.values)


class OrganisationForm(forms.ModelForm):  # type: ignore[type-arg]
    country = CountryField()

    class Meta:
        model = Organisation
        fields = ["name", "kind", "country"]
        labels = {"name": _("Name"), "kind": _("Kind")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "kind", OrganisationKind.values)


class EventForm(forms.ModelForm):  # type: ignore[type-arg]
    """What happened to whom, when (with how precisely the date is known), where, by whom."""

    country = CountryField()
    victims = forms.ModelMultipleChoiceField(
        Person.objects.none(),
        label=_("Who it happened to"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Event
        fields = [
            "type",
            "date",
            "date_precision",
            "date_end",
            "place",
            "country",
            "perpetrator_text",
            "conduct",
            "legal_basis",
            "penalty",
            "duration",
            "detention_place",
            "outcome",
            "description",
        ]
        labels = {
            "type": _("What happened"),
            "date": _("Date"),
            "date_precision": _("How much of the date is known"),
            "date_end": _("Until (for a range)"),
            "place": _("Place"),
            "perpetrator_text": _("By whom"),
            "conduct": _("Conduct charged or punished"),
            "legal_basis": _("Law cited"),
            "penalty": _("Penalty"),
            "duration": _("Duration"),
            "detention_place": _("Place of detention"),
            "outcome": _("Outcome"),
            "description": _("Description"),
        }
        help_texts = {"duration": _("As written: 15 days, 5 years...")}
        widgets = {
            "date": DateInput(),
            "date_end": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, defenders: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "type", event_types())
        labelled(self, "date_precision", DatePrecision.values)
        labelled(self, "penalty", Penalty.values, blank=True)
        field = self.fields["victims"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        if defenders is not None:
            field.queryset = defenders
        if self.instance.pk:
            self.fields["victims"].initial = list(self.instance.victims.values_list("pk", flat=True))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date_precision") == DatePrecision.RANGE and not (
            data.get("date") and data.get("date_end")
        ):
            self.add_error("date_end", _("A range needs a start and an end date."))
        if data.get("date_end") and data.get("date") and data["date_end"] < data["date"]:
            self.add_error("date_end", _("The range ends before it starts."))
        return data


class FollowUpForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = FollowUp
        fields = ["kind", "due", "note"]
        labels = {"kind": _("What to watch"), "due": _("Due"), "note": _("Note")}
        widgets = {"due": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "kind", FollowUpKind.values)


class SourceForm(forms.ModelForm):  # type: ignore[type-arg]
    url = forms.URLField(label=_("Address (URL)"), required=False, assume_scheme="https")

    class Meta:
        model = Source
        fields = ["title", "kind", "publisher", "url", "published", "language"]
        labels = {
            "title": _("Title"),
            "kind": _("Kind"),
            "publisher": _("Publisher"),
            "url": _("Address (URL)"),
            "published": _("Published"),
            "language": _("Language"),
        }
        widgets = {"published": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "kind", SourceKind.values)


def changes(form: forms.ModelForm, names: list[str] | None = None) -> dict[str, Any]:  # type: ignore[type-arg]
    """The cleaned values of the model's own fields, ready for ``do_edit``."""
    fields = names or list(form._meta.fields or [])
    return {name: form.cleaned_data[name] for name in fields if name in form.cleaned_data}
