"""Demands in four languages and in the shapes news items report them (fictional texts)."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text

CASES = [
    (
        "news: called for the release",
        "Rights groups called for the release of translator Marwa Example, held since April 2020.",
        "the release of translator Marwa Example, held since April 2020",
    ),
    (
        "a closing 'must' sentence",
        "Blogger Koet Example was jailed on 2 May 2024. The two must be released immediately and "
        "unconditionally.",
        "The two must be released immediately and unconditionally",
    ),
    (
        "the authorities must",
        "Journalists were detained in March. The authorities must halt the persecution of reporters "
        "and ensure their protection.",
        "halt the persecution of reporters and ensure their protection",
    ),
    (
        "any subject must, with adverbs",
        "GENEVA - Ruritania must immediately and unconditionally release all women it has detained.",
        "release all women it has detained",
    ),
    (
        "asked ... to, then a quotation",
        'The coordinator asked the security agents to "stop criminalising human rights defenders".',
        'stop criminalising human rights defenders"',
    ),
    (
        "French: réclame la libération",
        "L'ONG réclame la libération immédiate de l'avocate Samia Exemple, détenue depuis mai.",
        "la libération immédiate de l'avocate Samia Exemple, détenue depuis mai",
    ),
    (
        "French: exhorte les autorités à",
        "L'organisation exhorte les autorités tunisiennes à relâcher immédiatement M. Karim Exemple.",
        "relâcher immédiatement M. Karim Exemple",
    ),
    (
        "Spanish: exigir su liberación",
        "Diez organizaciones se pronunciaron para rechazar la detención de la abogada Rocío Ejemplo y "
        "exigir su liberación.",
        "su liberación",
    ),
    (
        "Spanish: insta al Estado a que",
        "La Comisión exigió al Estado que informe sobre el paradero de la defensora Ana Ejemplo.",
        "informe sobre el paradero de la defensora Ana Ejemplo",
    ),
    (
        "Russian: призывает освободить",
        "Правозащитники призывают власти немедленно освободить журналиста Ивана Примерова.",
        "немедленно освободить журналиста Ивана Примерова",
    ),
]


@pytest.mark.parametrize(("text", "demand"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_demands_in_four_languages(text: str, demand: str) -> None:
    assert demand in [d.text for d in extract_text(text).demands]


def test_two_demands_in_one_sentence_are_two() -> None:
    text = "We demand all the charges are dropped and call for the immediate release of Lina Example."
    assert [d.text for d in extract_text(text).demands] == [
        "all the charges are dropped",
        "the immediate release of Lina Example",
    ]
