"""Regression tests: each guards a miss found on the development corpus, written as a new text."""

from __future__ import annotations

from vigil_extract import extract_text

HEAD = "12 June 2025\n\nRuritania: defenders at risk\n\n"


def events_of(body: str, demands: str = "") -> set[tuple[str, str]]:
    text = HEAD + body + (f"\n\nWe urge the authorities to:\n\n1. Release {demands};\n" if demands else "")
    return {(e.date.iso() if e.date else "", e.type) for e in extract_text(text).events}


def test_a_phone_in_a_narrative_sentence_is_not_a_contact_line() -> None:
    found = events_of("On 10 May 2025, officers searched her home and seized her mobile phone and laptop.")
    assert ("2025-05-10", "raid") in found


def test_a_verdict_with_the_name_inside_the_phrase() -> None:
    found = events_of(
        "On 6 May 2025, the tribunal found Ms. Lea Example guilty of defamation.", "Lea Example"
    )
    assert ("2025-05-06", "conviction") in found


def test_a_date_right_after_the_trigger_beats_an_earlier_one() -> None:
    body = "In 2016, he was sentenced to three years; he was released in March 2019 under a pardon."
    found = events_of(body)
    assert ("2019-03", "release") in found and ("2016", "release") not in found


def test_a_side_clause_and_a_wish_are_not_events() -> None:
    body = (
        "On 11 May 2025, while the defenders were held at the station, an officer slapped Tom Example. "
        "They must be released immediately."
    )
    found = events_of(body, "Tom Example")
    assert ("2025-05-11", "physical_attack") in found
    assert not any(kind in ("detention", "release") for _, kind in found)


def test_what_is_only_condemned_is_not_an_event() -> None:
    body = "GENEVA (10 April 2025) – UN experts today condemned the killing of journalist Ana Example."
    assert ("2025-04-10", "killing") not in events_of(body, "Ana Example")


def test_a_killing_of_someone_else_named_in_passing_is_not_the_defenders_event() -> None:
    body = (
        "On 13 May 2024, woman human rights defender Ana Example took part in a peaceful protest against "
        "the violent killing of Maria Other by her husband."
    )
    found = events_of(body, "Ana Example")
    assert ("2024-05-13", "protest") in found and ("2024-05-13", "killing") not in found


def test_everyone_listed_with_a_defender_is_a_defender() -> None:
    body = (
        "I am concerned about the detention of Tatu Example, Rudo Example, Farai Other and Nyasha Sample. "
        "They were arrested on 14 July 2024."
    )
    text = HEAD + body + "\n\nWe urge the authorities to:\n\n1. Release Tatu Example;\n"
    assert [d.name for d in extract_text(text).defenders] == [
        "Tatu Example",
        "Rudo Example",
        "Farai Other",
        "Nyasha Sample",
    ]


def test_declared_pronouns_give_gender() -> None:
    body = (
        "On 2 May 2025, police arrested activist Rudo Example.\n\nNAMES AND PRONOUNS: Rudo Example (she/her)"
    )
    text = HEAD + body + "\n\nWe urge the authorities to:\n\n1. Release Rudo Example;\n"
    assert [(d.name, d.gender) for d in extract_text(text).defenders] == [("Rudo Example", "female")]


def test_a_name_after_an_institution_word_is_not_a_person() -> None:
    body = "On 2 May 2025, police raided Radio Sol Naciente and arrested journalist Juan Example."
    text = (
        HEAD + body + "\n\nWe urge the authorities to:\n\n1. Protect Juan Example and Radio Sol Naciente;\n"
    )
    assert [d.name for d in extract_text(text).defenders] == ["Juan Example"]


def test_a_place_named_like_a_saint_is_not_a_person() -> None:
    body = (
        "On 2 May 2025, gunmen fired shots at the house of land defender Dora Example "
        "in Santa Rita do Campo. She was not hurt."
    )
    text = (
        HEAD + body + "\n\nWe urge the authorities to:\n\n1. Protect Dora Example and Santa Rita do Campo;\n"
    )
    assert [d.name for d in extract_text(text).defenders] == ["Dora Example"]


def test_html_page_headline_and_date_come_before_the_article() -> None:
    from vigil_extract.read.html import read_html

    page = (
        "<html><head><title>Ruritania: journalist detained</title>"
        '<meta property="article:published_time" content="2025-05-14"></head><body>'
        "<article><p>On 10 May 2025, police arrested journalist Ana Example in the capital and took "
        "her to a police station, where she was questioned for six hours about her sources.</p>"
        "<p>She has been held since then without charge, and her lawyer has not been allowed to see her.</p>"
        "</article></body></html>"
    )
    text, title = read_html(page)
    assert title == "Ruritania: journalist detained"
    assert text.startswith("2025-05-14\n\nRuritania: journalist detained\n\n")


