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


def names_in(text: str) -> list[str]:
    return [d.name for d in extract_text(text).defenders]


DEFENDER_CASES = [
    (
        "a role noun before a coordination list",
        "The State keeps in pre-trial detention the water defenders Ana Uno Example, Berta Dos "
        "Example and Carla Tres Example, who oppose the mine.",
        ["Ana Uno Example", "Berta Dos Example", "Carla Tres Example"],
    ),
    (
        "a plural role noun then 'including'",
        "Experts called for the release of female human rights activists, including Samira Example "
        "and Nadia Sample, who were detained in 2018.",
        ["Samira Example", "Nadia Sample"],
    ),
    (
        "one mention, a role and a detention",
        "Among those affected is human rights lawyer Karim Example, whose detention was renewed on "
        "22 September 2024.",
        ["Karim Example"],
    ),
    (
        "a name that suffered, with a pronoun",
        "A court sentenced Tran Thi Example, 40, to nine years in prison for videos on her blog.",
        ["Tran Thi Example"],
    ),
    (
        "a common word opening the sentence is not a first name",
        "Prominent Kenyan lawyer Otieno Example was arrested on 3 May. The arrest was prominent news.",
        ["Otieno Example"],
    ),
    (
        "a head of state named in passing is not a defender",
        "Two activists, Lena Example and Olga Sample, were jailed on 4 May for protesting against the "
        "country's authoritarian leader Viktor Despot.",
        ["Lena Example", "Olga Sample"],
    ),
    (
        "a province is not a person",
        "A court in the northern province of Ha Example on Tuesday sentenced blogger Minh Example to "
        "nine years in prison.",
        ["Minh Example"],
    ),
    (
        "a French role noun after an elided article",
        "L'avocat Jean Exemple a été arrêté le 3 mai 2024 à Douala, puis placé en détention.",
        ["Jean Exemple"],
    ),
    (
        "a Spanish role noun",
        "La defensora Rosa Ejemplo fue detenida el 3 de mayo de 2024 en Tegucigalpa.",
        ["Rosa Ejemplo"],
    ),
    (
        "a role of a named body, then the name",
        "Además del arresto del presidente de Fenatev-Barinas, Víctor Ejemplo, otros fueron detenidos.",
        ["Víctor Ejemplo"],
    ),
    (
        "a head of state in the headline is not a defender",
        "Detienen al periodista Rubén Ejemplo, crítico del presidente Alejandro Mandatario\n\n"
        "El periodista Rubén Ejemplo fue detenido el 29 de julio de 2022 en su casa.",
        ["Rubén Ejemplo"],
    ),
    (
        "two names of four and two words joined by 'y'",
        "Denunciamos el encarcelamiento de los periodistas independientes Lázaro Yuri Valle Ejemplo y "
        "Esteban Muestra.",
        ["Lázaro Yuri Valle Ejemplo", "Esteban Muestra"],
    ),
    (
        "a list of names each with its city",
        "In August 2018, further arrests were made in the same case, of Sudha Example in Delhi, Vara "
        "Sample in Hyderabad, and Arun Example and Vernon Sample in Mumbai.",
        ["Sudha Example", "Vara Sample", "Arun Example", "Vernon Sample"],
    ),
    (
        "a region after a city is not the next name of a list",
        "On 13 June 2025, police arrested land defenders Rosa Example and Bernardo Sample in Panzós, "
        "Alta Verapaz.",
        ["Rosa Example", "Bernardo Sample"],
    ),
    (
        "the defender's lawyer in Russian is not a defender",
        "Правозащитница Анна Пример осуждена 3 мая 2024 года. Адвокат правозащитницы Игорь Защитов "
        "заявил, что обжалует приговор. Анна Пример находится в СИЗО.",
        ["Анна Пример"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in DEFENDER_CASES], ids=[case[0] for case in DEFENDER_CASES]
)
def test_defenders_from_roles_lists_and_what_they_suffered(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


RUSSIAN_CASES = [
    (
        "an ambiguous form settled by the given name's gender in the dictionary",
        "Силовики задержали Дмитрия Примерова и Олега Образцова 3 мая 2024 года.",
        "Дмитрий Примеров",
    ),
    (
        "a dictator named in an oblique case is not a defender",
        "Подконтрольный диктатору Виктору Примерову суд 3 марта 2023 года приговорил правозащитника "
        "Алеся Образцова к десяти годам колонии.",
        "Алесь Образцов",
    ),
    (
        "a country opening a run is not part of the name",
        "Журналистку в Беларуси Ирину Примерову задержали 5 мая 2024 года.",
        "Ирина Примерова",
    ),
    (
        "a man named only in the genitive",
        "27 марта в дом крымского татарина Эрфана Примерова пришли силовики. Задержанного Эрфана "
        "Примерова увезли в Симферополь.",
        "Эрфан Примеров",
    ),
    (
        "a hyphenated given name in the genitive",
        "Суд продлил арест правозащитника Эмира-Усеина Куку. Адвокаты Эмира-Усеина Куку обжалуют решение.",
        "Эмир-Усеин Куку",
    ),
    (
        "a woman named only in oblique cases",
        "Полиция задержала журналистку Анну Примерову 3 мая 2024 года. Суд арестовал Анну Примерову.",
        "Анна Примерова",
    ),
    (
        "an adjectival surname",
        "Суд приговорил правозащитника Алеся Примерского к десяти годам колонии.",
        "Алесь Примерский",
    ),
]


@pytest.mark.parametrize(
    ("text", "name"), [case[1:] for case in RUSSIAN_CASES], ids=[case[0] for case in RUSSIAN_CASES]
)
def test_russian_names_are_given_in_the_nominative(text: str, name: str) -> None:
    assert names_in(text)[0] == name


GENDER_CASES = [
    ("French article, epicene noun", "Le journaliste Paul Exemple a été interpellé le 3 mai 2024.", "male"),
    ("Spanish article", "La periodista Ana Ejemplo denunció amenazas el 3 de mayo de 2024.", "female"),
    ("French agreement", "Le 3 mai 2024, l'activiste Camille Exemple a été arrêtée à Lomé.", "female"),
    ("Spanish agreement", "El 3 de mayo de 2024, el activista Alex Ejemplo fue detenido en Quito.", "male"),
    ("Russian agreement", "3 мая 2024 года активист Саша Примеров был задержан в Казани.", "male"),
]


@pytest.mark.parametrize(
    ("text", "gender"), [case[1:] for case in GENDER_CASES], ids=[case[0] for case in GENDER_CASES]
)
def test_gender_from_articles_and_agreement(text: str, gender: str) -> None:
    assert [d.gender for d in extract_text(text).defenders] == [gender]


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        (
            "Honduras: ataque\n\nEl 16 de septiembre de 2022 hombres armados dispararon contra la casa del "
            "reconocido ambientalista Ramiro Ejemplo en Tegucigalpa.",
            "Ramiro Ejemplo",
            "male",
        ),
        ("La jeune journaliste Awa Exemple a été interpellée le 3 mars 2021.", "Awa Exemple", "female"),
        (
            "Ethiopia: lawyer arrested\n\nSamuel Example – a lawyer known for defending journalists – was "
            "arrested at his office on 5 March 2024 together with a friend, Mark Sample, with whom he works.",
            "Samuel Example",
            "male",
        ),
    ],
)
def test_gender_over_adjectives_and_from_the_subjects_own_clause(text: str, name: str, gender: str) -> None:
    assert {d.name: d.gender for d in extract_text(text).defenders}[name] == gender


