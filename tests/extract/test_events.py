"""Events in the shapes real news and appeals use: relative dates of news, more trigger phrases.

Every text is fictional, written for these tests."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text


def dated_events(text: str) -> set[tuple[str, str]]:
    """(date or "", type) of every event extracted from ``text``."""
    return {(e.date.iso() if e.date else "", e.type) for e in extract_text(text).events}


CASES = [
    (
        "shot and killed",
        "On 4 March 2021, land defender Joseph Example was shot and killed outside his home.",
        ("2021-03-04", "killing"),
    ),
    (
        "whereabouts unknown",
        "Activist Lina Example was taken away on 9 July 2024; her whereabouts unknown since then.",
        ("2024-07-09", "enforced_disappearance"),
    ),
    (
        "a bare weekday in the day's news is that day",
        "June 20, 2016\n\nJournalist Erol Example was charged Monday with spreading propaganda.",
        ("2016-06-20", "charge"),
    ),
    (
        "last month",
        "2017-07-26\n\nLast month, a court sentenced blogger Minh Example to ten years in prison.",
        ("2017-06", "sentence"),
    ),
    (
        "a month of this year",
        "2017-07-26\n\nShe posted videos from April 2014 until her arrest in January this year, when "
        "police detained blogger Thi Example.",
        ("2017-01", "arrest"),
    ),
    (
        "kept in detention since",
        "Brussels, 9 May 2005\n\nTwo trade union leaders, Tesfay Example and Amanuel Example, have been "
        "kept in detention since 30 March.",
        ("2005-03-30", "detention"),
    ),
    (
        "a 'City, date:' dateline dates 'today'",
        "Dhaka, 14 September 2023: The Cyber Tribunal today sentenced human rights defender Adil "
        "Example to two years in prison.",
        ("2023-09-14", "sentence"),
    ),
    (
        "French bare weekday and a forced entry",
        "Tunis, le 13 mai 2024\n\nSamedi, des policiers cagoulés se sont introduits au siège de l'Ordre "
        "et ont arrêté l'avocate Samia Exemple.",
        ("2024-05-11", "raid"),
    ),
    (
        "an arrest named by its noun, with its own date",
        "Blogger Anh Example posted videos for years; her arrest in March 2019 silenced her.",
        ("2019-03", "arrest"),
    ),
    (
        "taken to prison",
        "On 2 June 2023, journalist Tun Example was taken to the central prison of the capital.",
        ("2023-06-02", "detention"),
    ),
    (
        "a protest broken up",
        "On 16 December 2017, soldiers broke up a peaceful protest led by activist Rosa Example.",
        ("2017-12-16", "protest"),
    ),
    (
        "French: a complaint filed",
        "La plainte déposée le 23 août 2006 par le ministre vise l'avocat Karim Exemple.",
        ("2006-08-23", "charge"),
    ),
    (
        "French: sent before the prosecutor and to prison",
        "Le 28 décembre 2022, le journaliste Paul Exemple a été déféré à la prison de Yaoundé.",
        ("2022-12-28", "detention"),
    ),
    (
        "Spanish: a criminal complaint against a prosecutor",
        "El 8 de junio de 2022, un funcionario promovió una denuncia contra la fiscal Elena Ejemplo.",
        ("2022-06-08", "charge"),
    ),
    (
        "a date right after its trigger is the trigger's, though another came earlier",
        "The court rejected the appeal of lawyer Adil Example on 14 February 2021, and the trial "
        "opened on 5 October.",
        ("2021-10-05", "trial"),
    ),
    (
        "a date after another trigger belongs to the later one",
        "Thursday 18 October 2018\n\nThe two were arrested on Wednesday evening and charged in court "
        "today, said lawyer Hana Example.",
        ("2018-10-18", "charge"),
    ),
    (
        "last April in a June item",
        "June 22, 2021\n\nStudent leader Vera Example was forced into a police vehicle last April.",
        ("2021-04", "abduction"),
    ),
    (
        "French: 'en mars dernier'",
        "Paris, le 2 mai 2023 — Le journaliste Paul Exemple a été arrêté en mars dernier à Douala.",
        ("2023-03", "arrest"),
    ),
    (
        "an appeal court upholding a sentence is a sentence",
        "In September 2016 an appeals court upheld the sentences of blogger Minh Example.",
        ("2016-09", "sentence"),
    ),
    (
        "Spanish: a killing named by its noun",
        "El defensor Luis Ejemplo denunció la tala; su homicidio en 2016 conmocionó a la región.",
        ("2016", "killing"),
    ),
    (
        "Russian: a label in quotes after 'called' is a smear",
        "10.04.2024 телеканал показал сюжет, в котором активистку Анну Примерову называли «пособницей "
        "врагов».",
        ("2024-04-10", "smear_campaign"),
    ),
    (
        "Spanish: taken from home",
        "El periodista Moisés Ejemplo fue sustraído de su domicilio el 25 de enero de 2015.",
        ("2015-01-25", "abduction"),
    ),
    (
        "news told in the item's first sentence happened on the item's day",
        "2023-03-03\n\nA court in the capital has sentenced trade unionist Ivan Example to six years in "
        "prison.\n\nHe was arrested in 2021.",
        ("2023-03-03", "sentence"),
    ),
    (
        "a year later",
        "Blogger Mai Example was arrested in 2015 and was convicted a year later.",
        ("2016", "conviction"),
    ),
    (
        "several dates listed after one trigger, each with its people",
        "2021-05-01\n\nFive more arrests in the case were made in 2020 – of Anand Example in Goa, in "
        "April, Hany Example in Delhi in July, and Stan Example in Ranchi in October.",
        ("2020-07", "arrest"),
    ),
    (
        "French: a participle in the plural",
        "Les journalistes Paul Exemple et Marc Exemple ont été arrêtés le 3 mai 2021 à Douala.",
        ("2021-05-03", "arrest"),
    ),
    (
        "bodies found",
        "The bodies of Juan Example and Pedro Example were found on 12 March 2020 near the river.",
        ("2020-03-12", "killing"),
    ),
    (
        "held in prison since a year",
        "Since 2011, lawyer Ana Example has been held in prison.",
        ("2011", "detention"),
    ),
    (
        "an early release",
        "Lawyer Ana Example spent two years in prison and was granted an early release in 2013.",
        ("2013", "release"),
    ),
    (
        "a protest dispersed",
        "On 12 January 2019, police dispersed a peaceful protest organised by activist Ana Example.",
        ("2019-01-12", "protest"),
    ),
    (
        "French: two months later",
        "La militante Awa Exemple a été arrêtée en mars 2019. Deux mois plus tard, elle a été libérée.",
        ("2019-05", "release"),
    ),
    (
        "a car following her",
        "On 3 May 2022, activist Mara Example saw two men in a car following her from her office.",
        ("2022-05-03", "surveillance"),
    ),
    (
        "the abduction of",
        "Colleagues reported the abduction of trade unionist Leo Example on 14 June 2021.",
        ("2021-06-14", "abduction"),
    ),
    (
        "stabbed to death",
        "Land defender Tomas Example was stabbed to death on 2 February 2019.",
        ("2019-02-02", "killing"),
    ),
    (
        "French: l'enlèvement de",
        "Le 9 juillet 2024, des hommes armés ont procédé à l'enlèvement de Paul Exemple.",
        ("2024-07-09", "abduction"),
    ),
    (
        "French: a raid before the arrest",
        "Le 4 mars 2023, des policiers ont fouillé la maison du journaliste Paul Exemple avant de l'arrêter.",
        ("2023-03-04", "arrest"),
    ),
    (
        "French: in prison since",
        "Le blogueur Karim Exemple est en prison depuis mars 2020.",
        ("2020-03", "detention"),
    ),
    (
        "French: stabbed to death",
        "Le 2 février 2019, le défenseur Tomas Exemple a été poignardé à mort.",
        ("2019-02-02", "killing"),
    ),
    (
        "Spanish: a finite past arrest",
        "El 5 de agosto de 2022, policías arrestaron al periodista Rubén Ejemplo en su casa.",
        ("2022-08-05", "arrest"),
    ),
    (
        "Spanish: a finite past beating",
        "El 2 de marzo de 2021, desconocidos golpearon a la lideresa Ana Ejemplo en Villanueva.",
        ("2021-03-02", "physical_attack"),
    ),
    (
        "Spanish: followed by a car",
        "El 7 de junio de 2023, la defensora Luz Ejemplo fue seguida por una camioneta sin placas.",
        ("2023-06-07", "surveillance"),
    ),
    (
        "Russian: an abduction as a noun",
        "10 марта 2020 года произошло похищение активиста Ивана Примерова.",
        ("2020-03-10", "abduction"),
    ),
]


@pytest.mark.parametrize(("text", "event"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_events_in_real_shapes(text: str, event: tuple[str, str]) -> None:
    found = dated_events(text)
    assert event in found


NOT_EVENTS = [
    (
        "French: a request for release is no release",
        "Le 6 mai 2025, le tribunal a rejeté la demande de mise en liberté provisoire de l'avocat Paul "
        "Exemple.",
        "release",
    ),
    (
        "French: 'les détenus' are people, not a detention",
        "Le 3 mai 2021, l'avocat Paul Exemple a dénoncé la loi sur la réinsertion des détenus.",
        "detention",
    ),
    (
        "French: 'ne ... pas' denies",
        "Le 3 mai 2021, la militante Awa Exemple a été convoquée mais n'a pas été arrêtée.",
        "arrest",
    ),
    (
        "what 'has recently' happened is not the item's day",
        "2012-04-30\n\nFour members of a rights group have recently been threatened by unknown men.",
        "threat",
    ),
    (
        "a Spanish adverb is not a stem's ending",
        "El 3 de mayo de 2024, la defensora Ana Ejemplo habló. Seguidamente, anotó que la presión continúa.",
        "surveillance",
    ),
    (
        "a statistic of deaths is not a killing",
        "Desde 2013, el registro contabiliza 35 muertes de defensores ambientales en la región.",
        "killing",
    ),
    (
        "a noun carried from an earlier date is not an event",
        "El 3 de mayo de 2024 la defensora Ana Ejemplo fue detenida. Una de las amenazas es la tala ilegal.",
        "threat",
    ),
    (
        "an adjective is not an event",
        "On 20 November 2020, wives of jailed opposition activists held a protest in Phnom Penh.",
        "detention",
    ),
    (
        "a wish is not a release",
        "On 20 November 2020, relatives of activist Sam Example marched, demanding that they be freed.",
        "release",
    ),
    (
        "a statement released is not a release",
        "On 12 October 2018, UN experts released a joint statement on activist Samar Example.",
        "release",
    ),
    (
        "a participle before its noun is not an arrest",
        "On 20 November 2020, the families of detained activists gathered in front of the palace.",
        "detention",
    ),
    (
        "a word of an organisation's name is not a disappearance",
        "Le 25 avril 2007, le tribunal a entendu Me Karim Exemple, membre de SOS Disparu(e)s.",
        "enforced_disappearance",
    ),
    (
        "a count of victims is not a killing",
        "Según el registro, 123 ecologistas han sido asesinados en el país desde 2010.",
        "killing",
    ),
    (
        "a cyclone that killed many is not the defender's killing",
        "Journalist Sai Example was arrested in May 2023 while covering the cyclone, which killed "
        "over 140 people.",
        "killing",
    ),
    (
        "a conviction supposed is not a conviction",
        "On 24 November 2021 the tribunal heard the case; if found guilty, defender Adil Example "
        "faces ten years.",
        "conviction",
    ),
    (
        "a trial set for a later day is announced, not held",
        "Le 17 mars 2015, le journaliste Hicham Exemple a été arrêté. Son procès a été fixé au 26 mars "
        "2015 devant le tribunal.",
        "trial",
    ),
    (
        "a hearing to come in Russian",
        "14 июня 2019 года журналиста Абдул Примеров задержали. Следующего заседания, которое "
        "состоится 14 августа, он будет ждать в СИЗО.",
        "hearing",
    ),
    (
        "Russian: 'tried' is not torture",
        "5 мая 2024 года журналист Иван Примеров пытался пройти в здание суда.",
        "physical_attack",
    ),
    (
        "Russian: premises are not a placement in custody",
        "5 мая 2024 года в помещении суда собрались друзья журналиста Ивана Примерова.",
        "detention",
    ),
    (
        "Russian: calling a detention unlawful is no smear",
        "5 мая 2024 года адвокат назвал задержание журналиста Ивана Примерова незаконным.",
        "smear_campaign",
    ),
    (
        "Spanish: 'a renglón seguido' is 'next', no surveillance",
        "El 3 de mayo de 2022, la defensora Luz Ejemplo habló de los ríos y a renglón seguido "
        "de los bosques.",
        "surveillance",
    ),
    (
        "Spanish: 'seguido de' is 'followed by' in a list",
        "El 3 de mayo de 2022 hubo un foro, seguido de una marcha por la defensora Luz Ejemplo.",
        "surveillance",
    ),
    (
        "French inclusive writing names people: disparu(e)s",
        "Le 25 avril 2021, le tribunal a relaxé Me Paul Exemple, avocat du Collectif des familles de "
        "disparu(e)s.",
        "enforced_disappearance",
    ),
    (
        "French inclusive writing names people: détenu·e·s",
        "Le 3 mai 2021, la militante Awa Exemple a rendu visite aux détenu·e·s de la prison centrale.",
        "detention",
    ),
    (
        "French: a hearing planned is not a hearing held",
        "Il était prévu une audience le 29 décembre 2022 pour le journaliste Paul Exemple.",
        "hearing",
    ),
    (
        "Spanish: a hearing set for a day is not a hearing held",
        "La audiencia prevista para el 3 de mayo de 2023 contra el defensor Juan Ejemplo.",
        "hearing",
    ),
    (
        "a trial scheduled for a day is not a trial held",
        "The trial of journalist Sam Example, scheduled for 3 May 2023, drew observers.",
        "trial",
    ),
    (
        "having reported something is not a charge",
        "En 2023, el defensor Juan Ejemplo había denunciado la existencia de un corredor del narcotráfico.",
        "charge",
    ),
]


@pytest.mark.parametrize(
    ("text", "kind"), [case[1:] for case in NOT_EVENTS], ids=[case[0] for case in NOT_EVENTS]
)
def test_words_that_only_look_like_triggers(text: str, kind: str) -> None:
    assert kind not in {e.type for e in extract_text(text).events}


@pytest.mark.parametrize(
    "text",
    [
        "On 9 November 2024, families marked four months since the abduction of activists Ana Example "
        "and Ben Example.",
        "Ce samedi 9 novembre 2024 marque le quatrième mois depuis l'enlèvement de Paul Exemple.",
        "El 9 de noviembre de 2024 se cumplieron cuatro meses desde el secuestro de Juan Ejemplo.",
    ],
)
def test_the_act_a_time_is_counted_since_is_not_dated_by_that_time(text: str) -> None:
    found = dated_events(text)
    assert ("2024-11-09", "abduction") not in found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the date after the court's reason is the day of what was judged
        (
            "2020-12-02\n\nActivists Jon Example and Mia Example have been sentenced to jail for their "
            "role in the protests in 2019.",
            ("2019", "sentence"),
        ),
        (
            "Le blogueur Karim Exemple a été condamné pour un message publié en mars 2020.",
            ("2020-03", "conviction"),
        ),
        # the day of the rallies told in the paragraph before is not the day they were judged
        (
            "The activists were tried over two rallies held on 18 and 31 August 2019.\n\n"
            "Jon Example and Mia Example were each sentenced to ten months in jail for their roles.",
            ("2019-08-18", "sentence"),
        ),
        # a date in an aside between dashes or in brackets is the aside's
        (
            "The unionist Mia Example – who had led the strike of 4 May 2018 – was sentenced to a year.",
            ("2018-05-04", "sentence"),
        ),
        (
            "Lawyer Ivan Example was detained (the first such case since 2013) in the capital.",
            ("2013", "arrest"),
        ),
    ],
)
def test_a_date_told_for_something_else_does_not_date_the_court_step(
    text: str, wrong: tuple[str, str]
) -> None:
    found = dated_events(text)
    assert wrong not in found


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        # a date in a clause about something else does not carry into the next paragraph
        (
            "Суд вынес приговор по делу о беспорядках, которые произошли 1 июля 2022 года.\n\n"
            "Активист Иван Примеров приговорен к 10 годам лишения свободы.",
            None,
        ),
        (
            "Journalists covered the riots, which took place on 1 July 2022 in the capital.\n\n"
            "Activist Ivan Example was arrested at his home.",
            None,
        ),
        # ... but a date in the paragraph's own clause, or a trigger's relative clause, does
        (
            "Journalists covered the riots in the capital on 1 July 2022.\n\n"
            "Activist Ivan Example was arrested at his home.",
            ("2022-07-01", "arrest"),
        ),
        (
            "Activist Ana Example took part in the protests that on 3 May 2018 filled the capital.\n\n"
            "Police arrested her at her home.",
            ("2018-05-03", "arrest"),
        ),
    ],
)
def test_what_the_next_paragraph_takes_from_a_date_told_before(
    text: str, carried: tuple[str, str] | None
) -> None:
    found = dated_events(text)
    court_or_arrest = {key for key in found if key[1] in ("sentence", "arrest")}
    assert court_or_arrest == ({carried} if carried else set())


def test_news_of_a_sentence_for_last_years_protests_is_the_items_day() -> None:
    found = dated_events(
        "2020-12-02\n\nActivists Jon Example and Mia Example have been sentenced to jail for their "
        "role in the protests last year."
    )
    assert ("2020-12-02", "sentence") in found and ("2019", "sentence") not in found


@pytest.mark.parametrize(
    ("text", "release"),
    [
        (
            "On 3 May 2021, police arrested the journalist Ana Example in the capital. She was released "
            "on bail after spending 40 days in jail.",
            None,
        ),
        (
            "Le 3 mai 2021, la police a arrêté la journaliste Awa Exemple. Elle a été libérée après "
            "trois mois de détention.",
            None,
        ),
        (
            "On 3 May 2021, police arrested the journalist Ana Example in the capital. She was released "
            "after questioning.",
            "2021-05-03",
        ),
    ],
)
def test_a_release_days_after_the_arrest_does_not_take_the_arrests_day(
    text: str, release: str | None
) -> None:
    released = {date for date, kind in dated_events(text) if kind == "release" and date}
    assert released == ({release} if release else set())


def test_a_second_since_date_listed_for_another_person_is_the_same_happening() -> None:
    text = (
        "Union leaders Tom Example and Ben Example have been kept in detention since 3 March 2021 "
        "and the third, Sam Example, since 9 April 2021."
    )
    found = dated_events(text)
    assert {("2021-03-03", "detention"), ("2021-04-09", "detention")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested the journalist Ana Example (on 5 May 2020) at her home.",
        "Police arrested the journalist Ana Example – on 5 May 2020 – at her home.",
        "The journalist Ana Example was arrested at her home (5 May 2020).",
    ],
)
def test_a_date_that_opens_an_aside_dates_the_sentence(text: str) -> None:
    assert ("2020-05-05", "arrest") in dated_events(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ana Example has been held in detention since her arrest on 5 May 2020.", ("2020-05-05", "arrest")),
        (
            "Awa Exemple est en détention depuis son arrestation le 5 mai 2020.",
            ("2020-05-05", "detention"),  # the arrest and the custody it opened, merged
        ),
        (
            "Ana Example was sentenced to two years in prison for spreading false news on 3 June 2021.",
            ("2021-06-03", "sentence"),
        ),
        (
            "A court in Villebourg sentenced the journalist Ana Example to eight years for treason on "
            "Friday 4 June 2021.",
            ("2021-06-04", "sentence"),
        ),
    ],
)
def test_a_day_after_since_or_a_reason_is_still_the_triggers(text: str, event: tuple[str, str]) -> None:
    assert event in dated_events(text)


def test_a_hearing_called_scheduled_may_have_been_held() -> None:
    text = "At the scheduled hearing on 3 May 2023, the judge extended the detention of Ana Example."
    assert ("2023-05-03", "hearing") in dated_events(text)


def test_a_datelines_bracketed_day_is_the_statements_not_a_threats() -> None:
    text = (
        "VILLEBOURG (10 April 2025) – Experts today condemned the attack on the journalist Ana "
        "Example, who has received death threats since the attack."
    )
    assert ("2025-04-10", "threat") not in dated_events(text)


def test_a_court_step_keeps_its_own_date_before_the_reason_and_the_day_of_an_arrest() -> None:
    text = (
        "On 3 May 2021, police arrested the journalist Ana Example.\n\n"
        "She was charged with spreading false news.\n\n"
        "On 9 June 2021 a court sentenced her to two years for a report on the protests of 2019."
    )
    found = dated_events(text)
    assert {("2021-05-03", "charge"), ("2021-06-09", "sentence")} <= found
    assert ("2019", "sentence") not in found


def test_a_year_refined_by_the_months_listed_after_it_is_not_an_event_of_its_own() -> None:
    text = (
        "2021-05-01\n\nFive more arrests in the case were made in 2020 – of Anand Example in Goa, in "
        "April, and Stan Example in Ranchi in October."
    )
    found = dated_events(text)
    assert found == {("2020-04", "arrest"), ("2020-10", "arrest")}


def test_a_relative_date_after_and_opens_another_happening() -> None:
    text = (
        "El 8 de febrero de 2025 fue asesinado el guardia indígena Aldo Ejemplo, y dos días después "
        "hombres armados dispararon contra su hermano."
    )
    found = dated_events(text)
    assert ("2025-02-10", "killing") not in found


def test_since_a_date_a_state_began_a_court_day_is_another() -> None:
    text = (
        "Les journalistes Omar Exemple et Karim Exemple, en prison depuis 2021, ont été condamnés en "
        "appel en mars 2022 à six ans de prison."
    )
    found = dated_events(text)
    assert ("2021", "conviction") not in found
    assert ("2022-03", "conviction") in found or ("2022-03", "sentence") in found


def test_a_date_in_a_clause_about_something_else_does_not_date_the_trigger() -> None:
    text = (
        "Defenders Adil Example and Nasir Example were charged for a report on killings committed "
        "on 5 and 6 May 2013."
    )
    assert all(e.date is None or e.date.iso() != "2013-05-05" for e in extract_text(text).events)


def test_since_opens_the_dates_own_phrase_not_another_clause() -> None:
    text = "Brussels, 9 May 2005\n\nUnion leader Tesfay Example has been held in detention since 9 April."
    found = dated_events(text)
    assert ("2005-04-09", "detention") in found


def test_a_charge_told_two_sentences_later_does_not_take_the_arrests_day() -> None:
    text = (
        "On 10 August 2013, police arrested defender Adil Example in Dhaka. He was held overnight "
        "at the station. Later, he and a colleague were charged under the ICT Act."
    )
    found = dated_events(text)
    assert ("2013-08-10", "arrest") in found
    assert ("2013-08-10", "charge") not in found


def test_a_nights_story_keeps_its_day_sentence_after_sentence() -> None:
    text = (
        "On 20 April 2012, a car stopped beside defender Nohemí Example in Tegucigalpa. The driver "
        "shouted at her for a while. He then threatened Nohemí Example and threw a piece of wood "
        "that hit her leg."
    )
    found = dated_events(text)
    assert ("2012-04-20", "threat") in found


def test_the_day_of_the_attack_is_the_day_told_before() -> None:
    text = (
        "In October 2024, men attacked the office of activist Zhanar Example in Almaty. The police "
        "did not come. On the day of the attack, a deputy sent a request to the prosecutor to ban "
        "her group."
    )
    found = dated_events(text)
    assert ("2024-10", "other") in found
