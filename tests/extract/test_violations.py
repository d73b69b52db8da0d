"""Violations derived from every event and named outright, in four languages (fictional texts)."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text

CASES = [
    (
        "a sentence documents judicial harassment too",
        "On 3 March 2023 a court sentenced human rights defender Ales Example to ten years in prison.",
        {"sentence", "judicial_harassment"},
        set(),
    ),
    (
        "an undated detention still documents arbitrary detention",
        "Journalist Mostafa Example remains in pretrial detention in connection with case No. 4/2019.",
        {"arbitrary_detention"},
        set(),
    ),
    (
        "a violation named in a demand",
        "Activist Lena Example was summoned by the police.\n\nWe call for an end to the judicial "
        "harassment of Lena Example.",
        {"judicial_harassment"},
        set(),
    ),
    (
        "an undated search of a defender's home documents a raid",
        "Police searched the home of journalist Farid Example and seized his laptops.",
        {"raid"},
        set(),
    ),
    (
        "a fine is passed by a court: judicial harassment too",
        "В мае 2024 года суд оштрафовал активистку Арину Примерову на 20 тысяч рублей.",
        {"fine", "judicial_harassment"},
        set(),
    ),
    (
        "a remand in custody is a court's step: judicial harassment too",
        "On 4 June 2024 the court remanded lawyer Samuel Example in custody for 15 days.",
        {"arbitrary_detention", "judicial_harassment"},
        set(),
    ),
    (
        "an undated attack in background is not enough",
        "Years ago, lawyer Omar Example was beaten by strangers; he now leads a legal clinic.",
        set(),
        {"physical_attack"},
    ),
    (
        "a denied charge is not a violation",
        "Blogger Rui Example was never charged with any offence, and lives in Lisbon.",
        set(),
        {"judicial_harassment"},
    ),
    (
        "French",
        "La défenseure Amina Exemple fait l'objet d'un harcèlement judiciaire depuis 2021.",
        {"judicial_harassment"},
        set(),
    ),
    (
        "a prison term is a detention too",
        "Le militant Pierre Exemple a été condamné à cinq ans de prison ferme.",
        {"arbitrary_detention", "sentence", "judicial_harassment"},
        set(),
    ),
    (
        "a prisoner of conscience, with a typographic apostrophe",
        "Amnesty International considère Jean Exemple comme un prisonnier d’opinion.",
        {"arbitrary_detention"},
        set(),
    ),
    (
        "Spanish",
        "La criminalización de la defensora Rosa Ejemplo continúa: sigue detenida en Tegucigalpa.",
        {"judicial_harassment", "arbitrary_detention"},
        set(),
    ),
    (
        "Russian",
        "Против правозащитницы Анны Пример возбуждено уголовное дело, она находится под стражей.",
        {"judicial_harassment", "arbitrary_detention"},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "present", "absent"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_violations_from_events_and_cues(text: str, present: set[str], absent: set[str]) -> None:
    found = set(extract_text(text).violations)
    assert present <= found
    assert not absent & found
