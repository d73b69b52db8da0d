"""Demands in four languages and in the shapes news items report them (fictional texts)."""

from __future__ import annotations

import pytest

from vigil_extract import extract_text

CASES = [
    (
        "encourages X to",
        "The group encourages the Ministry of Justice to review the case of lawyer Ana Example.",
        "review the case of lawyer Ana Example",
    ),
    (
        "should immediately, with another verb",
        "The authorities should immediately disclose the whereabouts of blogger Minh Example.",
        "disclose the whereabouts of blogger Minh Example",
    ),
    (
        "must put an end to",
        "The government must put an end to the harassment of journalist Tom Example.",
        "put an end to the harassment of journalist Tom Example",
    ),
    (
        "is calling for",
        "Kilimo Watch is calling for the immediate release of land defender Joseph Example.",
        "the immediate release of land defender Joseph Example",
    ),
    (
        "appealed for",
        "The union appealed for the release of its leader Tesfay Example, held since 30 March.",
        "the release of its leader Tesfay Example, held since 30 March",
    ),
    (
        "demanded that",
        "Colleagues demanded that the authorities drop all charges against journalist Ana Example.",
        "the authorities drop all charges against journalist Ana Example",
    ),
    (
        "French: exige que",
        "L'Observatoire exige que les autorités libèrent le journaliste Paul Exemple sans délai.",
        "les autorités libèrent le journaliste Paul Exemple sans délai",
    ),
    (
        "Spanish: pidió que",
        "La organización pidió que el Estado garantice la vida de la defensora Rosa Ejemplo.",
        "el Estado garantice la vida de la defensora Rosa Ejemplo",
    ),
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
    (
        "Russian: a capitalised 'Призываем', the addressee skipped",
        "Призываем власти Беларуси немедленно и безоговорочно освободить Анну Примерову.",
        "немедленно и безоговорочно освободить Анну Примерову",
    ),
    (
        "Russian: 'требуем' and a verbal noun",
        "Мы требуем освобождения всех задержанных активистов.",
        "освобождения всех задержанных активистов",
    ),
    (
        "Russian: 'потребовала от властей'",
        "Организация потребовала от властей провести независимое расследование пыток.",
        "провести независимое расследование пыток",
    ),
    (
        "Russian: the authorities 'должны'",
        "Власти должны гарантировать ему доступ к адвокату.",
        "гарантировать ему доступ к адвокату",
    ),
    (
        "Russian: 'призывают к освобождению'",
        "Правозащитники призывают к немедленному освобождению журналистки.",
        "к немедленному освобождению журналистки",
    ),
    (
        "French: demande au pays de",
        "L'Observatoire demande par ailleurs au Royaume de Ruritanie de respecter ses engagements.",
        "respecter ses engagements",
    ),
    (
        "French: the authorities 'doivent'",
        "Les autorités ruritaniennes doivent réformer la loi sur la presse.",
        "réformer la loi sur la presse",
    ),
    (
        "French: a quotation before the demand",
        "Les associations exigent « la libération immédiate des militants ».",
        "« la libération immédiate des militants »",
    ),
    (
        "Spanish: the State 'debe', quoted",
        "Según el informe, el Estado “debe revisar urgentemente” su apoyo a la policía.",
        "revisar urgentemente” su apoyo a la policía",
    ),
    (
        "English: a capitalised 'Call on'",
        "Call on the Minister of Justice to drop all charges against Ann Example.",
        "drop all charges against Ann Example",
    ),
    (
        "English: 'urging' in a news item",
        "Dozens rallied on Monday, urging the governor to free the detained teachers.",
        "free the detained teachers",
    ),
]

CLAUSES = [
    (
        "Russian: infinitives joined by 'и'",
        "Эксперты призвали власти прекратить преследование правозащитников и отменить приговор.",
        ["прекратить преследование правозащитников", "отменить приговор"],
    ),
    (
        "Spanish: subjunctives joined by 'y'",
        "La Comisión exigió al Estado que informe sobre el paradero de Ana Ejemplo y garantice su "
        "integridad personal.",
        ["informe sobre el paradero de Ana Ejemplo", "garantice su integridad personal"],
    ),
    (
        "Spanish: 'así como' and a second cue",
        "La ONG pidió la liberación inmediata de la defensora, así como el respeto de su defensa legal, "
        "y ha pedido al Estado que permita la visita de los relatores.",
        [
            "la liberación inmediata de la defensora",
            "el respeto de su defensa legal",
            "permita la visita de los relatores",
        ],
    ),
    (
        "French: 'et de' before an infinitive",
        "L'organisation exhorte les autorités à libérer M. Paul Exemple et de mettre fin au harcèlement "
        "des journalistes.",
        ["libérer M. Paul Exemple", "mettre fin au harcèlement des journalistes"],
    ),
]


@pytest.mark.parametrize(("text", "demands"), [c[1:] for c in CLAUSES], ids=[c[0] for c in CLAUSES])
def test_a_demand_of_several_clauses_is_one_demand_per_clause(text: str, demands: list[str]) -> None:
    assert [d.text for d in extract_text(text).demands] == demands


@pytest.mark.parametrize(
    "text",
    [
        "Его обвинили в публичных призывах к экстремистской деятельности.",
        "По решению суда она должна выплатить штраф в 20 тысяч рублей.",
        "Адвокат просила судью отправить его под домашний арест.",
        "Il doit comparaître devant le juge le 3 mai.",
    ],
)
def test_charges_fines_and_a_lawyers_request_in_court_are_not_demands(text: str) -> None:
    assert extract_text(text).demands == []


@pytest.mark.parametrize(("text", "demand"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_demands_in_four_languages(text: str, demand: str) -> None:
    assert demand in [d.text for d in extract_text(text).demands]


def test_two_demands_in_one_sentence_are_two() -> None:
    text = "We demand all the charges are dropped and call for the immediate release of Lina Example."
    assert [d.text for d in extract_text(text).demands] == [
        "all the charges are dropped",
        "the immediate release of Lina Example",
    ]
