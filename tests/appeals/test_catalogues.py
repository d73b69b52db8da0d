"""The phrase catalogues: complete in every language, and the compiled files match the sources."""

from __future__ import annotations

import pytest
from babel.messages import mofile, pofile

from tests.conftest import ROOT

LOCALE = ROOT / "src" / "vigil" / "locale"


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_every_phrase_is_translated_and_compiled(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.po").open("rb") as handle:
        source = pofile.read_po(handle)
    with (folder / "django.mo").open("rb") as handle:
        compiled = mofile.read_mo(handle)
    entries = [m for m in source if m.id]
    built = {(m.id, text(m.context)): m.string for m in compiled if m.id}
    assert len(entries) > 40
    for message in entries:
        assert message.string, f"{language}: no translation for {message.id!r}"
        assert built.get((message.id, message.context)) == message.string, (
            f"{language}: django.mo is stale for {message.id!r}; run `make messages`"
        )


def text(context: str | bytes | None) -> str | None:
    """Babel's .mo reader gives message contexts as bytes."""
    return context.decode() if isinstance(context, bytes) else context


def test_every_library_phrase_exists_in_every_language_and_form() -> None:
    from vigil.appeals.wording import library
    from vigil.cases.vocabulary import event_types

    narrative = library("narrative")
    english = narrative["en"]
    for language in ("en", "fr", "es", "ru"):
        table = narrative[language]
        for event_type in event_types():
            assert {"f", "m", "pl"} <= set(table["verbs"][event_type]), (language, event_type)
        assert set(table["headline"]) == set(english["headline"]), language
        assert set(table["organisation_verbs"]) == set(english["organisation_verbs"]), language
        assert set(table["penalties"]) == set(english["penalties"]), language
        for key in ("day", "days", "month", "year", "by", "place", "law", "conduct", "penalty", "held_in"):
            assert key in table["frames"], (language, key)
    for key, entry in library("demands")["demands"].items():
        assert {"en", "fr", "es", "ru"} <= set(entry), key
    for role, entry in library("roles")["roles"].items():
        assert {"en", "fr", "es", "ru"} <= set(entry), role
    for section in ("headline", "background", "position", "demands_intro", "stale"):
        assert set(library("wording")[section]) == {"en", "fr", "es", "ru"}, section
