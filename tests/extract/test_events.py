"""Events in the shapes real news and appeals use: relative dates of news, more trigger phrases.

Every text is fictional, written for these tests."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text

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
        ("2017-01", "detention"),
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
        "Spanish: taken from home",
        "El periodista Moisés Ejemplo fue sustraído de su domicilio el 25 de enero de 2015.",
        ("2015-01-25", "abduction"),
    ),
]


@pytest.mark.parametrize(("text", "event"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_events_in_real_shapes(text: str, event: tuple[str, str]) -> None:
    found = {(e.date.iso() if e.date else "", e.type) for e in extract_text(text).events}
    assert event in found


NOT_EVENTS = [
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
