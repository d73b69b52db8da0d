"""``vigil appeal``, ``vigil authority`` and ``vigil due``: appeals out and what to follow up."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from vigil.cli.context import acting_user, fail, fetched, public_only_for_analysts, require_store
from vigil.cli.output import echo, write_output

appeal_app = typer.Typer(help="Appeals: compose, render, review and publish.", no_args_is_help=True)
authority_app = typer.Typer(help="The authorities that appeals are addressed to.", no_args_is_help=True)


def parse_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"not a date (YYYY-MM-DD): {value!r}", code=2)
        raise


@appeal_app.command("render")
def appeal_render(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", help="html, pdf, txt, md or eml.")] = "html",
    lang: Annotated[str, typer.Option("--lang", help="en, fr, es or ru.")] = "en",
    public: Annotated[bool, typer.Option("--public", help="Public records only, for publication.")] = False,
    act_before: Annotated[
        str | None, typer.Option("--act-before", help="YYYY-MM-DD, for a new draft.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD printed as a draft's date (default: today).")
    ] = None,
) -> None:
    """Render the case's current appeal (composing a draft first if there is none).

    Warns when the organisation profile is not set, when texts are not translated into the
    language, and when the facts look out of date (write an update instead).
    """
    from vigil.appeals.choices import FORMATS, LANGUAGES

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", code=2)
    if lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", code=2)
    deadline, dateline = parse_day(act_before), parse_day(date)
    require_store()
    public_only_for_analysts(public)
    from vigil.appeals.compose import NothingToSay
    from vigil.appeals.models import OrganisationProfile
    from vigil.appeals.render import render
    from vigil.appeals.workflow import WorkflowError, appeal_text, current_appeal, do_compose_draft
    from vigil.cases.access import AccessDenied, access_case
    from vigil.cases.actions.guard import NotAllowed

    user = acting_user()
    try:
        case = access_case(user, case_id)
        intervention = current_appeal(case) or do_compose_draft(
            case, acting_user=user, language=lang, act_before=deadline
        )
        appeal = appeal_text(intervention, lang, public=public, today=dateline)
    except (AccessDenied, NotAllowed, NothingToSay, WorkflowError) as exc:
        fail(str(exc))
        return
    if not OrganisationProfile.objects.exists():
        echo("warning: no organisation profile; set one with `vigil profile set --name NAME`", err=True)
    if appeal.not_translated:
        echo(f"warning: not translated into {lang}: {'; '.join(appeal.not_translated)}", err=True)
    english = (
        appeal
        if lang == "en"
        else appeal_text(intervention, "en", public=public, today=dateline, frozen=False)
    )
    for warning in english.stale:
        echo(f"warning: {warning}", err=True)
    write_output(output, render(appeal, OrganisationProfile.current(), fmt=fmt, public=public), public=public)
    level = "public" if public else "confidential"
    echo(
        f"{output}: appeal {intervention.pk} v{intervention.version} ({intervention.status}), {lang}, {level}"
    )


@appeal_app.command("list")
def appeal_list(case_id: Annotated[int, typer.Argument(help="The case's id.")]) -> None:
    """The versions of the case's appeal, newest first."""
    require_store()
    from vigil.cases.access import access_case

    case = fetched(access_case, case_id)
    for item in case.interventions.filter(source__isnull=True).order_by("-version", "-id"):
        published = item.published_at.date().isoformat() if item.published_at else "-"
        echo(f"appeal {item.pk}  v{item.version}  {item.status:<10} published {published}  {item.title}")


@appeal_app.command("advance")
def appeal_advance(intervention_id: Annotated[int, typer.Argument(help="The appeal's id.")]) -> None:
    """Move an appeal one step: draft → in review → approved → published."""
    require_store()
    from vigil.appeals.workflow import WorkflowError, do_advance
    from vigil.cases.access import access_appeal
    from vigil.cases.actions.guard import NotAllowed

    intervention = fetched(access_appeal, intervention_id)
    try:
        do_advance(intervention, acting_user=acting_user())
    except (WorkflowError, NotAllowed) as exc:
        fail(str(exc))
    echo(f"appeal {intervention.pk} is now {intervention.status}")