def genders(text: str) -> dict[str, str]:
    return {d.name: d.gender for d in extract_text(text).defenders}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On 5 May 2024 police detained Mathieu Exemple in Niamey.", "Mathieu Exemple"),
        (
            "Samedi 11 mai 2024, l'animateur de radio Borhen Exemple et le commentateur politique Mourad "
            "Exemple ont été arrêtés.",
            "Mourad Exemple",
        ),
        ("El 3 de mayo de 2024 detuvieron al fotoperiodista Neptali Ejemplo en Barinas.", "Neptali Ejemplo"),
    ],
)
def test_a_given_name_in_the_clause_of_a_trigger_or_a_new_role_noun_makes_a_defender(
    text: str, name: str
) -> None:
    assert name in genders(text)


def test_a_quoted_researcher_in_a_sentence_about_arrests_is_no_defender() -> None:
    text = "Police arrested four protesters on 5 May 2024, said Helen Example, a researcher at Kilimo Watch."
    assert "Helen Example" not in genders(text)


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Суд оштрафовал Ивана Примерова на 20 тысяч рублей 5 мая 2024 года.", "Иван Примеров", "male"),
        (
            "5 мая 2024 года суд оштрафовал двух активистов: Ирина Примерова и Анна Образцова.",
            "Ирина Примерова",
            "female",
        ),
        (
            "Police beat Wilmer Example on 16 December 2017. On 29 December, Wilmer Example asked for "
            "protection after he reported vehicles following him.",
            "Wilmer Example",
            "male",
        ),
        (
            "Le dimanche 21 octobre 2018, Josiane Exemple, journaliste, est interpellée alors qu'elle couvre "
            "une marche initiée par le député Jean Exemple.",
            "Josiane Exemple",
            "female",
        ),
        (
            "On 3 May 2023 police detained writer Norman Example and reporter Faridah Example in Kampala. "
            "A lawyer said the two men looked exhausted.",
            "Faridah Example",
            "male",
        ),
        (
            "Aïcha Exemple, arrêtée le 5 mai 2024 à Tunis pour ses articles, est toujours en prison.",
            "Aïcha Exemple",
            "female",
        ),
        (
            "Le 5 mai 2024, Me Amine Exemple, membre de l'ONG, était accusé d'avoir dénoncé une détention.",
            "Amine Exemple",
            "male",
        ),
        (
            "Le 5 mai 2024, Paul Exemple, journaliste, est toujours détenu à Tunis.",
            "Paul Exemple",
            "male",
        ),
        (
            "Ana Ejemplo, detenida el 5 de mayo de 2024, sigue en prisión por su trabajo como periodista.",
            "Ana Ejemplo",
            "female",
        ),
        (
            "On 3 May 2023 police beat Mama Wanjiku Example, a land defender, in Nakuru.",
            "Wanjiku Example",
            "female",
        ),
        (
            "On 12 October 2018 the authorities detained female human rights activists, including Samar "
            "Example and Nassima Example.",
            "Samar Example",
            "female",
        ),
    ],
)
def test_gender_from_surnames_later_sentences_openings_and_adjectives(
    text: str, name: str, gender: str
) -> None:
    assert genders(text).get(name) == gender


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        (
            "On 5 May 2024 police detained activists outside the Palestine Consulate in Addis Ababa.",
            "Palestine Consulate",
        ),
        (
            "El 5 de mayo de 2024 la ONG Control Ciudadano denunció la detención del defensor Luis Ejemplo.",
            "Control Ciudadano",
        ),
    ],
)
def test_a_run_holding_a_country_or_a_bodys_word_is_no_person(text: str, not_a_person: str) -> None:
    assert not_a_person not in genders(text)


