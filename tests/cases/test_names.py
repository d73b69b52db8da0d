"""Name keys: which spellings may be one person (a possible match) and which are never merged.

The table holds pairs in Latin, Cyrillic, Arabic and Greek/Georgian/Armenian script, each
marked as one person or two. Candidates are allowed to be wrong both ways (a coordinator
decides), within the bars below; merging without a person's decision is only ever allowed for
the ``exact`` key, and no pair of different people may share it.
"""

from __future__ import annotations

import pytest

from vigil.cases.names import (
    compare_person_names,
    exact_form,
    is_initialled,
    organisation_keys,
    person_keys,
    script_of,
    short_names,
)

SAME = [
    ("Nabeel Rajab", "Nabil Rajab"),
    ("Mohammed Al-Khawaja", "Muhammad Alkhawaja"),
    ("Zhanar Sekerbayeva", "Zhanar Sekerbaeva"),
    ("Z. Sekerbayeva", "Zhanar Sekerbayeva"),
    ("Sekerbayeva Zhanar", "Zhanar Sekerbayeva"),
    ("Yousef Hamdan", "Youssef Hamdan"),
    ("Hussein Ali Karimi", "Husain Ali Karimi"),
    ("José Muñoz", "Jose Munoz"),
    ("Nguyễn Văn Đài", "Nguyen Van Dai"),
    ("Işık Çelik", "Isik Celik"),
    ("Abdelrahman Saleh", "Abdul Rahman Saleh"),
    ("Aleksandr Petrov", "Alexander Petrov"),
    ("Tatiana Kuznetsova", "Tatyana Kuznetsova"),
    ("Olga Ivanovna Smirnova", "Olga Smirnova"),
    ("Khamzat Dudaev", "Hamzat Dudayev"),
    ("Jamal Ouedraogo", "Djamal Ouedraogo"),
    ("Katherine Otieno", "Catherine Otieno"),
    ("María Fernanda López", "Maria Fernanda Lopez"),
    ("Mohamed El-Sayed", "Mohammed Al Sayed"),
    ("Abdullah Ahmed", "Abdallah Ahmad"),
    ("Жанар Секербаева", "Zhanar Sekerbayeva"),
    ("Алесь Беляцкий", "Ales Bialiatski"),
    ("Эмир-Усеин Куку", "Emir-Usein Kuku"),
    ("Александр Соколов", "Aleksandr Sokolov"),
    ("Наталья Эстемирова", "Natalia Estemirova"),
    ("Оюб Титиев", "Oyub Titiev"),
    ("Марина Кайратовна Ахметова", "Marina Akhmetova"),
    ("Юлия Цветкова", "Yulia Tsvetkova"),
    ("Игорь Калягин", "Igor Kalyagin"),
    ("Сергей Михайлович Орлов", "Sergei Orlov"),
    ("Ахтем Чийгоз", "Akhtem Chiygoz"),
    ("Гульнара Бажкенова", "Gulnara Bazhkenova"),
    ("أحمد منصور", "Ahmed Mansoor"),
    ("نبيل رجب", "Nabeel Rajab"),
    ("عبد الهادي الخواجة", "Abdulhadi Al-Khawaja"),
    ("عزة سليمان", "Azza Soliman"),
    ("محمد علي", "Mohamed Ali"),
    ("إبراهيم عز الدين", "Ibrahim Ezz El-Din"),
    ("خليل معتوق", "Khalil Maatouk"),
    ("سلمى الشهاب", "Salma al-Shehab"),
    ("فاطمة الزهراء", "Fatima al-Zahraa"),
    ("عبدالله أحمد", "Abdullah Ahmed"),
    ("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"),
    ("Ελένη Παππά", "Eleni Pappa"),
    ("ზვიად გამსახურდია", "Zviad Gamsakhurdia"),
    ("Արման Գրիգորյան", "Arman Grigoryan"),
    ("يوسف الجمل", "Youssef El Gamal"),
]

