"""The public version cannot leak: a canary in every kind of non-public fact, every section,
every format and every language — and the same canaries do reach the confidential version."""

from __future__ import annotations

import datetime as dt
import email
import io
from typing import Any

import pytest
from django.db import transaction

from vigil.appeals.choices import FORMATS, LANGUAGES
from vigil.appeals.models import OrganisationProfile
from vigil.appeals.registry import do_add_authority, do_set_profile
from vigil.appeals.render import render
from vigil.appeals.workflow import appeal_text, do_compose_draft, do_edit_demands, do_edit_section
from vigil.cases.actions.people import (
    add_alias,
    affiliate,
    find_or_create_organisation,
    find_or_create_person,
)
from vigil.cases.actions.records import (
    add_defenders,
    add_event,
    add_followup,
    add_intervention,
    do_create_case,
)
from vigil.cases.models import Case, Intervention, PersonRole, Source

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 2)
# One canary per kind of fact that must never reach the public version (no digits: Babel and
# typography must not be able to reformat them out of sight).
CANARIES = {
    "restricted event place": "Canaryplace Restrictedtown",
    "restricted event agent": "Canaryagent Restrictedforce",
    "confidential event law": "Canarylaw Confidentialcode",
    "confidential event conduct": "canaryconduct confidentialdeed",
    "confidential detention place": "Canaryprison Confidentialhold",
    "confidential defender": "Canaryperson Hiddenname",
    "confidential defender alias": "Канарейка Скрытая",
    "restricted organisation": "Canaryorg Restrictedgroup",
    "confidential perpetrator organisation": "Canaryperp Confidentialunit",
    "confidential victim organisation": "Canaryvictim Confidentialcollective",
    "restricted role": "canaryrole restrictedjob",
    "confidential tie": "Canarytie Publicgroup",
    "restricted source demand": "Canarydemand Restrictedsource",
    "restricted edited demand": "Canaryedit Restricteddemand",
    "restricted section override": "Canaryoverride Restrictedsection",
}
HIDDEN_DATES = [dt.date(2025, 5, 29), dt.date(2025, 7, 17)]  # a confidential event, a restricted release


def canary_case() -> Case:
    """A public case about a public defender, salted with non-public facts of every kind."""
    do_set_profile(acting_user=None, name="Beacon for Defenders", email="appeals@beacon.example.org")
    do_add_authority(acting_user=None, country="KE", title="Attorney General", email="ag@ke.example.org")
    with transaction.atomic():
        case = do_create_case(acting_user=None, title="Canary case", country="KE", confidentiality="public")
        public = find_or_create_person(
            acting_user=None,
            name="Amina Example",
            gender="female",
            roles=["human rights defender"],
            confidentiality="public",
        )
        hidden = find_or_create_person(
            acting_user=None,
            name=CANARIES["confidential defender"],
            gender="male",
            roles=[CANARIES["restricted role"]],
            confidentiality="confidential",
        )
        # parts of the public defender learnt from non-public sources
        add_alias(public, CANARIES["confidential defender alias"], acting_user=None, level="confidential")
        PersonRole.objects.create(
            person=public, role=CANARIES["restricted role"], confidentiality="restricted"
        )
        tied = find_or_create_organisation(
            acting_user=None, name=CANARIES["confidential tie"], confidentiality="public"
        )
        affiliate(
            acting_user=None, person=public, organisation=tied, role="member", confidentiality="confidential"
        )
        add_defenders(acting_user=None, case=case, people=[public, hidden])
        restricted_org = find_or_create_organisation(
            acting_user=None, name=CANARIES["restricted organisation"], confidentiality="restricted"
        )
        affiliate(
            acting_user=None,
            person=public,
            organisation=restricted_org,
            role="founder",
            confidentiality="public",
        )
        perpetrator = find_or_create_organisation(
            acting_user=None,
            name=CANARIES["confidential perpetrator organisation"],
            confidentiality="confidential",
        )
        victim_org = find_or_create_organisation(
            acting_user=None,
            name=CANARIES["confidential victim organisation"],
            confidentiality="confidential",
        )
        add_event(
            acting_user=None,
            case=case,
            victims=[public],
            type="arrest",
            date=dt.date(2025, 5, 20),
            place="Nairobi",
            perpetrator_text="police officers",
            confidentiality="public",
        )
        add_event(
            acting_user=None,
            case=case,
            victims=[public],
            type="threat",
            date=dt.date(2025, 5, 25),
            place=CANARIES["restricted event place"],
            perpetrator_text=CANARIES["restricted event agent"],
            confidentiality="restricted",
        )
        travel_ban = add_event(
            acting_user=None,
            case=case,
            victims=[public],
            type="travel_ban",
            date=HIDDEN_DATES[0],
            legal_basis=CANARIES["confidential event law"],
            conduct=CANARIES["confidential event conduct"],
            perpetrator=perpetrator,
            confidentiality="confidential",
        )
        travel_ban.victim_organisations.add(victim_org)
        add_event(
            acting_user=None,
            case=case,
            victims=[public, hidden],
            type="detention",
            date=dt.date(2025, 5, 21),
            detention_place=CANARIES["confidential detention place"],
            confidentiality="confidential",
        )
        add_followup(
            acting_user=None,
            case=case,
            kind="expected_release",
            due=HIDDEN_DATES[1],
            confidentiality="restricted",
        )
        source = Source.objects.create(
            title="internal memo", language="en", confidentiality="restricted", fingerprint="canary-memo"
        )
        add_intervention(
            acting_user=None,
            case=case,
            source=source,
            kind="appeal",
            language="en",
            confidentiality="restricted",
            demands=[
                (f"Investigate {CANARIES['restricted source demand']} at once", None),
                ("Investigate the threats against Amina Example", None),
            ],
        )
    return case


