"""Fields several forms share: countries by name, dates with the browser's date picker, lists."""

from __future__ import annotations

import gettext
import re
from functools import cache
from typing import Any

import pycountry
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@cache
def country_names(language: str) -> dict[str, str]:
    """Country names in ``language`` from pycountry's own ISO 3166 catalogues (English if none)."""
    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    return {c.alpha_2: names.gettext(c.name) for c in pycountry.countries}


def country_choices() -> list[tuple[str, str]]:
    """Countries by name in the reader's language, alphabetically."""
    names = country_names(get_language() or "en")
    return [("", "—"), *sorted(names.items(), key=lambda item: item[1])]


class CountryField(forms.ChoiceField):
    """A country chosen by name, stored as its two-letter code."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Country"))
        super().__init__(choices=country_choices, **kwargs)


class DateInput(forms.DateInput):
    """The browser's own date picker (keyboard-usable, no script of ours)."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ListField(forms.CharField):
    """A list of short texts typed one per line or separated by commas."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [part.strip() for part in re.split(r"[\n,;]", str(text)) if part.strip()]


class ReasonField(forms.CharField):
    """Why: required wherever a decision is recorded (a deletion, a level, a snooze)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Reason"))
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2}))
        super().__init__(**kwargs)