DIFFERENT = [
    ("Mohamed Ali", "Mohamed Alim"),
    ("Ali Ahmed", "Ahmed Ali"),
    ("Ahmed Mansoor", "Ahmed Mansour"),
    ("Zhanar Sekerbayeva", "Zhanar Akhmetova"),
    ("Maria Lopez", "Mario Lopez"),
    ("Anna Ivanova", "Anna Ivanov"),
    ("Александр Соколов", "Александра Соколова"),
    ("Nabeel Rajab", "Nabeel Rashid"),
    ("Ahmed Mansoor", "Mansoor Ahmed"),
    ("Yulia Tsvetkova", "Yulia Tsvetaeva"),
    ("Igor Kalyagin", "Igor Kalinin"),
    ("Salma al-Shehab", "Salma al-Shami"),
    ("Jean Mukendi", "Jeanne Mukendi"),
    ("Peter Otieno", "Paul Otieno"),
    ("Khalil Maatouk", "Khaled Maatouk"),
    ("Emir-Usein Kuku", "Emir Kurtaliev"),
    ("Γιώργος Παπαδόπουλος", "Γιώργος Παπαδάκης"),
    ("Arman Grigoryan", "Arman Gasparyan"),
    ("Aziz Rahimov", "Aziza Rahimova"),
    ("Ahmad Karimi", "Mahmoud Karimi"),
    ("Ana Silva", "Ana Souza"),
    ("Luis Fernández", "Luisa Fernández"),
    ("Mohammed Al-Khawaja", "Mohammed Al-Khateeb"),
    ("Abdullah Saleh", "Abdelrahman Saleh"),
    ("Nguyen Van Dai", "Nguyen Van Hai"),
    ("Олег Орлов", "Сергей Орлов"),
    ("محمد علي", "محمد عمر"),
    ("Samuel Okello", "Samuel Okoth"),
]

# What the table must show; measured: 46 of 47 pairs of one person found, 3 of 28 pairs of two
# people flagged (recall 0.98, precision 0.94).
MIN_RECALL = 0.95
MIN_PRECISION = 0.80


def flagged(pairs: list[tuple[str, str]]) -> int:
    return sum(compare_person_names(a, b) is not None for a, b in pairs)


def test_the_table_is_large_and_covers_four_scripts() -> None:
    pairs = SAME + DIFFERENT
    assert len(pairs) >= 60
    scripts = {script_of(name) for pair in pairs for name in pair}
    assert {"Latn", "Cyrl", "Arab"} <= scripts
    assert len(scripts) >= 4


def test_possible_matches_find_the_same_person_across_spellings_and_scripts() -> None:
    found = flagged(SAME)
    flagged_wrongly = flagged(DIFFERENT)
    recall = found / len(SAME)
    precision = found / (found + flagged_wrongly)
    assert recall >= MIN_RECALL, [p for p in SAME if compare_person_names(*p) is None]
    assert precision >= MIN_PRECISION


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_people_never_share_the_key_that_merges_without_a_decision(a: str, b: str) -> None:
    assert person_keys(a).exact != person_keys(b).exact


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohamed Ali", "Mohamed Alim"),
        ("Anna Ivanova", "Anna Ivanov"),
        ("Jean Mukendi", "Jeanne Mukendi"),
        ("Peter Otieno", "Paul Otieno"),
        ("Александр Соколов", "Александра Соколова"),
    ],
)
def test_namesakes_and_relatives_are_not_even_candidates(a: str, b: str) -> None:
    assert compare_person_names(a, b) is None


def test_exact_key_ignores_case_accents_punctuation_and_titles_only() -> None:
    assert exact_form("Mr. José  MUÑOZ") == exact_form("josé muñoz")
    assert exact_form("José Muñoz") != exact_form("Jose Munoz"), "accents count; the keys still match"
    assert exact_form("Nguyễn Văn Hải") != exact_form("Nguyễn Văn Hài")
    assert exact_form("M. Ali") != exact_form("Ali"), "a lone M is an initial, not a title"
    assert exact_form("Жанар Секербаева") != exact_form("Zhanar Sekerbayeva")
    assert exact_form("Ali Ahmed") != exact_form("Ahmed Ali")


def test_reasons_say_why_two_names_may_be_one_person() -> None:
    across = compare_person_names("Жанар Секербаева", "Zhanar Sekerbayeva")
    assert across is not None and "written in another script" in across.reasons
    reordered = compare_person_names("Sekerbayeva Zhanar", "Zhanar Sekerbayeva")
    assert reordered is not None and reordered.reasons == ("same words in another order",)
    initial = compare_person_names("Z. Sekerbayeva", "Zhanar Sekerbayeva")
    assert initial is not None and "same surname and initial" in initial.reasons
    assert is_initialled("Z. Sekerbayeva") and not is_initialled("Zhanar Sekerbayeva")


def test_an_organisation_carries_its_short_name_and_keys_ignore_small_words() -> None:
    assert short_names("Kazakhstan Feminist Initiative “Feminita”") == ["Feminita"]
    assert short_names("Committee for the Defence of Rights (CDR)") == ["CDR"]
    assert (
        organisation_keys("The Committee of Lawyers").skeleton
        == organisation_keys("Committee Lawyers").skeleton
    )