def salted_draft(case: Case) -> Intervention:
    draft = do_compose_draft(case, acting_user=None)
    do_edit_demands(
        draft,
        [f"Free Amina Example from {CANARIES['restricted edited demand']}"],
        acting_user=None,
        language="en",
    )
    do_edit_section(
        draft, "context", CANARIES["restricted section override"], acting_user=None, language="en"
    )
    return draft


def visible_text(data: bytes, fmt: str) -> str:
    """What a reader of the file sees (and what is hidden in it), whitespace-normalised."""
    if fmt == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        text += str(reader.metadata or "")
    elif fmt == "eml":
        from email import policy

        message = email.message_from_bytes(data, policy=policy.default)
        parts: list[Any] = [str(message["Subject"])]
        parts += [p.get_content() for p in message.walk() if p.get_content_maintype() == "text"]
        text = "\n".join(str(p) for p in parts)
    else:
        text = data.decode()
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def leaked(text: str, language: str) -> list[str]:
    from vigil.appeals.wording import long_date

    found = [kind for kind, canary in CANARIES.items() if canary.casefold() in text.casefold()]
    found += [d.isoformat() for d in HIDDEN_DATES if long_date(d, language).replace("\u00a0", " ") in text]
    lowered = text.casefold()
    found += [word for word in ("threat", "travel", "menace", "amenaza", "угроз", "выезд") if word in lowered]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_restricted_or_confidential_fact_reaches_the_public_version_in_any_format(language: str) -> None:
    case = canary_case()
    draft = salted_draft(case)
    profile = OrganisationProfile.current()
    public = appeal_text(draft, language, public=True, today=TODAY)
    sections = public.as_dict()
    assert leaked(" ".join(public.texts()), language) == [], sections
    for fmt in FORMATS:
        text = visible_text(render(public, profile, fmt=fmt, public=True), fmt)
        assert "Amina Example" in text, fmt
        assert leaked(text, language) == [], (fmt, language)


def test_the_same_canaries_reach_the_confidential_version() -> None:
    """Proof the canary test can fail: every kind is present when the level allows it."""
    case = canary_case()
    draft = salted_draft(case)
    profile = OrganisationProfile.current()
    from vigil.appeals.compose import compose
    from vigil.appeals.facts import EVERY_LEVEL, gather
    from vigil.appeals.workflow import edited_demands

    found: set[str] = set()
    facts = gather(case, levels=EVERY_LEVEL)
    for language in ("en", "ru"):
        every = compose(
            facts,
            language=language,
            organisation="Beacon",
            published=TODAY,
            demands=edited_demands(draft, EVERY_LEVEL),
        )
        text = visible_text(render(every, profile, fmt="txt", public=False), "txt")
        found |= set(leaked(text + CANARIES["restricted section override"], language))
    # the source demand and the composed demands are replaced by the editor's; they are checked below
    expected = set(CANARIES) - {"restricted source demand"}
    assert expected <= found, expected - found
    assert {d.isoformat() for d in HIDDEN_DATES} <= found
    fresh = compose(facts, language="en", organisation="Beacon", published=TODAY)
    assert CANARIES["restricted source demand"] in " ".join(fresh.demands)
    internal = appeal_text(draft, "en", public=False, today=TODAY)  # staff see restricted facts
    assert CANARIES["restricted section override"] in internal.context
    assert not leaked_confidential(" ".join(internal.texts()))


def leaked_confidential(text: str) -> list[str]:
    return [kind for kind, canary in CANARIES.items() if kind.startswith("confidential") and canary in text]


def test_public_demands_come_from_public_facts_not_from_the_draft() -> None:
    """The issue's leak: a restricted threat and a confidential travel ban must not be demanded."""
    case = canary_case()
    case.interventions.filter(source__isnull=False).delete()
    draft = do_compose_draft(case, acting_user=None)
    internal = " ".join(appeal_text(draft, "en", public=False, today=TODAY).demands)
    public = " ".join(appeal_text(draft, "en", public=True, today=TODAY).demands)
    assert "threats" in internal and "travel ban" not in internal  # staff drafts: restricted at most
    from vigil.appeals.compose import compose
    from vigil.appeals.facts import EVERY_LEVEL, gather

    every = compose(gather(case, levels=EVERY_LEVEL), language="en", organisation="B", published=TODAY)
    assert "travel ban" in " ".join(every.demands)
    assert "threats" not in public and "travel ban" not in public
    assert "release" in public


def test_an_edit_marked_public_reaches_the_public_version() -> None:
    case = canary_case()
    draft = do_compose_draft(case, acting_user=None)
    do_edit_section(
        draft, "position", "We stand with Amina Example.", acting_user=None, language="en", level="public"
    )
    do_edit_demands(draft, ["Release Amina Example now"], acting_user=None, language="en", level="public")
    public = appeal_text(draft, "en", public=True, today=TODAY)
    assert public.position == "We stand with Amina Example."
    assert public.demands == ["Release Amina Example now"]


def test_an_authority_added_after_the_draft_reaches_it() -> None:
    case = canary_case()
    draft = do_compose_draft(case, acting_user=None)
    assert [a["title"] for a in appeal_text(draft, "en", public=True, today=TODAY).addressees] == [
        "Attorney General"
    ]
    do_add_authority(
        acting_user=None, country="KE", title="Inspector General of Police", email="ig@ke.example.org"
    )
    titles = [a["title"] for a in appeal_text(draft, "en", public=True, today=TODAY).addressees]
    assert titles == ["Attorney General", "Inspector General of Police"]