def test_a_declined_russian_surname_outranks_the_verbs_of_other_subjects() -> None:
    text = (
        "Районный суд назначил 25 апреля 2024 года штраф студентке Арине Примериной. Суд решил, что "
        "Арина Примерина должна выплатить 12 тысяч рублей."
    )
    assert genders(text).get("Арина Примерина") == "female"


def test_a_quoted_bodys_name_before_a_person_is_not_part_of_the_name() -> None:
    text = (
        'Правозащитный центр "Весна" сообщает: 3 марта 2023 года суд приговорил зампредседателя Весны '
        "Валентина Примеровича к 9 годам лишения свободы."
    )
    assert any(name.startswith("Валентин") for name in genders(text))
    assert not any(name.startswith("Весн") for name in genders(text))


def test_a_term_received_is_a_sentence_in_russian() -> None:
    text = "Журналистка Катерина Примерова 18 февраля 2021 года получила восемь лет лишения свободы."
    found = {(e.date.iso() if e.date else "", e.type) for e in extract_text(text).events}
    assert ("2021-02-18", "sentence") in found


@pytest.mark.parametrize(
    ("text", "official"),
    [
        (
            "El 5 de mayo de 2024 el régimen de Daniel Ejemplo detuvo a la periodista Ana Ejemplo en León.",
            "Daniel Ejemplo",
        ),
        (
            "El fiscal a cargo del caso, Rafael Ejemplo, dijo que el periodista Juan Ejemplo fue detenido "
            "el 5 de mayo de 2024.",
            "Rafael Ejemplo",
        ),
    ],
)
def test_rulers_and_officials_in_spanish_are_no_defenders(text: str, official: str) -> None:
    assert official not in genders(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "On 5 May 2024 police arrested the activist Lena Example in Mombasa. “She is held without "
            "charge,” the coalition's director Kiprop Sample said. Sample added that her family was worried.",
            "Kiprop Sample",
        ),
        (
            "Le journaliste Paul Exemple est détenu depuis le 5 mai 2024 à Garoua, a déclaré au CPJ "
            "l'avocate Jeanne Modèle. Jeanne Modèle, avocate, a ajouté que le procès est reporté.",
            "Jeanne Modèle",
        ),
        (
            "La periodista Ana Ejemplo fue detenida el 5 de mayo de 2024. Luis Muestra, coordinador de "
            "la Plataforma de Apoyo, consideró que la detención es arbitraria. Luis Muestra, periodista, "
            "dijo que seguirán.",
            "Luis Muestra",
        ),
        (
            "5 мая 2024 года суд арестовал журналиста Ивана Примерова, сообщил ТАСС адвокат Пётр "
            "Образцов. Адвокат Пётр Образцов заявил, что обжалует арест.",
            "Пётр Образцов",
        ),
    ],
)
def test_a_source_who_only_speaks_of_the_case_is_no_defender(text: str, source: str) -> None:
    found = genders(text)
    assert source not in found
    assert len(found) == 1  # the subject of the case still is one


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Outside the court, the activist Tom Example, who was given a suspended sentence on "
            "5 May 2024, said the verdict was unjust. Tom Example, an activist, said he would appeal.",
            "Tom Example",
        ),
        (
            "Des hommes armés ont rôdé autour du bureau de Marc Exemple, défenseur des droits humains, "
            "le 5 mai 2024. Marc Exemple a déclaré que des menaces de mort avaient été proférées contre lui.",
            "Marc Exemple",
        ),
    ],
)
def test_a_defender_who_speaks_of_their_own_case_stays_a_defender(text: str, name: str) -> None:
    assert name in genders(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "On 5 May 2024 police charged student leaders Somchai “Frog” Example, Malee ‘Bee’ Sample "
            "and Anan \"Big Anan\" Specimen over a rally in Chiang Mai.",
            {"Somchai Example", "Malee Sample", "Anan Specimen"},
        ),
        (
            "On 5 May 2024 the veteran activist “Grey Beard” Chan Example was sentenced to a year in jail.",
            {"Chan Example"},
        ),
    ],
)
def test_a_nickname_in_quotes_is_not_part_of_the_name_nor_a_name(text: str, names: set[str]) -> None:
    assert set(genders(text)) == names


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        (
            "5 мая 2024 года суд в Гродно арестовал на 15 суток журналистку Ольгу Примерову и её мужа "
            "Александра Образко за репосты.",
            "Александр Образко",
            "male",
        ),
        (
            "5 мая 2024 года суд приговорил к 9 годам лишения свободы Марка Примерова, вместе с ним "
            "осудили Валентина Образцевича.",
            "Валентин Образцевич",
            "male",
        ),
    ],
)
def test_a_russian_name_with_a_known_given_name_in_a_sentence_of_suffering_is_a_defender(
    text: str, name: str, gender: str
) -> None:
    assert genders(text).get(name) == gender


