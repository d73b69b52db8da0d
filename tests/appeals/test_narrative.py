"""The narrative says what the facts say, no more: subjects, penalties, hedges, repeats, dates."""

from __future__ import annotations

import datetime as dt

from vigil.appeals.compose import compose
from vigil.appeals.facts import CaseFacts, DefenderFacts, EventFacts, FollowUpFacts, OrganisationFacts

AMINA = DefenderFacts(
    "Amina Example", "female", ("human rights defender",), (("Kisima Collective", "founder", ""),)
)
DAY = dt.date(2025, 3, 3)


def appeal(
    *events: EventFacts, followups: tuple[FollowUpFacts, ...] = (), language: str = "en", today: dt.date = DAY
):
    facts = CaseFacts(
        case_id=1, country="KE", defenders=[AMINA], events=list(events), followups=list(followups)
    )
    return compose(facts, language=language, organisation="Beacon", published=today)


def event(kind: str, date: dt.date, **fields: object) -> EventFacts:
    fields.setdefault("victims", ("Amina Example",))
    return EventFacts(date=date, precision=str(fields.pop("precision", "day")), type=kind, **fields)  # type: ignore[arg-type]


def text_of(result: object) -> str:
    return " ".join(t for t in result.texts() if t).replace("\u00a0", " ")  # type: ignore[attr-defined]


def test_an_event_that_happened_to_an_organisation_is_told_of_the_organisation() -> None:
    kisima = (OrganisationFacts("Kisima Collective"),)
    attack = event(
        "physical_attack", dt.date(2025, 2, 1), victims=(), organisations=kisima, agent="unidentified men"
    )
    text = text_of(appeal(event("arrest", dt.date(2025, 3, 1)), attack))
    assert "Kisima Collective was attacked by unidentified men" in text
    assert "Amina Example was attacked" not in text


def test_a_prison_sentence_is_a_sentence_not_a_detention() -> None:
    result = appeal(event("sentence", dt.date(2025, 3, 1), duration="5 years", penalty="imprisonment"))
    assert result.headline.replace("\u00a0", " ").endswith("sentenced to 5 years in prison")
    assert "was sentenced to 5 years of imprisonment" in text_of(result)
    assert "detained" not in text_of(result)


def test_the_arrest_that_led_to_a_sentence_is_part_of_the_story() -> None:
    result = appeal(
        event("arrest", dt.date(2023, 11, 21), place="Nairobi"),
        event("physical_attack", dt.date(2022, 5, 2)),
        event("sentence", dt.date(2025, 3, 1), duration="2 years"),
    )
    assert any("21 November 2023" in s for s in result.narrative)
    assert [s for s in result.context if "2 May 2022" in s]
    assert not any("2023" in s for s in result.context)


def test_an_unknown_event_type_gets_a_neutral_sentence_that_adds_nothing() -> None:
    for language, invented in (("en", "attacked"), ("es", "atacada"), ("fr", "agressée"), ("ru", "нападени")):
        result = appeal(
            event("arrest", dt.date(2025, 3, 1)), event("other", dt.date(2025, 2, 20)), language=language
        )
        assert invented not in " ".join(result.narrative), language
    english = appeal(
        event("arrest", dt.date(2025, 3, 1)), event("other", dt.date(2025, 2, 20), agent="a deputy")
    )
    assert "the subject of a further incident involving a deputy" in " ".join(english.narrative)


def test_hedges_are_kept_in_grammatical_form() -> None:
    attack = event(
        "physical_attack", dt.date(2025, 3, 1), agent="reportedly private security guards of Palmas S.A."
    )
    text = text_of(appeal(attack))
    assert "was attacked, reportedly by private security guards of Palmas S.A." in text
    assert "by reportedly" not in text and "S.A.." not in text


def test_the_same_event_on_several_dates_is_one_sentence() -> None:
    fines = [
        event("fine", dt.date(2025, 2, d), agent="the court", conduct="leading an association")
        for d in (19, 21)
    ]
    result = appeal(event("arrest", dt.date(2025, 3, 1)), *fines)
    told = [s for s in result.narrative if "fined" in s]
    assert told == [
        "On 19 and 21 February 2025, Amina Example was fined by the court for leading an association."
    ]


def test_the_expected_release_is_stated_and_a_passed_one_makes_the_draft_stale() -> None:
    arrest = event("sentence", dt.date(2025, 3, 1), duration="10 days", penalty="administrative_arrest",
                   detention_place="the Central Holding Facility")  # fmt: skip
    release = (FollowUpFacts("expected_release", dt.date(2025, 3, 11)),)
    fresh = appeal(arrest, followups=release)
    assert "She is held in the Central Holding Facility." in text_of(fresh)
    assert "She is expected to be released on 11 March 2025." in fresh.summary
    assert fresh.stale == []
    late = appeal(arrest, followups=release, today=dt.date(2025, 6, 30))
    assert "She was due to be released on 11 March 2025." in late.summary
    assert "the expected release on 11 March 2025 has passed" in late.stale[0]
    assert "no event recorded since 1 March 2025" in late.stale[0]


def test_nothing_reads_as_a_template_seam() -> None:
    result = appeal(event("arrest", dt.date(2025, 3, 1)), event("charge", dt.date(2025, 3, 1)))
    text = text_of(result)
    for seam in ("None", "{", "}", " ,", "..", "  ", "a environmental"):
        assert seam not in text, seam
    assert "was arrested and charged" in text


def test_defenders_with_the_same_roles_are_introduced_in_one_sentence() -> None:
    roles = ("land rights defender", "community leader")
    ties = (("Valley Council", "member", ""),)
    pair = [
        DefenderFacts("Rosa Example", "female", roles, ties),
        DefenderFacts("Lena Example", "female", roles, ties),
    ]
    facts = CaseFacts(case_id=1, country="HN", defenders=pair, events=[])
    expected = {
        "en": "Rosa Example and Lena Example are land rights defenders, community leaders and members of "
        "Valley Council.",
        "fr": "Rosa Example et Lena Example sont défenseures du droit à la terre, responsables "
        "communautaires et membres de Valley Council.",
        "es": "Rosa Example y Lena Example son defensoras del derecho a la tierra, lideresas comunitarias e "
        "integrantes de Valley Council.",
    }
    for language, sentence in expected.items():
        background = compose(facts, language=language, organisation="B", published=DAY).background
        assert background == [sentence], language
