"""Appeals out: composition, every format and language, the public allow-list, the workflow."""

from __future__ import annotations

import datetime as dt
import email
from pathlib import Path

import pytest

from tests.factories import make_user
from vigil.appeals.choices import FORMATS, LANGUAGES
from vigil.appeals.compose import compose
from vigil.appeals.facts import gather
from vigil.appeals.models import OrganisationProfile
from vigil.appeals.registry import do_add_authority, do_set_profile
from vigil.appeals.render import render, render_pdf
from vigil.appeals.workflow import (
    WorkflowError,
    appeal_text,
    current_appeal,
    do_advance,
    do_compose_draft,
    do_edit_demands,
    do_new_version,
)
from vigil.cases.actions.guard import NotAllowed
from vigil.cases.models import Case, FollowUp
from vigil.cases.presenters import defender_timeline
from vigil.followups.due import due_list
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.store import do_ingest
from vigil_extract import extract_text

pytestmark = pytest.mark.django_db
CANARY = "CANARY-9c1e77-safe-house"


@pytest.fixture
def seed_case(seed_path: Path) -> Case:
    do_set_profile(
        acting_user=None,
        name="Beacon for Defenders",
        email="appeals@beacon.example.org",
        offices=[{"city": "Port Example", "label": "Main office", "address": ["1 Quay"]}],
    )
    do_add_authority(
        acting_user=None, country="KZ", title="Prosecutor General", email="prosecutor@kz.example.org"
    )
    extracted = read_for_intake(seed_path)
    assert isinstance(extracted, ExtractedFile)
    outcome = do_ingest(extracted, acting_user=None, confidentiality="public", accept=True)
    return Case.objects.get(pk=outcome.case_id)


def test_headline_follows_the_formula(seed_case: Case) -> None:
    appeal = compose(
        gather(seed_case, public=False), language="en", organisation="Beacon", published=dt.date(2025, 3, 3)
    )
    # as extracted, the ten days are not known to be administrative arrest: the headline says no more
    assert (
        appeal.headline
        == "Kazakhstan: Woman human rights defender Zhanar Sekerbayeva sentenced to 10\u00a0days"
    )
    assert appeal.dateline == "3 March 2025"
    seed_case.events.filter(type="sentence").update(penalty="administrative_arrest")
    corrected = compose(
        gather(seed_case, public=False), language="en", organisation="Beacon", published=dt.date(2025, 3, 3)
    )
    assert corrected.headline.endswith("Zhanar Sekerbayeva detained for 10\u00a0days")


def test_english_appeal_read_back_gives_the_same_facts(seed_case: Case) -> None:
    draft = do_compose_draft(seed_case, acting_user=None)
    text = render(
        appeal_text(draft, "en", public=True), OrganisationProfile.current(), fmt="txt", public=True
    )
    doc = extract_text(text.decode())
    assert [(d.name, d.gender) for d in doc.defenders] == [("Zhanar Sekerbayeva", "female")]
    assert doc.country == "KZ"
    assert any(e.date and e.date.iso() == "2025-02-28" for e in doc.events)
    assert len(doc.demands) == 4


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_and_language_renders(seed_case: Case, language: str, fmt: str) -> None:
    draft = current_appeal(seed_case) or do_compose_draft(seed_case, acting_user=None)
    data = render(
        appeal_text(draft, language, public=False), OrganisationProfile.current(), fmt=fmt, public=False
    )
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
        return
    if fmt == "eml":
        message = email.message_from_bytes(data)
        # The confidential version is never pre-addressed to the authorities (issue 10).
        assert message["To"] is None and message["Content-Language"] == language
        return
    text = data.decode().replace("\u00a0", " ").replace("\u202f", " ")
    assert "Zhanar Sekerbayeva" in text
    expected = {
        "en": "28 February 2025",
        "fr": "28 février 2025",
        "es": "28 de febrero de 2025",
        "ru": "28 февраля 2025 г.",
    }[language]
    assert expected in text
    if language == "ru":
        assert "Казахстан" in text


def test_demands_typed_in_english_are_flagged_when_rendered_in_french(seed_case: Case) -> None:
    appeal = appeal_text(do_compose_draft(seed_case, acting_user=None), "fr", public=False)
    assert appeal.demands[0].startswith("Libérer immédiatement")
    draft = do_compose_draft(seed_case, acting_user=None)
    do_edit_demands(draft, ["Free her now"], acting_user=None, language="en")
    flagged = appeal_text(draft, "fr", public=False)
    assert flagged.demands == ["Free her now"] and "Free her now" in flagged.not_translated


def test_public_version_never_shows_a_confidential_fact(seed_case: Case) -> None:
    from django.db import transaction

    from vigil.cases.actions.people import find_or_create_person
    from vigil.cases.actions.records import add_defenders, add_event

    with transaction.atomic():
        hidden = find_or_create_person(
            acting_user=None,
            name="Canary Hiddenperson",
            gender="female",
            confidentiality="confidential",
            roles=["journalist"],
        )
        add_defenders(acting_user=None, case=seed_case, people=[hidden])
        add_event(
            acting_user=None,
            case=seed_case,
            victims=[hidden],
            type="threat",
            date=dt.date(2025, 3, 1),
            place=CANARY,
            confidentiality="confidential",
        )
    draft = do_compose_draft(seed_case, acting_user=None)
    profile = OrganisationProfile.current()
    for fmt in ("html", "txt", "md", "eml"):
        public = render(appeal_text(draft, "en", public=True), profile, fmt=fmt, public=True)
        assert CANARY.encode() not in public and b"Hiddenperson" not in public
    internal = render(appeal_text(draft, "en", public=False), profile, fmt="txt", public=False)
    assert CANARY.encode() not in internal, "every staff member reads a restricted case's appeal"
    seed_case.confidentiality = "confidential"
    seed_case.save(update_fields=["confidentiality"])
    confidential = render(appeal_text(draft, "en", public=False), profile, fmt="txt", public=False)
    assert CANARY.encode() in confidential


