"""The appeal's life: compose a draft, edit its demands, review, approve, publish, supersede.

Every step is a ``do_*`` action with its audit entry (who and when). A published version is
frozen: its text in every language is stored at publication and never changes; a new
version supersedes it, and both stay on the case and on the defenders' timelines.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from vigil.appeals.choices import LANGUAGES
from vigil.appeals.compose import Appeal, NothingToSay, choose_demands, compose
from vigil.appeals.facts import gather
from vigil.appeals.models import Authority, OrganisationProfile
from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import NotAllowed, require_writer
from vigil.cases.actions.records import add_followup
from vigil.cases.models import Case, Demand, Intervention
from vigil.cases.models.followup import FollowUpKind
from vigil.cases.models.intervention import InterventionStatus
from vigil.cases.parts import internal_levels
from vigil.cases.roles import User, role_of

NEXT_STATUS = {
    InterventionStatus.DRAFT: InterventionStatus.IN_REVIEW,
    InterventionStatus.IN_REVIEW: InterventionStatus.APPROVED,
    InterventionStatus.APPROVED: InterventionStatus.PUBLISHED,
}
APPROVERS = {"admin", "coordinator"}
EDITABLE_SECTIONS = ("headline", "summary", "background", "narrative", "context", "position")


class WorkflowError(Exception):
    """A step that the appeal's status does not allow."""


def current_appeal(case: Case) -> Intervention | None:
    """The latest version of this organisation's own appeal on the case."""
    return case.interventions.filter(source__isnull=True, kind="appeal").order_by("-version", "-id").first()


def do_compose_draft(
    case: Case,
    *,
    acting_user: User | None,
    language: str = "en",
    act_before: dt.date | None = None,
    supersedes: Intervention | None = None,
) -> Intervention:
    """A new draft appeal composed from the case's facts, with demands and addressees."""
    require_writer(acting_user)
    facts = gather(case, public=False, levels=internal_levels(case.confidentiality))
    demands, demands_language = choose_demands(facts, language, None, "")
    addressees = [a.as_addressee() for a in Authority.objects.filter(country=case.country)]
    with transaction.atomic():
        intervention = Intervention.objects.create(
            case=case,
            kind="appeal",
            language=language,
            status=InterventionStatus.DRAFT,
            title=compose(
                facts, language=language, organisation=organisation_name(), published=timezone.localdate()
            ).headline[:400],
            addressees=addressees,
            act_before=act_before,
            confidentiality=case.confidentiality,
            version=(supersedes.version + 1) if supersedes else 1,
            supersedes=supersedes,
            sections={"demands_language": demands_language, "demands_edited": False},
        )
        for position, text in enumerate(demands, start=1):
            Demand.objects.create(intervention=intervention, position=position, text=text)
        record("appeal.compose", acting_user=acting_user, instance=intervention)
        if act_before is not None:
            add_followup(
                acting_user=acting_user,
                case=case,
                kind=FollowUpKind.ACT_BEFORE,
                due=act_before,
                note="act before (appeal)",
                confidentiality=case.confidentiality,
            )
    return intervention


def do_edit_demands(
    intervention: Intervention, demands: list[str], *, acting_user: User | None, language: str
) -> None:
    """Replace the ordered demands of a draft or of a version in review."""
    require_writer(acting_user)
    if intervention.status in (InterventionStatus.APPROVED, InterventionStatus.PUBLISHED):
        raise WorkflowError("an approved or published appeal cannot be edited; start a new version")
    with transaction.atomic():
        before = snapshot(intervention)
        intervention.demands.all().delete()
        for position, text in enumerate(demands, start=1):
            Demand.objects.create(intervention=intervention, position=position, text=text)
        intervention.sections = {
            **intervention.sections,
            "demands_language": language,
            "demands_edited": True,
        }
        intervention.save(update_fields=["sections", "updated_at"])
        record("appeal.edit_demands", acting_user=acting_user, instance=intervention, before=before)