@appeal_app.command("new-version")
def appeal_new_version(
    intervention_id: Annotated[int, typer.Argument(help="A published appeal's id.")],
) -> None:
    """Start a new draft that supersedes a published appeal."""
    require_store()
    from vigil.appeals.workflow import WorkflowError, do_new_version
    from vigil.cases.access import access_appeal

    try:
        draft = do_new_version(fetched(access_appeal, intervention_id), acting_user=acting_user())
    except WorkflowError as exc:
        fail(str(exc))
        return
    echo(f"appeal {draft.pk} v{draft.version} (draft) supersedes appeal {intervention_id}")


@appeal_app.command("demands")
def appeal_demands(
    intervention_id: Annotated[int, typer.Argument(help="The appeal's id.")],
    demand: Annotated[list[str], typer.Option("--demand", help="A demand, in order; repeat the option.")],
    lang: Annotated[str, typer.Option("--lang", help="The language the demands are written in.")] = "en",
    public: Annotated[bool, typer.Option("--public", help="These demands may be published.")] = False,
) -> None:
    """Replace an appeal's demands (as typed, in this order); the public version uses them only
    with --public (else it composes its demands from the public facts)."""
    require_store()
    from vigil.appeals.workflow import WorkflowError, do_edit_demands
    from vigil.cases.access import access_appeal

    try:
        do_edit_demands(
            fetched(access_appeal, intervention_id),
            demand,
            acting_user=acting_user(),
            language=lang,
            level="public" if public else "restricted",
        )
    except WorkflowError as exc:
        fail(str(exc))
    echo(f"appeal {intervention_id}: {len(demand)} demands")


@appeal_app.command("edit")
def appeal_edit(
    intervention_id: Annotated[int, typer.Argument(help="The appeal's id.")],
    section: Annotated[
        str, typer.Option("--section", help="headline, summary, background, narrative, context or position.")
    ],
    text: Annotated[str, typer.Option("--text", help="The new text; a blank line separates paragraphs.")],
    lang: Annotated[str, typer.Option("--lang", help="The language the text is written in.")] = "en",
    public: Annotated[bool, typer.Option("--public", help="The text may be published.")] = False,
) -> None:
    """Rewrite one section of an appeal; in other languages it is shown as typed, flagged.
    The public version uses it only with --public."""
    require_store()
    from vigil.appeals.workflow import WorkflowError, do_edit_section
    from vigil.cases.access import access_appeal

    try:
        do_edit_section(
            fetched(access_appeal, intervention_id),
            section,
            text,
            acting_user=acting_user(),
            language=lang,
            level="public" if public else "restricted",
        )
    except WorkflowError as exc:
        fail(str(exc))
    echo(f"appeal {intervention_id}: {section} rewritten")


@authority_app.command("add")
def authority_add(
    country: Annotated[str, typer.Argument(help="ISO country code, e.g. KZ.")],
    title: Annotated[str, typer.Option("--title", help="e.g. Prosecutor General.")],
    name: Annotated[str, typer.Option("--name")] = "",
    institution: Annotated[str, typer.Option("--institution")] = "",
    address: Annotated[str, typer.Option("--address", help="Postal address; use \\n between lines.")] = "",
    email: Annotated[str, typer.Option("--email")] = "",
    fax: Annotated[str, typer.Option("--fax")] = "",
) -> None:
    """Add an authority to the registry."""
    require_store()
    from vigil.appeals.registry import do_add_authority

    authority = do_add_authority(
        acting_user=acting_user(),
        country=country.upper(),
        title=title,
        name=name,
        institution=institution,
        postal_address=address.replace("\\n", "\n"),
        email=email,
        fax=fax,
    )
    echo(f"authority {authority.pk}: {authority}")


