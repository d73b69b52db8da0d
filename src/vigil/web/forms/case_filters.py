"""The case list's filters and sorting, as a GET form: every choice a bookmarkable parameter,
the countries and assignees offered only from cases the reader may see."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User as Account
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vigil.cases.access import readable_cases
from vigil.cases.listing import NOBODY, SORTS, CaseQuery, violations
from vigil.cases.models import CaseSituation, Confidentiality, Gender
from vigil.cases.roles import User
from vigil.cases.vocabulary import event_types
from vigil.web.forms.fields import country_names
from vigil.web.labels import choices

ANY = [("", "—")]
SORT_LABELS = {
    "activity": _("last activity"),
    "opened": _("opened"),
    "title": _("title"),
    "country": _("country"),
    "due": _("next due date"),
}


class CaseFilterForm(forms.Form):
    """Filters of the case list; an unknown value is an error shown beside its field."""

    state = forms.ChoiceField(required=False, label=_("Which cases"))
    country = forms.ChoiceField(required=False, label=_("Country"))
    situation = forms.ChoiceField(required=False, label=_("Situation"))
    violation = forms.ChoiceField(required=False, label=_("Violation"))
    event_type = forms.ChoiceField(required=False, label=_("Event type"))
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100, label=_("Year"))
    gender = forms.ChoiceField(required=False, label=_("Defender's gender"))
    confidentiality = forms.ChoiceField(required=False, label=_("Level"))
    assigned_to = forms.ChoiceField(required=False, label=_("Assigned to"))
    sort = forms.ChoiceField(required=False, label=_("Sort by"))

    def __init__(self, data: Any, *, user: User | None) -> None:
        super().__init__(data)
        cases = readable_cases(user)
        names = country_names(get_language() or "en")
        codes = sorted(set(cases.exclude(country="").values_list("country", flat=True)))
        fields = self.fields
        fields["state"].choices = [  # type: ignore[attr-defined]
            ("open", _("Open")),
            ("closed", _("Closed")),
            ("all", _("All")),
        ]
        fields["country"].choices = ANY + sorted(  # type: ignore[attr-defined]
            ((c, names.get(c, c)) for c in codes), key=lambda item: item[1]
        )
        fields["situation"].choices = ANY + choices(CaseSituation.values)  # type: ignore[attr-defined]
        fields["violation"].choices = ANY + choices(violations())  # type: ignore[attr-defined]
        fields["event_type"].choices = ANY + choices(event_types())  # type: ignore[attr-defined]
        fields["gender"].choices = ANY + choices(Gender.values)  # type: ignore[attr-defined]
        fields["confidentiality"].choices = ANY + choices(Confidentiality.values)  # type: ignore[attr-defined]
        assignees = Account.objects.filter(assigned_cases__in=cases, is_active=True).distinct()
        fields["assigned_to"].choices = [  # type: ignore[attr-defined]
            *ANY,
            ("me", _("me")),
            (NOBODY, _("nobody")),
            *((a.username, a.username) for a in assignees.order_by("username")),
        ]
        fields["sort"].choices = [(s, SORT_LABELS[s]) for s in SORTS]  # type: ignore[attr-defined]

    def query(self) -> CaseQuery:
        """The valid filters as a query (invalid ones, shown as errors, filter nothing)."""
        data = self.cleaned_data if self.is_bound else {}
        values = {name: data.get(name) for name in self.fields if name not in self.errors}
        return CaseQuery(
            state=values.get("state") or "open",
            country=values.get("country") or "",
            situation=values.get("situation") or "",
            violation=values.get("violation") or "",
            event_type=values.get("event_type") or "",
            year=values.get("year") or None,
            gender=values.get("gender") or "",
            confidentiality=values.get("confidentiality") or "",
            assigned_to=values.get("assigned_to") or "",
            sort=values.get("sort") or "activity",
        )