def do_advance(intervention: Intervention, *, acting_user: User | None) -> Intervention:
    """Move the appeal one step: draft → in review → approved → published."""
    require_writer(acting_user)
    target = NEXT_STATUS.get(InterventionStatus(intervention.status))
    if target is None:
        raise WorkflowError(f"a {intervention.status} appeal has no next step")
    if (
        target in (InterventionStatus.APPROVED, InterventionStatus.PUBLISHED)
        and role_of(acting_user) not in APPROVERS
    ):
        raise NotAllowed("only a coordinator or an admin may approve or publish")
    with transaction.atomic():
        before = snapshot(intervention)
        intervention.status = target
        fields = ["status", "updated_at"]
        if target == InterventionStatus.PUBLISHED:
            intervention.published_at = timezone.now()
            intervention.sections = {**intervention.sections, "frozen": freeze(intervention)}
            fields += ["published_at", "sections"]
        intervention.save(update_fields=fields)
        record(f"appeal.{target}", acting_user=acting_user, instance=intervention, before=before)
    return intervention


def do_new_version(intervention: Intervention, *, acting_user: User | None) -> Intervention:
    """A new draft that supersedes a published appeal (which stays as it was)."""
    if intervention.status != InterventionStatus.PUBLISHED:
        raise WorkflowError("only a published appeal can be superseded")
    return do_compose_draft(
        intervention.case,
        acting_user=acting_user,
        language=intervention.language,
        act_before=intervention.act_before,
        supersedes=intervention,
    )


def freeze(intervention: Intervention) -> dict[str, dict[str, dict[str, object]]]:
    """The appeal's text in every language, confidential and (when it has public facts) public."""
    frozen: dict[str, dict[str, dict[str, object]]] = {}
    for level in ("confidential", "public"):
        try:
            frozen[level] = {
                language: appeal_text(
                    intervention, language, public=level == "public", frozen=False
                ).as_dict()
                for language in LANGUAGES
            }
        except NothingToSay:
            continue  # no public defender: the appeal is published to its named readers only
    return frozen


def organisation_name() -> str:
    return OrganisationProfile.current().name


def appeal_text(intervention: Intervention, language: str, *, public: bool, frozen: bool = True) -> Appeal:
    """The appeal in ``language``: as published if it was, else composed from today's facts."""
    level = "public" if public else "confidential"
    stored = intervention.sections.get("frozen", {}).get(level, {}).get(language) if frozen else None
    if stored:
        return Appeal(**stored)
    case = intervention.case
    facts = gather(case, public=public, levels=internal_levels(case.confidentiality))
    edited = intervention.sections.get("demands_edited", False)
    demands_language = intervention.sections.get("demands_language", intervention.language)
    demands = [d.text for d in intervention.demands.order_by("position")]
    use_stored = (edited or demands_language == language) and (
        not public or intervention.confidentiality == "public"
    )
    published = intervention.published_at.date() if intervention.published_at else timezone.localdate()
    appeal = compose(
        facts,
        language=language,
        organisation=organisation_name(),
        published=published,
        addressees=list(intervention.addressees),
        act_before=intervention.act_before,
        demands=demands if use_stored else None,
        demands_language=demands_language,
    )
    if not public or intervention.confidentiality == "public":
        apply_overrides(appeal, intervention.sections.get("overrides", {}))
    return appeal


def apply_overrides(appeal: Appeal, overrides: dict[str, dict[str, str]]) -> None:
    """Sections an editor rewrote replace the composed ones, as typed (flagged in other languages)."""
    for key, override in overrides.items():
        text = override["text"]
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        setattr(appeal, key, paragraphs if isinstance(getattr(appeal, key), list) else text)
        if override.get("language") != appeal.language:
            appeal.not_translated.append(key)


def do_edit_section(
    intervention: Intervention, section: str, text: str, *, acting_user: User | None, language: str
) -> None:
    """Replace one composed section of a draft (or a version in review) with the editor's text."""
    require_writer(acting_user)
    if section not in EDITABLE_SECTIONS:
        raise WorkflowError(f"unknown section {section!r}; choose one of {', '.join(EDITABLE_SECTIONS)}")
    if intervention.status in (InterventionStatus.APPROVED, InterventionStatus.PUBLISHED):
        raise WorkflowError("an approved or published appeal cannot be edited; start a new version")
    with transaction.atomic():
        before = snapshot(intervention)
        overrides = {
            **intervention.sections.get("overrides", {}),
            section: {"text": text, "language": language},
        }
        intervention.sections = {**intervention.sections, "overrides": overrides}
        intervention.save(update_fields=["sections", "updated_at"])
        record(
            "appeal.edit_section",
            acting_user=acting_user,
            instance=intervention,
            before=before,
            detail={"section": section},
        )
