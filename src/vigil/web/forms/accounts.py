"""Forms of the accounts pages (admins only): a new account with its role, and a change of role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vigil.cases.roles import ROLES

ROLE_LABELS: dict[str, Promise] = {
    "admin": _("admin: everything, and the accounts"),
    "coordinator": _("coordinator: decides who may see records, publishes appeals"),
    "editor": _("editor: adds and corrects records"),
    "viewer": _("viewer: reads public and restricted records"),
    "analyst": _("analyst: public records and statistics only"),
}


def role_choices() -> list[tuple[str, str]]:
    return [(role, str(ROLE_LABELS[role])) for role in ROLES]


class RoleForm(forms.Form):
    """One role for an account."""

    role = forms.ChoiceField(label=_("Role"), choices=())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices()  # type: ignore[attr-defined]


class NewAccountForm(RoleForm):
    """A new account: its name and its role (viewer unless chosen: the least privilege first)."""

    name = forms.RegexField(
        label=_("Account name"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text=_("Letters, digits and . @ + - _ only; the person signs in with it."),
        error_messages={"invalid": _("Use letters, digits and . @ + - _ only.")},
    )
    field_order = ["name", "role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = "viewer"
