"""The organisation profile's forms: the publisher, offices as rows, the authorities per country."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from vigil.appeals.models import Authority
from vigil.web.forms.fields import CountryField
from vigil.web.logo import LogoError, logo_svg


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ProfileForm(forms.Form):
    """The publisher's name, sender, boards, footer and logo."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    short_name = forms.CharField(label=gettext_lazy("Short name"), max_length=60, required=False)
    email = forms.EmailField(
        label=gettext_lazy("E-mail"), required=False, help_text=gettext_lazy("Sender of the e-mail version.")
    )
    board_title = forms.CharField(label=gettext_lazy("Board's title"), max_length=120)
    board = forms.CharField(
        label=gettext_lazy("Board members"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=gettext_lazy("One name per line."),
    )
    advisory_title = forms.CharField(label=gettext_lazy("Advisory council's title"), max_length=120)
    advisory = forms.CharField(
        label=gettext_lazy("Advisory council members"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=gettext_lazy("One name per line."),
    )
    registration = forms.CharField(
        label=gettext_lazy("Registration footer"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    logo = forms.FileField(
        label=gettext_lazy("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".svg,.png,.jpg,.jpeg"}),
        help_text=gettext_lazy("SVG, PNG or JPEG, at most 256 KB. Leave empty to keep the current one."),
    )
    remove_logo = forms.BooleanField(label=gettext_lazy("Remove the logo"), required=False)

    def clean_board(self) -> list[str]:
        return lines(self.cleaned_data["board"])

    def clean_advisory(self) -> list[str]:
        return lines(self.cleaned_data["advisory"])

    def clean_logo(self) -> str | None:
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        try:
            return logo_svg(upload.read(OFFICE_LOGO_READ_LIMIT), upload.name or "logo")
        except LogoError as exc:
            raise forms.ValidationError(str(exc)) from None


OFFICE_LOGO_READ_LIMIT = 256 * 1024 + 1


class OfficeForm(forms.Form):
    """One office on the letterhead."""

    city = forms.CharField(label=gettext_lazy("City"), max_length=100, required=False)
    label = forms.CharField(label=gettext_lazy("Label"), max_length=100, required=False)
    address = forms.CharField(
        label=gettext_lazy("Address"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=gettext_lazy("One line per line of the address."),
    )
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    web = forms.CharField(label=gettext_lazy("Web"), max_length=200, required=False)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=60, required=False)
    fax = forms.CharField(label=gettext_lazy("Fax"), max_length=60, required=False)

    def office(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data or data.get("DELETE") or not any(v for k, v in data.items() if k != "DELETE"):
            return None
        office = {k: v for k, v in data.items() if k not in ("DELETE", "address") and v}
        office["address"] = lines(data.get("address", ""))
        return office


OfficeFormSet = forms.formset_factory(OfficeForm, extra=1, can_delete=True)


class AuthorityForm(forms.ModelForm):  # type: ignore[type-arg]
    """One addressee of appeals about a country."""

    country = CountryField(required=True)

    class Meta:
        model = Authority
        fields = ["country", "title", "name", "institution", "postal_address", "email", "fax"]
        labels = {
            "title": gettext_lazy("Title"),
            "name": gettext_lazy("Name"),
            "institution": gettext_lazy("Institution"),
            "postal_address": gettext_lazy("Postal address"),
            "email": gettext_lazy("E-mail"),
            "fax": gettext_lazy("Fax"),
        }
        widgets = {"postal_address": forms.Textarea(attrs={"rows": 2})}


AuthorityFormSet = forms.modelformset_factory(Authority, form=AuthorityForm, extra=1, can_delete=True)
