"""The given-name gazetteer: the shipped file is what names-dataset gives, and Russian names
seen only in oblique cases come back to their nominative by it (fictional people)."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from vigil_extract import extract_text, given_names
from vigil_extract.components.russian import best_form


def test_the_shipped_given_names_are_what_names_dataset_gives_today() -> None:
    shipped = resources.files("vigil_extract.vocab").joinpath(given_names.FILE_NAME).read_bytes()
    derived = given_names.serialise(given_names.derive(given_names.installed_first_names()))
    assert gzip.decompress(shipped).decode("utf-8") == derived


def test_derivation_keeps_frequent_latin_and_cyrillic_names_with_a_clear_gender() -> None:
    table = {
        "Арина": {"rank": {"RU": 143}, "gender": {"F": 0.985, "M": 0.015}},
        "Paz": {"rank": {"CL": 244}, "gender": {"F": 0.88, "M": 0.12}},
        "Rarename": {"rank": {"FR": 90000}, "gender": {"M": 1.0}},
        "张伟": {"rank": {"CN": 1}, "gender": {"M": 0.9}},
    }
    assert given_names.derive(table) == [("Paz", "?"), ("Арина", "f")]


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Арина", "female"), ("игорь", "male"), ("Rosa", "female"), ("Paz", "unknown"), ("Примерова", None)],
)
def test_lookup_by_given_name_in_any_case(word: str, gender: str | None) -> None:
    assert given_names.gender_of(word) == gender


@pytest.mark.parametrize(
    ("variants", "nominative"),
    [
        ([("Игоря", "Сампленко")], "Игорь Сампленко"),  # a man's genitive: the surname sheds -а too
        ([("Игорю", "Ильяшевичу")], "Игорь Ильяшевич"),
        ([("Анны", "Примерты")], "Анна Примерта"),  # a woman's genitive
        ([("Любови", "Образцовой")], "Любовь Образцова"),
        ([("Арине", "Склеповой"), ("Арина", "Склепова")], "Арина Склепова"),  # the text's own nominative
        ([("Талгата", "Аянова")], "Талгат Аянов"),
        ([("Наргиз", "Примеровой")], "Наргиз Примерова"),  # an indeclinable woman's name
        ([("Анна", "Иванова")], "Анна Иванова"),
    ],
)
def test_russian_names_in_oblique_cases_come_back_to_the_nominative(
    variants: list[tuple[str, ...]], nominative: str
) -> None:
    assert " ".join(best_form(variants, "unknown")) == nominative


def test_a_name_met_in_several_cases_is_one_defender_in_the_nominative() -> None:
    text = (
        "Правозащитник Оюб Примеров задержан\n\n"
        "9 января 2024 года полиция задержала правозащитника Оюба Примерова в Грозном. "
        "Адвокат к Оюбу Примерову не допущен."
    )
    names = [d.name for d in extract_text(text).defenders]
    assert names.count("Оюб Примеров") == 1
    assert not any(name.startswith("Оюба") or name.startswith("Оюбу") for name in names)
