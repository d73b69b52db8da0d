"""Each language's typographic rules, as one small function."""

from __future__ import annotations

import pytest

from vigil.appeals.typography import NBSP, NNBSP, list_end, typeset


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", 'Il a dit "non"; pourquoi?', f"Il a dit «{NNBSP}non{NNBSP}»{NNBSP}; pourquoi{NNBSP}?"),
        ("fr", "l'initiative : 10 jours", f"l’initiative{NNBSP}: 10{NBSP}jours"),
        ("fr", "à 15:00, de Ahmed", "à 15:00, d’Ahmed"),
        ("fr", "les autorités de le Kazakhstan à le tribunal", "les autorités du Kazakhstan au tribunal"),
        ("ru", "инициатива “Феминита”, 10 суток", f"инициатива «Феминита», 10{NBSP}суток"),
        ("es", 'la "Unión" de el país a el juez', "la «Unión» del país al juez"),
        ("es", "de El Salvador", "de El Salvador"),
        (
            "es",
            "lideresas y integrantes, Ana y Hilda, agua y hielo, siete o ocho",
            "lideresas e integrantes, Ana e Hilda, agua y hielo, siete u ocho",
        ),
        ("en", 'Feminita\'s "event", 5 years, 2 May', f"Feminita’s “event”, 5{NBSP}years, 2 May"),
        ("ru", "ожидается 10 марта 2025 г..", "ожидается 10 марта 2025 г."),
    ],
)
def test_typeset_applies_the_language_rules(language: str, text: str, expected: str) -> None:
    assert typeset(text, language) == expected


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru"])
def test_typeset_is_idempotent(language: str) -> None:
    text = 'On 3 March, "Feminita" said: the court\'s 10 days; de le tribunal?'
    once = typeset(text, language)
    assert typeset(once, language) == once


def test_list_items_end_with_the_language_punctuation() -> None:
    assert [list_end(n, 3, "fr") for n in (1, 2, 3)] == [f"{NNBSP};", f"{NNBSP};", "."]
    assert [list_end(n, 2, "en") for n in (1, 2)] == [";", "."]


@pytest.mark.parametrize(
    ("city", "russian"),
    [
        ("Moscow", "Москва"),
        ("Kyiv", "Киев"),
        ("Almaty", "Алматы"),
        ("Bishkek", "Бишкек"),
        ("Nairobi", "Найроби"),
    ],
)
def test_a_city_takes_its_russian_name_from_geonames(city: str, russian: str) -> None:
    from vigil.appeals.russian import cyrillic_place

    assert cyrillic_place(city) == russian


def test_a_city_geonames_does_not_know_stays_as_written() -> None:
    from vigil.appeals.russian import cyrillic_place

    assert cyrillic_place("Villa Inventada del Norte") == "Villa Inventada del Norte"
