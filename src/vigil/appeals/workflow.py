"""The appeal's life: compose a draft, edit its demands, review, approve, publish, supersede.

Every step is a ``do_*`` action with its audit entry (who and when). A published version is
frozen: its text in every language is stored at publication and never changes; a new
version supersedes it, and both stay on the case and on the defenders' timelines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from vigil.appeals.choices import LANGUAGES
from vigil.appeals.compose import Appeal, NothingToSay, compose, typeset_appeal
from vigil.appeals.demands import DemandItem, from_facts, recognise, worded
from vigil.appeals.facts import gather
from vigil.appeals.models import Authority, OrganisationProfile
from vigil.appeals.wording import Words
from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import NotAllowed, require_writer
from vigil.cases.actions.records import add_followup
from vigil.cases.models import Case, Confidentiality, Demand, Intervention
from vigil.cases.models.followup import FollowUpKind
from vigil.cases.models.intervention import InterventionStatus
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
    """A new draft appeal on the case; its text is composed from the facts whenever it is read."""
    require_writer(acting_user)
    facts = gather(case, public=False)
    with transaction.atomic():
        intervention = Intervention.objects.create(
            case=case,
            kind="appeal",
            language=language,
            status=InterventionStatus.DRAFT,
            title=compose(
                facts, language=language, organisation=organisation_name(), published=timezone.localdate()
            ).headline[:400],
            addressees=current_addressees(case),
            act_before=act_before,
            confidentiality=case.confidentiality,
            version=(supersedes.version + 1) if supersedes else 1,
            supersedes=supersedes,
            sections=carried_over(supersedes),
        )
        write_demand_rows(intervention, [worded(i, facts, Words("en"))[0] for i in from_facts(facts)])
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


def carried_over(previous: Intervention | None) -> dict[str, Any]:
    """What a new version keeps of the one it supersedes: edits, translations, confirmations."""
    if previous is None:
        return {}
    keep = ("demand_items", "translations", "overrides")
    return {k: v for k, v in previous.sections.items() if k in keep}


def current_addressees(case: Case) -> list[dict[str, str]]:
    """The registry's authorities for the case's country, as they are now."""
    return [a.as_addressee() for a in Authority.objects.filter(country=case.country)]


def write_demand_rows(intervention: Intervention, texts: list[str]) -> None:
    intervention.demands.all().delete()
    for position, text in enumerate(texts, start=1):
        Demand.objects.create(intervention=intervention, position=position, text=text)


def require_editable(intervention: Intervention) -> None:
    if intervention.status in (InterventionStatus.APPROVED, InterventionStatus.PUBLISHED):
        raise WorkflowError("an approved or published appeal cannot be edited; start a new version")


def do_edit_demands(
    intervention: Intervention,
    demands: list[str],
    *,
    acting_user: User | None,
    language: str,
    level: str = Confidentiality.RESTRICTED,
) -> None:
    """Replace the ordered demands of a draft or of a version in review.

    Each demand is kept with ``level``: only demands marked public reach the public version.
    A demand that reads as one of the library's is translated from the library; any other is
    kept as written and flagged in other languages until translated.
    """
    require_writer(acting_user)
    require_editable(intervention)
    defenders = gather(intervention.case, public=False).defenders
    items = [recognise(text, language, defenders, str(level)) for text in demands]
    with transaction.atomic():
        before = snapshot(intervention)
        write_demand_rows(intervention, demands)
        intervention.sections = {**intervention.sections, "demand_items": [i.as_dict() for i in items]}
        intervention.save(update_fields=["sections", "updated_at"])
        record("appeal.edit_demands", acting_user=acting_user, instance=intervention, before=before)


def do_translate(
    intervention: Intervention, language: str, original: str, translation: str, *, acting_user: User | None
) -> None:
    """Give the appeal's wording of a text from the record (a demand, a court, a law) in a language."""
    require_writer(acting_user)
    if intervention.status == InterventionStatus.PUBLISHED and language in frozen_languages(intervention):
        raise WorkflowError(f"the appeal is already published in {language}; start a new version")
    with transaction.atomic():
        before = snapshot(intervention)
        translations = {k: dict(v) for k, v in intervention.sections.get("translations", {}).items()}
        translations.setdefault(language, {})[original.strip()] = translation.strip()
        intervention.sections = {**intervention.sections, "translations": translations}
        intervention.save(update_fields=["sections", "updated_at"])
        record(
            "appeal.translate",
            acting_user=acting_user,
            instance=intervention,
            before=before,
            detail={"language": language},
        )
    publish_late_languages(intervention)


def do_confirm_language(intervention: Intervention, language: str, *, acting_user: User | None) -> None:
    """Accept that the untranslated texts stay as written in ``language`` (a coordinator's call)."""
    require_writer(acting_user)
    if role_of(acting_user) not in APPROVERS:
        raise NotAllowed("only a coordinator or an admin may confirm untranslated text")
    with transaction.atomic():
        before = snapshot(intervention)
        confirmed = sorted({*intervention.sections.get("confirmed", []), language})
        intervention.sections = {**intervention.sections, "confirmed": confirmed}
        intervention.save(update_fields=["sections", "updated_at"])
        record(
            "appeal.confirm_language",
            acting_user=acting_user,
            instance=intervention,
            before=before,
            detail={"language": language},
        )
    publish_late_languages(intervention)


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