def test_pdf_never_embeds_a_local_file(tmp_path: Path, seed_case: Case) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>LOCALSECRET</text></svg>')
    profile = OrganisationProfile.current()
    profile.registration = "x"
    draft = do_compose_draft(seed_case, acting_user=None)
    appeal = appeal_text(draft, "en", public=True)
    appeal.background.append(f'<img src="file://{secret}">')
    pdf = render_pdf(appeal, profile, public=True)
    assert b"LOCALSECRET" not in pdf


def test_workflow_is_audited_and_a_published_version_is_frozen(seed_case: Case) -> None:
    editor, coordinator = make_user("ed", "editor"), make_user("co", "coordinator")
    draft = do_compose_draft(seed_case, acting_user=editor)
    do_advance(draft, acting_user=editor)
    with pytest.raises(NotAllowed):
        do_advance(draft, acting_user=editor)
    do_advance(draft, acting_user=coordinator)
    published = do_advance(draft, acting_user=coordinator)
    assert published.status == "published" and published.published_at is not None
    with pytest.raises(WorkflowError):
        do_edit_demands(published, ["changed"], acting_user=coordinator, language="en")
    before = appeal_text(published, "en", public=False).as_dict()
    seed_case.events.update(place="Elsewhere")
    assert appeal_text(published, "en", public=False).as_dict() == before
    newer = do_new_version(published, acting_user=coordinator)
    assert newer.version == 2 and newer.supersedes == published
    from vigil.audit.models import AuditEvent

    actions = list(AuditEvent.objects.filter(object_id=str(published.pk)).values_list("action", "actor"))
    assert ("appeal.in_review", "user:ed") in actions and ("appeal.published", "user:co") in actions
    person = seed_case.defenders.get()
    versions = defender_timeline(None, person)["appeals"]
    assert [v["version"] for v in versions] == [2, 1]


def test_follow_ups_from_the_facts_and_the_act_before_date(seed_case: Case) -> None:
    do_compose_draft(seed_case, acting_user=None, act_before=dt.date(2025, 3, 15))
    kinds = {(f.kind, f.due.isoformat()) for f in FollowUp.objects.filter(case=seed_case)}
    assert ("expected_release", "2025-03-10") in kinds and ("act_before", "2025-03-15") in kinds
    due = due_list(None, today=dt.date(2025, 3, 12))
    states = {(d["kind"], d["state"]) for d in due}
    assert ("expected_release", "overdue") in states and ("act_before", "due soon") in states
    assert due_list(make_user("an", "analyst"), today=dt.date(2025, 3, 12))  # the seed case is public


def test_a_public_version_without_public_defenders_is_refused(seed_case: Case) -> None:
    from vigil.appeals.compose import NothingToSay

    seed_case.defenders.update(confidentiality="restricted")
    draft = do_compose_draft(seed_case, acting_user=None)
    with pytest.raises(NothingToSay, match="mark the case's defenders"):
        appeal_text(draft, "en", public=True)


def test_an_edited_section_is_kept_as_typed_and_flagged_in_other_languages(seed_case: Case) -> None:
    from vigil.appeals.workflow import do_edit_section

    draft = do_compose_draft(seed_case, acting_user=None)
    do_edit_section(draft, "summary", "A summary typed by an editor.", acting_user=None, language="en")
    assert appeal_text(draft, "en", public=False).summary == ["A summary typed by an editor."]
    french = appeal_text(draft, "fr", public=False)
    assert french.summary == ["A summary typed by an editor."] and "summary" in french.not_translated
    with pytest.raises(WorkflowError):
        do_edit_section(draft, "letterhead", "x", acting_user=None, language="en")


def test_the_pdf_read_back_gives_the_same_facts(seed_case: Case, tmp_path: Path) -> None:
    from vigil_extract import extract_file

    draft = do_compose_draft(seed_case, acting_user=None)
    pdf = tmp_path / "appeal.pdf"
    pdf.write_bytes(
        render(appeal_text(draft, "en", public=True), OrganisationProfile.current(), fmt="pdf", public=True)
    )
    doc = extract_file(pdf)
    assert doc.format == "pdf" and doc.country == "KZ"
    assert [(d.name, d.gender) for d in doc.defenders] == [("Zhanar Sekerbayeva", "female")]
    dated = {(e.date.iso() if e.date else "", e.type) for e in doc.events}
    assert ("2025-02-28", "arrest") in dated and ("2025-02-28", "sentence") in dated
    assert len(doc.demands) == 4


def test_a_restricted_case_is_published_without_a_public_version(seed_case: Case) -> None:
    from vigil.appeals.compose import NothingToSay

    seed_case.defenders.update(confidentiality="restricted")
    draft = do_compose_draft(seed_case, acting_user=None)
    for _ in range(3):
        do_advance(draft, acting_user=None)
    assert draft.status == "published" and set(draft.sections["frozen"]) == {"confidential"}
    assert appeal_text(draft, "en", public=False).language == "en"
    from vigil.appeals.workflow import NotPublishedInLanguage, do_confirm_language

    with pytest.raises(NotPublishedInLanguage, match="not translated"):
        appeal_text(draft, "ru", public=False)  # the courts and agents are still in English
    do_confirm_language(draft, "ru", acting_user=None)
    assert appeal_text(draft, "ru", public=False).language == "ru"
    with pytest.raises(NothingToSay):
        appeal_text(draft, "en", public=True)