def test_a_russian_lawyer_in_the_instrumental_is_no_defender() -> None:
    text = (
        "5 мая 2024 года журналиста Марата Примерова задержали в Махачкале. Сейчас он находится на "
        "допросе у следователя со своим адвокатом Арсеном Образцовым."
    )
    assert set(genders(text)) == {"Марат Примеров"}


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # a role noun that introduces the next name is that name's, not the one before
        (
            "El 5 de mayo de 2024 detuvieron al dirigente sindical Pedro Ejemplo, la abogada Lucía "
            "Muestra y la activista Marta Modelo en Caracas.",
            "Pedro Ejemplo",
            "male",
        ),
        # the article of a noun of a person in apposition
        (
            "Le 5 mai 2024, quatre militants ainsi que Julien Exemple, un salarié de l'association, "
            "ont été arrêtés à Niamey.",
            "Julien Exemple",
            "male",
        ),
        (
            "El 5 de mayo de 2024 la policía detuvo a Rosa Ejemplo, una trabajadora de la cooperativa, "
            "en Tarija.",
            "Rosa Ejemplo",
            "female",
        ),
        # "and his assistant": the possessive right after the name is the name's
        (
            "On 5 May 2024 blogger Tran Van Example and his assistant were sentenced to five years in "
            "prison.",
            "Tran Van Example",
            "male",
        ),
    ],
)
def test_gender_from_the_next_names_role_apposition_articles_and_possessives(
    text: str, name: str, gender: str
) -> None:
    assert genders(text).get(name) == gender


