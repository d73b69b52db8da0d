"""``{% load vigil %}``: labels in the reader's language, and source text with its evidence marked."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from vigil.search.index import Hit
from vigil.web import labels

register = template.Library()


@register.filter
def label(value: object) -> str:
    return labels.label(value)


@register.filter
def marked(text: str | None, spans: list[tuple[int, int, str]]) -> SafeString:
    """``text`` escaped, with each ``(start, end, anchor)`` span wrapped in ``<mark id=anchor>``.

    Overlapping spans are merged into the first one, so the markup always nests.
    """
    text = text or ""
    out: list[str] = []
    cursor = 0
    for start, end, anchor in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f'<mark id="{escape(anchor)}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece is escaped above)


@register.filter
def kind(record: object) -> str:
    """A record's kind (``case``, ``event``...), as URLs and labels name it."""
    meta = getattr(record, "_meta", None)
    return str(meta.model_name) if meta is not None else ""


@register.filter
def actor(label: str) -> str:
    from vigil.web.links import actor as name_of

    return name_of(label) if label else ""


@register.filter
def highlighted(hit: Hit) -> SafeString:
    """A search hit's snippet escaped piece by piece, the matched words in ``<mark>``."""
    pieces = hit.pieces()
    return mark_safe(  # noqa: S308 (every piece is escaped here)
        "".join(f"<mark>{escape(text)}</mark>" if matched else str(escape(text)) for text, matched in pieces)
    )


@register.filter
def get_item(mapping: dict[str, str], key: str) -> str:
    """``mapping[key]`` in a template, or empty."""
    return mapping.get(key, "")


@register.filter
def country(code: str) -> str:
    """A country's name in the reader's language, from its two-letter code."""
    from django.utils.translation import get_language

    from vigil.web.forms.fields import country_names

    return country_names(get_language() or "en").get(code, code) if code else ""


@register.filter
def script(code: str) -> str:
    """A writing system's name in the reader's language, from its ISO 15924 code (``Cyrl``)."""
    from babel import Locale, UnknownLocaleError
    from django.utils.translation import get_language

    try:
        names = Locale.parse((get_language() or "en").replace("-", "_")).scripts
    except (ValueError, UnknownLocaleError):
        names = Locale("en").scripts
    return str(names.get(code, code))
