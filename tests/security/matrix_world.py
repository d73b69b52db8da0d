"""The access matrix's store: one ingested case per level, a defender named in a public and in a
confidential source (a record shared across levels), users of every role, and the strings that
only readers of each level may ever receive."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User

from tests.factories import make_user
from vigil.appeals.workflow import do_compose_draft
from vigil.cases.models import Case, Intervention, Source
from vigil.intake.extracted import ExtractedFile, read_for_intake
from vigil.intake.store import do_ingest

LEVELS = ("public", "restricted", "confidential")
ROLES = ("admin", "coordinator", "editor", "viewer", "analyst")
VISIBLE = {
    "admin": set(LEVELS),
    "coordinator": {"public", "restricted"},
    "editor": {"public", "restricted"},
    "viewer": {"public", "restricted"},
    "analyst": {"public"},
    None: set(),
}
# Strings that appear in one level's document only: a reader below that level must never see them.
CANARIES = {
    "public": ("Aruzhan Publicovna",),
    "restricted": ("Bakyt Restrictova", "CANARY-restricted-41c2"),
    "confidential": (
        "Gulnara Sekretova",
        "CANARY-confidential-7f3a",
        "Sekretova Legal Aid Collective",
        "Aru Sekretova-Publicovna",
    ),
}
TEXTS = {
    "public": (
        "12 May 2025\n\nKazakhstan: human rights defender Aruzhan Publicovna detained\n\n"
        "On 10 May 2025, police officers arrested human rights defender Aruzhan Publicovna in Almaty."
        " She was charged under Article 274 of the Criminal Code.\n\nWe urge the authorities to release"
        " Aruzhan Publicovna immediately.\n"
    ),
    "restricted": (
        "14 May 2025\n\nKazakhstan: lawyer Bakyt Restrictova threatened\n\n"
        "On 13 May 2025, unknown men threatened lawyer Bakyt Restrictova in Astana. CANARY-restricted-41c2."
        "\n\nWe call on the authorities to protect Bakyt Restrictova.\n"
    ),
    "confidential": (
        "16 May 2025\n\nKazakhstan: defenders Gulnara Sekretova and Aruzhan Publicovna under surveillance\n\n"
        "On 15 May 2025, police officers searched the home of woman human rights defender Gulnara Sekretova,"
        " a member of the Sekretova Legal Aid Collective, in Almaty. Aruzhan Publicovna, also known as"
        " Aru Sekretova-Publicovna, was followed. CANARY-confidential-7f3a.\n\n"
        "We urge the authorities to stop harassing Gulnara Sekretova.\n"
    ),
}


@dataclass
class Level:
    """The records made from one level's document."""

    case: Case
    source: Source
    appeal: Intervention | None
    ids: dict[str, int] = field(default_factory=dict)


@dataclass
class MatrixWorld:
    """Every level's records and an account per role."""

    levels: dict[str, Level]
    users: dict[str, User]


def build() -> MatrixWorld:
    levels: dict[str, Level] = {}
    folder = Path(tempfile.mkdtemp(prefix="vigil-matrix-"))
    for level in LEVELS:
        path = folder / f"{level}.txt"
        path.write_text(TEXTS[level], encoding="utf-8")
        extracted = read_for_intake(path)
        assert isinstance(extracted, ExtractedFile)
        outcome = do_ingest(extracted, acting_user=None, confidentiality=level, accept=True)
        case = Case.objects.get(pk=outcome.case_id)
        source = Source.objects.get(pk=outcome.source_id)
        try:
            appeal: Intervention | None = do_compose_draft(case, acting_user=None, language="en")
        except Exception:  # a case with nothing an appeal may say: no appeal row, the pages 404
            appeal = None
        ids = ids_of(case, source, appeal)
        levels[level] = Level(case, source, appeal, ids)
    users = {role: make_user(f"{role}-matrix", role) for role in ROLES}
    for built in levels.values():
        built.ids["user_id"] = users["viewer"].pk  # the accounts pages open the viewer's account
    return MatrixWorld(levels, users)


def ids_of(case: Case, source: Source, appeal: Intervention | None) -> dict[str, int]:
    person = case.defenders.order_by("id").first()
    event = case.events.order_by("id").first()
    followup = case.followups.order_by("id").first()
    organisation: Any = None
    if person is not None:
        tie = person.affiliations.order_by("id").first()
        organisation = tie.organisation if tie is not None else None
    return {
        "case_id": case.pk,
        "source_id": source.pk,
        "person_id": person.pk if person else 0,
        "event_id": event.pk if event else 0,
        "followup_id": followup.pk if followup else 0,
        "organisation_id": organisation.pk if organisation else 0,
        "appeal_id": appeal.pk if appeal else 0,
        "intervention_id": appeal.pk if appeal else 0,
        "record_id": case.pk,
        "match_id": 0,
        "position": 0,
    }


def leaks(text: str, role: str | None) -> list[str]:
    """The canaries in ``text`` from levels ``role`` may not see."""
    return [c for level, found in CANARIES.items() if level not in VISIBLE[role] for c in found if c in text]