def test_a_date_in_apposition_says_no_gender() -> None:
    text = "La policía detuvo a Pedro Ejemplo, el pasado 5 de mayo de 2024, en Tegucigalpa."
    assert genders(text).get("Pedro Ejemplo") == "unknown"


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # a role noun, a comma, then the name
        (
            "Un troisième journaliste, Hervé Exemple, a également été placé sous contrôle judiciaire le "
            "5 mai 2024 à Lomé.",
            "Hervé Exemple",
            "male",  # "a été placé"
        ),
        # retention as something suffered; the article of a role of a body outweighs a verb after it
        (
            "Uno de los casos es la retención que sufrió la presidente de la Asamblea de Derechos "
            "Humanos de Tarija (Adht), Amparo Ejemplo, el 5 de mayo de 2024. El hecho fue provocado "
            "por personas desconocidas.",
            "Amparo Ejemplo",
            "female",
        ),
    ],
)
def test_roles_before_a_comma_and_what_is_suffered_in_french_and_spanish(
    text: str, name: str, gender: str
) -> None:
    assert genders(text).get(name) == gender


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # a family name written first, three words or more, in the clause of a trigger
        (
            "A court in the province of Ha Tinh on 5 May 2024 sentenced Tran Quoc Example, 31, to six "
            "years in jail.",
            "Tran Quoc Example",
            "unknown",
        ),
        # a possessive ends the name, and the title before it still counts
        (
            "On 5 May 2024 a court jailed Pham Van Example for seven years. Mr. Pham Van Example’s "
            "lawyer called the verdict unjust.",
            "Pham Van Example",
            "male",
        ),
        # facing execution is something suffered
        (
            "UN experts said that Layla Al-Example, a Shia activist, is facing possible execution.",
            "Layla Al-Example",
            "unknown",
        ),
    ],
)
def test_family_first_names_possessives_and_executions(text: str, name: str, gender: str) -> None:
    assert genders(text).get(name) == gender


def test_a_two_word_place_after_a_family_name_is_no_person() -> None:
    text = "On 5 May 2024 a court in the northern province of Ha Nam sentenced a blogger to nine years."
    assert genders(text) == {}


@pytest.mark.parametrize(
    ("text", "not_a_defender"),
    [
        (
            "La dictadura de Daniel Ejemplo y Rosa Muestra mantiene detenida desde el 5 de mayo de 2024 "
            "a la periodista Ana Modelo.",
            "Rosa Muestra",
        ),
        (
            "On 5 May 2024 police detained four members of Sauti ya Wananchi, a grassroots movement, "
            "and the activist Mary Example in Nairobi.",
            "Sauti ya Wananchi",
        ),
        (
            "On 5 May 2024 police detained journalists from the Kapar Online investigative group, "
            "among them reporter Aibek Example.",
            "Kapar Online",
        ),
        (
            "5 мая 2024 года активиста Ивана Примерова задержали у станции Шиес Вологодской области. "
            "Суд в Шиес Вологодской области арестовал его.",
            "Шиес Вологодская",
        ),
        (
            "5 мая 2024 года журналиста Ивана Примерова задержали; бывшему генпрокурору Рашиду Образцову "
            "дали условный срок.",
            "Рашид Образцов",
        ),
    ],
)
def test_rulers_bodies_and_places_named_beside_a_case_are_no_defenders(
    text: str, not_a_defender: str
) -> None:
    found = genders(text)
    assert not_a_defender not in found
    assert len(found) == 1


@pytest.mark.parametrize(
    ("after", "body_or_place"),
    [
        (" investigative group and", True),
        (", a grassroots movement which", True),
        (", una organización campesina", True),
        (" Вологодской области", False),  # the run holds the adjective; the kind follows
        (" области.", True),
        (", a journalist, was", False),
        (" said on Friday", False),
    ],
)
def test_the_words_after_a_name_that_make_it_a_body_or_a_place(after: str, body_or_place: bool) -> None:
    from vigil_extract.components.mentions import BODY_AFTER, PLACE_AFTER

    assert bool(BODY_AFTER.match(after) or PLACE_AFTER.match(after)) == body_or_place