def test_custody_with_the_people_named_inside_the_phrase() -> None:
    found = events_of(
        "On 22 October 2024, police raided the homes of the lawyers and took them into custody."
    )
    assert ("2024-10-22", "arrest") in found and ("2024-10-22", "raid") in found


def test_a_present_perfect_summary_does_not_inherit_the_paragraphs_date() -> None:
    body = (
        "On 17 January 2025, two men fired shots at the house of land defender Dora Example. "
        "Since then her house has been watched by a drone at night."
    )
    assert ("2025-01-17", "surveillance") not in events_of(body, "Dora Example")


def test_concern_about_a_list_of_acts_is_not_an_event() -> None:
    body = (
        "GENEVA (2 June 2025) – UN experts today expressed serious concern about a campaign of fines, "
        "surveillance and violence against defender Lia Example."
    )
    assert ("2025-06-02", "surveillance") not in events_of(body, "Lia Example")


def test_someone_describing_detentions_is_not_a_smear() -> None:
    body = (
        "On 25 October 2024, the court remanded lawyer Ana Example in custody. The bar president "
        'described the detentions as "an attack on the right to defence".'
    )
    assert ("2024-10-25", "smear_campaign") not in events_of(body, "Ana Example")


NEWS = (
    "Activist detained after criticising mining deal\n\nBy Staff Reporter | 12 September 2025\n\n"
    "HARARE — Police on Wednesday arrested environmental activist Tendai Example at his home, "
    "his lawyer said.\n\n"
    "Example, who leads the Green Valley Trust, was taken to Central Police Station and charged "
    'with "inciting public violence".\n\n'
    '"This is a blatant attempt to silence him," his lawyer told reporters.\n\n'
    "Police confirmed the arrest.\n"
)


def test_news_style_lead_date_carries_into_the_next_short_paragraph() -> None:
    doc = extract_text(NEWS)
    found = {(e.date.iso() if e.date else "", e.type) for e in doc.events}
    assert ("2025-09-10", "arrest") in found and ("2025-09-10", "charge") in found
    assert [(d.name, d.gender) for d in doc.defenders] == [("Tendai Example", "male")]
    assert doc.defenders[0].organisations == ["the Green Valley Trust"]


def test_spanish_statement_agents_roles_and_law() -> None:
    text = (
        "Tegucigalpa, 4 de agosto de 2025\n\n"
        "Honduras: detención arbitraria de la defensora ambiental Marta Ejemplo\n\n"
        "El 1 de agosto de 2025, agentes de la Policía Nacional detuvieron a la defensora ambiental "
        "Marta Ejemplo en la comunidad de San Juan. Al día siguiente, la Fiscalía presentó cargos en su "
        'contra por "usurpación" en virtud del artículo 378 del Código Penal. El 3 de agosto de 2025, '
        "un juez de Tela ordenó su prisión preventiva.\n\nExigimos:\n\n"
        "1. La liberación inmediata de Marta Ejemplo.\n"
    )
    doc = extract_text(text)
    assert doc.language == "es" and doc.country == "HN"
    assert [(d.name, d.gender, d.roles[:1]) for d in doc.defenders] == [
        ("Marta Ejemplo", "female", ["defensora ambiental"])
    ]
    agents = {(e.date.iso() if e.date else "", e.type): e.perpetrator for e in doc.events}
    assert agents[("2025-08-01", "arrest")] == "agentes de la Policía Nacional"
    assert agents[("2025-08-02", "charge")] == "la Fiscalía"
    assert agents[("2025-08-03", "detention")] == "un juez de Tela"
    laws = [e.legal_basis for e in doc.events if e.legal_basis]
    assert laws == ["artículo 378 del Código Penal"]


def test_urging_the_authorities_opens_a_list_of_demands() -> None:
    text = (
        "URGENT ACTION\n\nLAWYER DETAINED FOR DEFENDING PROTESTERS\n\n"
        "Human rights lawyer Pavel Exemplar was arrested on 27 June 2025 in Minsk.\n\n"
        "Please write immediately in English or your own language, urging the authorities to:\n"
        "- Release Pavel Exemplar immediately and unconditionally;\n"
        "- Stop harassing lawyers for their professional activities.\n"
    )
    doc = extract_text(text)
    assert [d.text for d in doc.demands] == [
        "Release Pavel Exemplar immediately and unconditionally",
        "Stop harassing lawyers for their professional activities",
    ]
    assert doc.country == "BY"