def ready(appeal: Appeal, intervention: Intervention) -> bool:
    """Whether a language version may be published: all translated, or confirmed as it is."""
    return not appeal.not_translated or appeal.language in intervention.sections.get("confirmed", [])


def freeze(intervention: Intervention) -> dict[str, dict[str, dict[str, object]]]:
    """The appeal's text in every ready language, confidential and (with public facts) public."""
    frozen: dict[str, dict[str, dict[str, object]]] = {}
    for level in ("confidential", "public"):
        for language in LANGUAGES:
            try:
                appeal = appeal_text(intervention, language, public=level == "public", frozen=False)
            except NothingToSay:
                break  # no public defender: the appeal is published to its named readers only
            if ready(appeal, intervention):
                frozen.setdefault(level, {})[language] = appeal.as_dict()
    return frozen


def frozen_languages(intervention: Intervention) -> set[str]:
    return set(intervention.sections.get("frozen", {}).get("confidential", {}))


def withheld(intervention: Intervention) -> dict[str, list[str]]:
    """Languages a published appeal is not published in, with the texts still untranslated."""
    out = {}
    for language in LANGUAGES:
        if language in frozen_languages(intervention):
            continue
        out[language] = appeal_text(intervention, language, public=False, frozen=False).not_translated
    return out


def publish_late_languages(intervention: Intervention) -> None:
    """A published appeal gains a language once that language is translated or confirmed."""
    if intervention.status != InterventionStatus.PUBLISHED:
        return
    frozen = {level: dict(v) for level, v in intervention.sections.get("frozen", {}).items()}
    fresh = freeze(intervention)
    for level, languages in fresh.items():
        for language, text in languages.items():
            frozen.setdefault(level, {}).setdefault(language, text)
    intervention.sections = {**intervention.sections, "frozen": frozen}
    intervention.save(update_fields=["sections", "updated_at"])


def organisation_name() -> str:
    return OrganisationProfile.current().name


class NotPublishedInLanguage(WorkflowError):
    """A published appeal whose version in this language was withheld (text not translated)."""


def appeal_text(
    intervention: Intervention,
    language: str,
    *,
    public: bool,
    frozen: bool = True,
    today: dt.date | None = None,
) -> Appeal:
    """The appeal in ``language``: as published if it was, else composed from today's facts.

    The public version is composed from the public view of the case (``gather(public=True)``);
    of the draft it takes only what an editor marked public, the addressees and translations.
    """
    level = "public" if public else "confidential"
    if frozen and intervention.status == InterventionStatus.PUBLISHED and "frozen" in intervention.sections:
        stored = intervention.sections["frozen"].get(level, {}).get(language)
        if stored:
            return Appeal.from_dict(stored)
        if language not in frozen_languages(intervention):
            raise NotPublishedInLanguage(
                f"appeal {intervention.pk} is not published in {language}: some texts are not translated; "
                f"translate them (vigil appeal translate) or confirm them as written (vigil appeal confirm)"
            )
        raise NothingToSay("this appeal was published without a public version (no public defender)")
    facts = gather(intervention.case, public=public)
    published = (
        intervention.published_at.date() if intervention.published_at else today or timezone.localdate()
    )
    appeal = compose(
        facts,
        language=language,
        organisation=organisation_name(),
        registration=OrganisationProfile.current().registration,
        published=published,
        addressees=current_addressees(intervention.case),
        act_before=intervention.act_before,
        demands=edited_demands(intervention, facts.levels),
        translations=intervention.sections.get("translations", {}).get(language, {}),
    )
    apply_overrides(appeal, intervention.sections.get("overrides", {}), facts.levels)
    return typeset_appeal(appeal)


def edited_demands(intervention: Intervention, levels: tuple[str, ...]) -> list[DemandItem] | None:
    """The editor's demands this version may show; ``None`` (compose from facts) if there are none."""
    items = [DemandItem.from_dict(d) for d in intervention.sections.get("demand_items", [])]
    allowed = [item for item in items if item.level in levels]
    return allowed or None


def apply_overrides(appeal: Appeal, overrides: dict[str, dict[str, str]], levels: tuple[str, ...]) -> None:
    """Sections an editor rewrote replace the composed ones, as typed (flagged in other languages).

    An override reaches a version only at a level it may show (public overrides only in public).
    """
    for key, override in overrides.items():
        if override.get("level", Confidentiality.RESTRICTED) not in levels:
            continue
        text = override["text"]
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        setattr(appeal, key, paragraphs if isinstance(getattr(appeal, key), list) else text)
        if override.get("language") != appeal.language:
            appeal.not_translated.append(key)


def do_edit_section(
    intervention: Intervention,
    section: str,
    text: str,
    *,
    acting_user: User | None,
    language: str,
    level: str = Confidentiality.RESTRICTED,
) -> None:
    """Replace one composed section of a draft (or a version in review) with the editor's text.

    The text reaches the public version only when ``level`` is public.
    """
    require_writer(acting_user)
    if section not in EDITABLE_SECTIONS:
        raise WorkflowError(f"unknown section {section!r}; choose one of {', '.join(EDITABLE_SECTIONS)}")
    require_editable(intervention)
    with transaction.atomic():
        before = snapshot(intervention)
        overrides = {
            **intervention.sections.get("overrides", {}),
            section: {"text": text, "language": language, "level": str(level)},
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
