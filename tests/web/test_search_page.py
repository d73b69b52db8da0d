"""The search page: hits over cases, defenders, sources and events the reader may see, facets
with counts, and snippets whose markup is escaped."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client

from tests.factories import make_case, make_user
from vigil.cases.actions.records import add_event
from vigil.search.index import Hit

pytestmark = pytest.mark.django_db


def signed_in(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-search", role))
    return client


def threatened(title: str, level: str, place: str, country: str = "KE") -> None:
    case = make_case(title, level)
    case.country = country
    case.save(update_fields=["country"])
    with transaction.atomic():
        add_event(
            acting_user=None,
            case=case,
            victims=[],
            type="threat",
            date=dt.date(2025, 3, 1),
            place=place,
            confidentiality=level,
        )


def test_search_finds_cases_and_events_with_facets_and_narrows_by_one() -> None:
    threatened("Kenya: Garissa paralegal threatened", "restricted", "Garissa")
    threatened("Uganda: journalist threatened in Garissa", "restricted", "Kampala", country="UG")
    client = signed_in("viewer")
    page = client.get("/search/", {"q": "Garissa"}).content.decode()
    assert "Kenya: Garissa paralegal threatened" in page and "Uganda: journalist" in page
    assert "<mark>Garissa</mark>" in page or "<mark>garissa</mark>" in page.lower()
    assert "KE</a> (" in page and "UG</a> (" in page, "a country facet with counts"
    narrowed = client.get("/search/", {"q": "Garissa", "country": "UG"}).content.decode()
    assert "Uganda: journalist" in narrowed and "Kenya: Garissa paralegal" not in narrowed
    events = client.get("/search/", {"q": "Garissa", "kind": "event"}).content.decode()
    assert "#event-" in events and "Kenya: Garissa paralegal" not in events


def test_search_never_shows_what_the_reader_may_not_see() -> None:
    threatened("Hidden case in Wajir", "confidential", "Wajir")
    threatened("Staff case in Wajir", "restricted", "Wajir")
    viewer = signed_in("viewer").get("/search/", {"q": "Wajir"}).content.decode()
    assert "Staff case in Wajir" in viewer and "Hidden case" not in viewer
    analyst = signed_in("analyst").get("/search/", {"q": "Wajir"}).content.decode()
    assert "Staff case" not in analyst and "Nothing found" in analyst
    assert Client().get("/search/", {"q": "Wajir"}).status_code == 302


def test_snippets_are_escaped_around_the_marks() -> None:
    hit = Hit("source", 1, "t", "before <script>x</script> \x02word\x03 after")
    from vigil.web.templatetags.vigil import highlighted

    html = str(highlighted(hit))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<mark>word</mark>" in html
    assert hit.plain_snippet == "before <script>x</script> word after"