def test_the_date_of_a_statement_is_not_the_date_of_what_it_reports() -> None:
    text = (
        "Mexico: UN experts condemn killing of journalist\n\n"
        "GENEVA (10 April 2025) – UN experts today condemned the killing of journalist Eusebio Ejemplo "
        "and urged Mexico to protect his niece Aurelia Ejemplo, who has received death threats since the "
        "attack.\n\nOn 3 April 2025, armed men killed Eusebio Ejemplo at his home.\n\n"
        "The experts urged the authorities to protect Aurelia Ejemplo.\n"
    )
    doc = extract_text(text)
    assert doc.published is not None and doc.published.iso() == "2025-04-10"
    dated = {(e.date.iso() if e.date else "", e.type) for e in doc.events}
    assert dated == {("2025-04-03", "killing")}


def test_russian_statement_dateline_country_agent_and_duration() -> None:
    text = (
        "12 мая 2025 г.\n\nБеларусь: задержан правозащитник Андрей Примеров\n\n"
        "9 мая 2025 г. сотрудники ГУБОПиК задержали правозащитника Андрея Примерова в Минске. "
        "На следующий день суд Советского района Минска приговорил его к 15 суткам административного "
        "ареста по ст. 19.11 КоАП.\n\nМы призываем власти Беларуси:\n\n"
        "1. Немедленно освободить Андрея Примерова;\n"
    )
    doc = extract_text(text)
    assert doc.published is not None and doc.published.iso() == "2025-05-12"
    assert doc.country == "BY"  # not India's Ballari ("Белари"), whose stem starts "Беларусь"
    assert [(d.name, d.gender) for d in doc.defenders] == [("Андрей Примеров", "male")]
    events = {(e.date.iso() if e.date else "", e.type): e for e in doc.events}
    assert events[("2025-05-09", "arrest")].perpetrator == "сотрудники ГУБОПиК"
    sentence = events[("2025-05-10", "sentence")]
    assert sentence.duration == "15 суткам" and sentence.legal_basis == "ст. 19.11 КоАП"


def test_french_statement_relative_weekday_agents_and_demands() -> None:
    text = (
        "Lomé, le jeudi 20 mars 2025\n\nTogo : la militante Afi Exemple arrêtée mardi dernier\n\n"
        "Mardi dernier, des gendarmes ont interpellé la militante Afi Exemple. Le lendemain, elle a été "
        "présentée à un juge d'instruction qui l'a inculpée de « trouble aggravé à l'ordre public ».\n\n"
        "Nous exigeons :\n- la libération immédiate d'Afi Exemple ;\n"
        "- l'abandon des poursuites à son encontre.\n"
    )
    doc = extract_text(text)
    events = {(e.date.iso() if e.date else "", e.type): e.perpetrator for e in doc.events}
    assert events[("2025-03-18", "arrest")] == "des gendarmes"
    assert events[("2025-03-19", "charge")] == "un juge"
    assert len(doc.demands) == 2 and doc.defenders[0].gender == "female"


def test_the_day_after_returns_to_the_storys_latest_day_after_a_flashback() -> None:
    text = (
        "Nairobi, Friday 21 March 2025\n\nKenya: paralegal missing\n\n"
        "Last Tuesday, four men took paralegal Mercy Example from a bus stop.\n\n"
        "In July 2024, Mercy Example was also arrested while giving first aid.\n\n"
        "On the day after Mercy Example was taken, our coordinator Kevin Example was arrested "
        "at the station.\n"
    )
    dated = {(e.date.iso() if e.date else "", e.type) for e in extract_text(text).events}
    assert ("2025-03-19", "arrest") in dated and ("2024-07", "arrest") in dated


def test_a_relative_sharing_the_defenders_surname_is_not_named_by_her_name() -> None:
    text = (
        "2 March 2025\n\nBrazil: land defender Dora Ferreira Example threatened\n\n"
        "On 17 January 2025, two men fired shots at the house of land defender Dora Ferreira Example. "
        "Her husband, Antonio Example, who led the association before her, was shot dead in 2019.\n\n"
        "We urge the authorities to:\n\n1. Protect Dora Ferreira Example;\n"
    )
    assert [d.name for d in extract_text(text).defenders] == ["Dora Ferreira Example"]