@authority_app.command("list")
def authority_list(country: Annotated[str | None, typer.Argument(help="ISO country code.")] = None) -> None:
    """The authorities registry, by country."""
    require_store()
    from vigil.appeals.models import Authority

    authorities = Authority.objects.all()
    if country:
        authorities = authorities.filter(country=country.upper())
    for authority in authorities:
        echo(
            f"{authority.pk:>4}  {authority.country}  {authority.title}  {authority.name}  {authority.email}"
        )


def due(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    today: Annotated[str | None, typer.Option("--today", help="YYYY-MM-DD instead of today.")] = None,
) -> None:
    """Follow-ups that are overdue, due soon or upcoming, on the cases you may see."""
    day = parse_day(today)
    require_store()
    from django.utils import timezone

    from vigil.followups.due import due_list

    items = due_list(acting_user(), today=day or timezone.localdate())
    if as_json:
        echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    for item in items:
        echo(
            f"{item['id']:>5}  {item['due']}  {item['state']:<9}  {item['kind']:<17}"
            f" case {item['case_id']}: {item['case']}"
        )


@appeal_app.command("translate")
def appeal_translate(
    intervention_id: Annotated[int, typer.Argument(help="The appeal's id.")],
    original: Annotated[str, typer.Argument(help="The text as the record holds it (a demand, a court...).")],
    translation: Annotated[str, typer.Argument(help="How the appeal says it in --lang.")],
    lang: Annotated[str, typer.Option("--lang", help="fr, es, ru or en.")],
) -> None:
    """Give the appeal's translation of a text from the record that the library cannot translate."""
    from vigil.appeals.choices import LANGUAGES

    if lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", code=2)
    require_store()
    from vigil.appeals.workflow import WorkflowError, do_translate
    from vigil.cases.access import access_appeal

    try:
        do_translate(
            fetched(access_appeal, intervention_id), lang, original, translation, acting_user=acting_user()
        )
    except WorkflowError as exc:
        fail(str(exc))
    echo(f"appeal {intervention_id}: translation into {lang} recorded")


@appeal_app.command("confirm")
def appeal_confirm(
    intervention_id: Annotated[int, typer.Argument(help="The appeal's id.")],
    lang: Annotated[str, typer.Option("--lang", help="The language to publish with texts left as written.")],
) -> None:
    """Accept that untranslated texts stay as written in a language (coordinators and admins)."""
    require_store()
    from vigil.appeals.workflow import do_confirm_language
    from vigil.cases.access import access_appeal
    from vigil.cases.actions.guard import NotAllowed

    try:
        do_confirm_language(fetched(access_appeal, intervention_id), lang, acting_user=acting_user())
    except NotAllowed as exc:
        fail(str(exc))
    echo(f"appeal {intervention_id}: {lang} confirmed as it is")


@appeal_app.command("check")
def appeal_check(
    intervention_id: Annotated[int, typer.Argument(help="The appeal's id.")],
    public: Annotated[bool, typer.Option("--public", help="Check the public version.")] = False,
) -> None:
    """Per language: the texts not yet translated, and whether the facts look out of date."""
    require_store()
    public_only_for_analysts(public)
    from vigil.appeals.choices import LANGUAGES
    from vigil.appeals.compose import NothingToSay
    from vigil.appeals.workflow import WorkflowError, appeal_text
    from vigil.cases.access import access_appeal

    intervention = fetched(access_appeal, intervention_id)
    for language in LANGUAGES:
        try:
            appeal = appeal_text(intervention, language, public=public)
        except (NothingToSay, WorkflowError) as exc:
            echo(f"{language}: {exc}")
            continue
        confirmed = language in intervention.sections.get("confirmed", [])
        state = (
            "ready"
            if not appeal.not_translated
            else "confirmed as written"
            if confirmed
            else "not translated"
        )
        echo(f"{language}: {state}")
        for text in appeal.not_translated:
            echo(f"  - {text}")
    english = appeal_text(intervention, "en", public=public, frozen=False)
    for warning in english.stale:
        echo(f"warning: {warning}", err=True)
