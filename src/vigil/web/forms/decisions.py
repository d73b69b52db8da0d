"""Forms for decisions that carry a reason or an outcome: delete, level, close, reopen,
follow-up done or snoozed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.cases.models import CaseSituation, Confidentiality
from vigil.web.forms.fields import DateInput, ReasonField
from vigil.web.forms.records import labelled


class DeleteForm(forms.Form):
    reason = ReasonField(help_text=_("Kept with the record; it can be restored."))


class LevelForm(forms.Form):
    confidentiality = forms.ChoiceField(label=_("Who may see it"), choices=())
    reason = ReasonField(help_text=_("Recorded with your name: consent given, risk assessed..."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "confidentiality", Confidentiality.values)


class CloseForm(forms.Form):
    situation = forms.ChoiceField(label=_("Where the defenders stand"), choices=())
    closed = forms.DateField(label=_("Closed on"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "situation", CaseSituation.values)


class ReopenForm(forms.Form):
    situation = forms.ChoiceField(label=_("Where the defenders stand now"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled(self, "situation", [s for s in CaseSituation.values if s != CaseSituation.CLOSED])


class DoneForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What came of it: released, hearing postponed, no reply..."),
    )


class SnoozeForm(forms.Form):
    until = forms.DateField(label=_("Until"), widget=DateInput())
    reason = ReasonField()


class AssignForm(forms.Form):
    """Who follows a case: staff who may already read it (assigning grants no access)."""

    assignees = forms.MultipleChoiceField(
        label=_("Assigned to"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only staff who may already read this case are offered."),
    )

    def __init__(self, *args: Any, eligible: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignees"].choices = eligible  # type: ignore[attr-defined]
