"""The web UI in four languages: every text a page or a view shows has a translation in
French, Spanish and Russian, and a reader who chooses a language gets the pages in it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from django.test import Client
from django.utils.translation.template import templatize

from tests.factories import make_user
from tests.web.world import make_world

WEB = Path(__file__).resolve().parents[2] / "src" / "vigil" / "web"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "gettext_noop": None,
}


def texts_in_web() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    sources = [
        (p, templatize(p.read_text(encoding="utf-8"), origin=str(p)))
        for p in (WEB / "templates").rglob("*.html")
    ]
    sources += [(p, p.read_text(encoding="utf-8")) for p in WEB.rglob("*.py")]
    for _path, code in sources:
        for _line, message, _comments, _context in extract(
            "python", io.BytesIO(code.encode()), keywords=KEYWORDS
        ):
            found.add(message if isinstance(message, str) else tuple(message[:2]))
    return found


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_every_text_of_the_web_ui_has_a_translation(language: str) -> None:
    catalogue = read_po((WEB / "locale" / language / "LC_MESSAGES" / "django.po").open("rb"), locale=language)
    translated = {(m.id if isinstance(m.id, str) else tuple(m.id[:2])): m.string for m in catalogue if m.id}
    needed = texts_in_web()
    assert len(needed) > 300
    missing = sorted(str(t) for t in needed if t not in translated)
    assert missing == [], f"run `make messages` and translate: {missing[:10]}"
    empty = sorted(str(k) for k, v in translated.items() if not v or (isinstance(v, tuple) and not all(v)))
    assert empty == []
    assert (WEB / "locale" / language / "LC_MESSAGES" / "django.mo").stat().st_mtime >= 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Dossiers", "Ajouter des documents", "La version publique", "Événements", "Suivis"]),
        ("es", ["Casos", "Añadir documentos", "La versión pública", "Hechos", "Seguimientos"]),
        ("ru", ["Дела", "Добавить документы", "Публичная версия", "События", "Контрольные точки"]),
    ],
)
def test_a_reader_who_chooses_a_language_gets_the_pages_in_it(language: str, words: list[str]) -> None:
    world = make_world()
    client = Client()
    client.force_login(make_user(f"co-{language}", "coordinator"))
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
    assert response.status_code == 302
    page = client.get(f"/cases/{world.case.pk}/").content.decode() + client.get("/cases/").content.decode()
    assert f'<html lang="{language}">' in page
    for word in words:
        assert word in page, word