def test_a_sentence_that_enumerates_the_accused_lists_them_all() -> None:
    text = (
        "Seven democracy activists were sentenced on 5 May 2024 to up to a year in jail. The activists "
        "included Mona Example, a former convenor of the Civic Front; Ravi Sample; and former "
        "legislators Tam Specimen, Wing Model and Fung Pattern, who is known in the city as \"Grey Fox\"."
        " Police arrested Mona Example in March."
    )
    assert set(genders(text)) == {"Mona Example", "Ravi Sample", "Tam Specimen", "Wing Model", "Fung Pattern"}


def test_others_are_goes_on_with_the_list_before() -> None:
    text = (
        "On 5 May 2024 police arrested activists Wanjiru Example, Otieno Sample and Akinyi Specimen in "
        "Nairobi. Others are Kamau Model, Chebet Pattern and Baraka Figure who belong to other groups."
    )
    listed = {"Wanjiru Example", "Otieno Sample", "Akinyi Specimen", "Kamau Model", "Chebet Pattern"}
    assert set(genders(text)) == listed | {"Baraka Figure"}


def test_an_initial_and_a_surname_are_the_full_name_written_short() -> None:
    text = (
        "La justice rejette le pourvoi de O. Exemple et S. Modèle\n\nLa Cour a rejeté le 5 mai 2024 le "
        "pourvoi des deux journalistes Omar Exemple et Samir Modèle, condamnés en appel."
    )
    assert set(genders(text)) == {"Omar Exemple", "Samir Modèle"}


@pytest.mark.parametrize(
    ("before", "place"),
    [
        ("A court in the northern province of", True),  # the text before a name ends without its space
        ("le tribunal de la région de", True),
        ("en el municipio de", True),
        ("the lawyer of", False),
    ],
)
def test_the_words_before_a_name_that_make_it_a_place(before: str, place: bool) -> None:
    from vigil_extract.components.mentions import PLACE_BEFORE

    assert bool(PLACE_BEFORE.search(before[-30:])) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le 5 mai 2024, l’animateur de radio Paul Exemple et le commentateur politique Marc Modèle "
            "ont été arrêtés à Tunis.",
            {"Paul Exemple": "male", "Marc Modèle": "male"},
        ),
        (
            "Le 5 mai 2024, Luc Exemple (vice-président de l’Union des journalistes) a été interpellé à "
            "Ouagadougou.",
            {"Luc Exemple": "male"},
        ),
        (
            "Les journalistes interpellés le 5 mai 2024 ont été libérés. Il s’agit de Michel Exemple, "
            "rédacteur en chef du quotidien L’Éveil Paalga.",
            {"Michel Exemple": "male"},
        ),
        (
            "On 5 May 2024 police placed lawyers Wei Example (魏例) and Li Sample under residential "
            "surveillance.",
            {"Wei Example": "unknown", "Li Sample": "unknown"},
        ),
        (
            "El 5 de mayo de 2024 la comunaria de El Cajón, Salomé Ejemplo, fue retenida por desconocidos.",
            {"Salomé Ejemplo": "female"},
        ),
    ],
)
def test_roles_of_radio_in_brackets_identifying_sentences_and_glossed_names(
    text: str, expected: dict[str, str]
) -> None:
    assert genders(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "members of the Freedom Forum Sample met",
        "la Asamblea Permanente Ejemplar denunció",
        "Союз Журналистов Примерного края осудил",
    ],
)
def test_a_bodys_word_makes_a_run_no_name(sentence: str) -> None:
    from vigil_extract.components.names import runs_in

    assert runs_in(sentence) == ()


@pytest.mark.parametrize("name", ["Plaza Mayor Ejemplar", "Avenida Libertador Ejemplo", "Улица Примерная"])
def test_a_run_opening_with_a_kind_of_place_is_a_place(name: str) -> None:
    from vigil_extract.components.mentions import Person
    from vigil_extract.components.people import names_a_place
    from vigil_extract.document import Span

    assert names_a_place(Person(tuple(name.split()), name, Span(0, len(name))))
