"""People: cue phrases make defenders; officials, lawyers and board members do not; gender cues."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text

HEAD = "5 May 2025\n\nKenya: defenders at risk\n\n"
DEMANDS = "\n\nWe urge the authorities to:\n\n1. Release {names} immediately;\n2. End all harassment.\n"


def defenders(body: str, demanded: str = "") -> dict[str, str]:
    text = HEAD + body + (DEMANDS.format(names=demanded) if demanded else "")
    return {d.name: d.gender for d in extract_text(text).defenders}


@pytest.mark.parametrize(
    ("body", "demanded", "expected"),
    [
        (
            "On 2 May 2025, police arrested woman human rights defender Amina Wanjiru in Nairobi.",
            "Amina Wanjiru",
            {"Amina Wanjiru": "female"},
        ),
        (
            "On 2 May 2025, police arrested Mr. Otieno Kamau, a journalist, in Kisumu.",
            "Otieno Kamau",
            {"Otieno Kamau": "male"},
        ),
        (
            "On 2 May 2025, police arrested Ms. Grace Achieng, a lawyer, in Nakuru.",
            "Grace Achieng",
            {"Grace Achieng": "female"},
        ),
        (
            "On 2 May 2025, police arrested environmental defender Baraka Mwangi. He was beaten.",
            "Baraka Mwangi",
            {"Baraka Mwangi": "male"},
        ),
        (
            "On 2 May 2025, police arrested activist Chebet Koros in Eldoret.",
            "Chebet Koros",
            {"Chebet Koros": "unknown"},
        ),
    ],
)
def test_cue_phrases_and_gender(body: str, demanded: str, expected: dict[str, str]) -> None:
    assert defenders(body, demanded) == expected


def test_lawyer_acting_for_a_defender_is_not_a_defender() -> None:
    body = (
        "On 2 May 2025, police arrested activist Chebet Koros in Eldoret. "
        "Her lawyer, Mr. Daniel Mutua, was not allowed to see her."
    )
    assert set(defenders(body, "Chebet Koros")) == {"Chebet Koros"}


def test_official_named_with_title_is_not_a_defender() -> None:
    body = (
        "On 2 May 2025, the Minister of Interior, Peter Njoroge, ordered the arrest of "
        "journalist Chebet Koros. Journalist Chebet Koros was held. Chebet Koros remains held."
    )
    assert set(defenders(body, "Chebet Koros")) == {"Chebet Koros"}


def test_spelling_variants_of_one_name_are_one_defender() -> None:
    body = "On 2 May 2025, police arrested activist Ali Al-Hajji. Later, Ali Al-Hajii was charged."
    assert list(defenders(body, "Ali Al-Hajji")) == ["Ali Al-Hajji"]


def test_russian_inflected_names_are_one_defender() -> None:
    text = (
        "05.03.2025\n\nРоссия: правозащитница Анна Петрова задержана\n\n"
        "03.03.2025 полиция задержала правозащитницу Анну Петрову в Перми. "
        "Анну Петрову доставили в отдел полиции."
    )
    found = extract_text(text).defenders
    assert [(d.name, d.gender) for d in found] == [("Анна Петрова", "female")]
