"""Casework from the command line, for scripting what the web pages do by hand:
``vigil case create|edit|close|reopen``, ``vigil event add|edit|delete``, ``vigil person edit``,
``vigil followup add|done|snooze``, ``vigil set-confidentiality``, ``vigil delete``, ``vigil restore``.

Every command writes through the same ``do_*`` actions as the web UI (each with its audit
entry) and reads through the same access layer, as the operator or as ``--as USER``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

import typer

from vigil.cli.context import acting_user, fail, fetched, refusals, require_store
from vigil.cli.output import echo
from vigil.cli.people import person_app
from vigil.cli.records import case_app

event_app = typer.Typer(
    help="Events: add one by hand, correct one, delete one (with the reason).", no_args_is_help=True
)
followup_app = typer.Typer(help="Follow-ups: add one, mark one done, snooze one.", no_args_is_help=True)

KINDS = ("case", "person", "organisation", "event", "followup", "source")
Reason = Annotated[str, typer.Option("--reason", help="Why (kept with the decision).")]


def date_of(text: str | None, what: str) -> dt.date | None:
    if text is None or text == "":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"{what}: write the date as YYYY-MM-DD, not {text!r}", code=2)
        raise


def required_date(text: str, what: str) -> dt.date:
    day = date_of(text, what)
    if day is None:
        fail(f"{what}: a date is required", code=2)
        raise typer.Exit(2)
    return day


def record_of(kind: str, record_id: int, *, deleted: bool = False) -> Any:
    if kind not in KINDS:
        fail(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}", code=2)
    from vigil.cases.access import access_record

    return fetched(lambda user, pk: access_record(user, kind, pk, deleted=deleted), record_id)


def acted(action: Callable[[], Any]) -> Any:
    """Run a write; a refusal (role, deleted record, invalid value) exits 1 with its reason."""
    from vigil.cases.actions.edits import EditError

    with refusals(EditError, ValueError):
        return action()


def acting_on(kind: str, record_id: int, act: Callable[[Any, Any], Any], *, deleted: bool = False) -> Any:
    """Fetch the record of ``kind`` the acting user may see and run ``act(record, user)`` as
    them (see :func:`acted`); returns what ``act`` returned."""
    require_store()
    record = record_of(kind, record_id, deleted=deleted)
    user = acting_user()
    return acted(lambda: act(record, user))


def given(**options: Any) -> dict[str, Any]:
    """The options that were given (None means "leave as it is")."""
    return {name: value for name, value in options.items() if value is not None}


def changed_line(kind: str, pk: int, changed: list[str]) -> str:
    return f"{kind} {pk}: " + (f"changed {', '.join(changed)}" if changed else "nothing changed")


Title = Annotated[str | None, typer.Option("--title", help="The case's title.")]
Country = Annotated[str | None, typer.Option("--country", help="Two-letter country code (KZ, KE...).")]
Situation = Annotated[
    str | None,
    typer.Option(
        "--situation", help="at_risk, detained, sentenced, released, in_exile, disappeared, killed, safe."
    ),
]
Opened = Annotated[str | None, typer.Option("--opened", help="The day the case was opened (YYYY-MM-DD).")]
Summary = Annotated[str | None, typer.Option("--summary", help="A short summary (kept encrypted).")]


@case_app.command("create")
def case_create(
    title: Annotated[str, typer.Argument(help="The case's title.")],
    country: Country = None,
    situation: Situation = None,
    opened: Opened = None,
    level: Annotated[str, typer.Option("--level", help="public, restricted or confidential.")] = "restricted",
    defender: Annotated[
        list[str] | None, typer.Option("--defender", help="A new defender's name; repeat for several.")
    ] = None,
    defender_id: Annotated[
        list[int] | None, typer.Option("--defender-id", help="Someone on record (their id); repeat.")
    ] = None,
) -> None:
    """Open a case by hand, with new defenders or people already on record."""
    require_store()
    from vigil.cases.access import access_person
    from vigil.cases.actions.entry import do_enter_case

    user = acting_user()
    people = [fetched(access_person, pk) for pk in defender_id or []]
    fields = given(
        country=(country or "").upper() or None, situation=situation, opened=date_of(opened, "--opened")
    )
    case = acted(
        lambda: do_enter_case(
            acting_user=user, title=title, defenders=people, confidentiality=level, **fields
        )
    )
    for name in defender or []:
        add_defender(case, name, level, user)
    echo(f"case {case.pk} created")


def add_defender(case: Any, name: str, level: str, user: Any) -> None:
    from vigil.cases.actions.entry import do_enter_person

    acted(
        lambda: do_enter_person(
            acting_user=user, name=name, case=case, country=case.country, confidentiality=level
        )
    )


@case_app.command("edit")
def case_edit(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    title: Title = None,
    country: Country = None,
    situation: Situation = None,
    opened: Opened = None,
    summary: Summary = None,
) -> None:
    """Correct a case's title, country, situation, opening day or summary."""
    require_store()
    from vigil.cases.actions.edits import do_edit

    fields = given(
        title=title,
        country=country.upper() if country is not None else None,
        situation=situation,
        opened=date_of(opened, "--opened"),
        summary=summary,
    )
    changed = acting_on("case", case_id, lambda case, user: do_edit(case, acting_user=user, **fields))
    echo(changed_line("case", case_id, changed))


@case_app.command("close")
def case_close(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    situation: Annotated[
        str, typer.Option("--situation", help="Where the defenders stand: released, safe...")
    ],
    on: Annotated[
        str | None, typer.Option("--on", help="The day it closed (YYYY-MM-DD; today if not given).")
    ] = None,
) -> None:
    """Close a case, saying where its defenders stand."""
    require_store()
    from vigil.cases.actions.lifecycle import do_close_case

    day = date_of(on, "--on")
    acting_on(
        "case", case_id, lambda case, user: do_close_case(case, situation=situation, on=day, acting_user=user)
    )
    echo(f"case {case_id}: closed ({situation})")


@case_app.command("reopen")
def case_reopen(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    situation: Annotated[str, typer.Option("--situation", help="Where the defenders stand now.")] = "at_risk",
) -> None:
    """Reopen a closed case."""
    require_store()
    from vigil.cases.actions.lifecycle import do_reopen_case

    acting_on("case", case_id, lambda case, user: do_reopen_case(case, situation=situation, acting_user=user))
    echo(f"case {case_id}: reopened ({situation})")


EventType = Annotated[
    str | None, typer.Option("--type", help="From the vocabulary: arrest, detention, trial...")
]
Date = Annotated[
    str | None, typer.Option("--date", help="YYYY-MM-DD (with --precision for a month or year).")
]
Precision = Annotated[str | None, typer.Option("--precision", help="day, month, year or range.")]
End = Annotated[str | None, typer.Option("--end", help="The last day of a range (YYYY-MM-DD).")]
Place = Annotated[str | None, typer.Option("--place", help="Where it happened.")]
Perpetrator = Annotated[str | None, typer.Option("--perpetrator", help="By whom, as the source words it.")]
Law = Annotated[str | None, typer.Option("--law", help="The law cited.")]
Duration = Annotated[str | None, typer.Option("--duration", help="As written: 15 days, 5 years...")]
Victims = Annotated[
    list[int] | None, typer.Option("--victim", help="Who it happened to (a person's id); repeat.")
]


def event_fields(
    type_: str | None,
    date: str | None,
    precision: str | None,
    end: str | None,
    place: str | None,
    perpetrator: str | None,
    law: str | None,
    duration: str | None,
) -> dict[str, Any]:
    return given(
        type=type_,
        date=date_of(date, "--date"),
        date_precision=precision,
        date_end=date_of(end, "--end"),
        place=place,
        perpetrator_text=perpetrator,
        legal_basis=law,
        duration=duration,
    )


def victims_of(ids: list[int] | None) -> list[Any] | None:
    if ids is None:
        return None
    from vigil.cases.access import access_person

    return [fetched(access_person, pk) for pk in ids]


@event_app.command("add")
def event_add(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    type_: Annotated[str, typer.Option("--type", help="From the vocabulary: arrest, detention, trial...")],
    date: Date = None,
    precision: Precision = None,
    end: End = None,
    place: Place = None,
    perpetrator: Perpetrator = None,
    law: Law = None,
    duration: Duration = None,
    victim: Victims = None,
) -> None:
    """Add an event to a case by hand (it says it was entered by hand, and by whom)."""
    require_store()
    from vigil.cases.actions.entry import do_enter_event

    case = record_of("case", case_id)
    fields = event_fields(None, date, precision, end, place, perpetrator, law, duration)
    people = victims_of(victim) or []
    event = acted(
        lambda: do_enter_event(acting_user=acting_user(), case=case, type=type_, victims=people, **fields)
    )
    echo(f"event {event.pk} added to case {case.pk}")


@event_app.command("edit")
def event_edit(
    event_id: Annotated[int, typer.Argument(help="The event's id.")],
    type_: EventType = None,
    date: Date = None,
    precision: Precision = None,
    end: End = None,
    place: Place = None,
    perpetrator: Perpetrator = None,
    law: Law = None,
    duration: Duration = None,
    victim: Victims = None,
) -> None:
    """Correct an event; its link to the sentence it came from is kept."""
    require_store()
    from vigil.cases.actions.edits import do_edit, do_set_victims

    event = record_of("event", event_id)
    user = acting_user()
    changed = acted(
        lambda: do_edit(
            event,
            acting_user=user,
            **event_fields(type_, date, precision, end, place, perpetrator, law, duration),
        )
    )
    people = victims_of(victim)
    if people is not None and acted(lambda: do_set_victims(event, people, acting_user=user)):
        changed = [*changed, "victims"]
    echo(changed_line("event", event.pk, changed))


@event_app.command("delete")
def event_delete(event_id: Annotated[int, typer.Argument(help="The event's id.")], reason: Reason) -> None:
    """Delete an event softly, with the reason (``vigil restore event ID`` brings it back)."""
    delete("event", event_id, reason)


@person_app.command("edit")
def person_edit(
    person_id: Annotated[int, typer.Argument(help="The person's id.")],
    name: Annotated[
        str | None, typer.Option("--name", help="The primary name (the old one stays a spelling).")
    ] = None,
    gender: Annotated[str | None, typer.Option("--gender", help="female, male, other or unknown.")] = None,
    country: Country = None,
    role: Annotated[
        list[str] | None, typer.Option("--role", help="A role; repeat. Replaces the roles you may see.")
    ] = None,
) -> None:
    """Correct a person's name, gender, country or roles."""
    require_store()
    from vigil.cases.actions.edits import do_edit, do_set_visible_roles

    person = record_of("person", person_id)
    user = acting_user()
    fields = given(name=name, gender=gender, country=country.upper() if country is not None else None)
    changed = acted(lambda: do_edit(person, acting_user=user, **fields))
    if role is not None and acted(lambda: do_set_visible_roles(person, role, acting_user=user)):
        changed = [*changed, "roles"]
    echo(changed_line("person", person.pk, changed))


@followup_app.command("add")
def followup_add(
    case_id: Annotated[int, typer.Argument(help="The case's id.")],
    kind: Annotated[
        str, typer.Option("--kind", help="expected_release, hearing, reply_due, act_before, check_in.")
    ],
    due: Annotated[str, typer.Option("--due", help="The day to watch (YYYY-MM-DD).")],
    note: Annotated[str, typer.Option("--note", help="What to check.")] = "",
) -> None:
    """Add a follow-up to a case by hand."""
    require_store()
    from vigil.cases.actions.entry import do_enter_followup

    case = record_of("case", case_id)
    day = required_date(due, "--due")
    followup = acted(
        lambda: do_enter_followup(acting_user=acting_user(), case=case, kind=kind, due=day, note=note)
    )
    echo(f"follow-up {followup.pk} added to case {case.pk}, due {followup.due.isoformat()}")


@followup_app.command("done")
def followup_done(
    followup_id: Annotated[int, typer.Argument(help="The follow-up's id (see `vigil due`).")],
    outcome: Annotated[str, typer.Option("--outcome", help="What came of it.")],
) -> None:
    """Mark a follow-up done, with its outcome."""
    require_store()
    from vigil.cases.actions.followups import do_mark_done

    acting_on(
        "followup", followup_id, lambda item, user: do_mark_done(item, outcome=outcome, acting_user=user)
    )
    echo(f"follow-up {followup_id}: done")


@followup_app.command("snooze")
def followup_snooze(
    followup_id: Annotated[int, typer.Argument(help="The follow-up's id.")],
    until: Annotated[str, typer.Option("--until", help="The day it comes back (YYYY-MM-DD).")],
    reason: Reason,
) -> None:
    """Put a follow-up off until a later day, with the reason."""
    require_store()
    from vigil.cases.actions.followups import do_snooze

    day = required_date(until, "--until")
    acting_on(
        "followup",
        followup_id,
        lambda item, user: do_snooze(item, until=day, reason=reason, acting_user=user),
    )
    echo(f"follow-up {followup_id}: snoozed until {until}")


def set_confidentiality(
    kind: Annotated[str, typer.Argument(help="case, person, organisation, event, followup or source.")],
    record_id: Annotated[int, typer.Argument(help="The record's id.")],
    level: Annotated[str, typer.Argument(help="public, restricted or confidential.")],
    reason: Reason,
) -> None:
    """Change who may see a record: a coordinator's decision, recorded with its reason."""
    require_store()
    from vigil.cases.actions.levels import do_set_confidentiality

    def decide(record: Any, user: Any) -> tuple[str, Any]:
        before = record.confidentiality
        return before, do_set_confidentiality(record, level, reason=reason, acting_user=user)

    before, decision = acting_on(kind, record_id, decide)
    if decision is None:
        echo(f"{kind} {record_id}: already {level}, nothing changed")
    else:
        echo(f"{kind} {record_id}: {before} → {level}")


def delete(
    kind: Annotated[str, typer.Argument(help="case, person, organisation, event, followup or source.")],
    record_id: Annotated[int, typer.Argument(help="The record's id.")],
    reason: Reason,
) -> None:
    """Delete a record softly, with the reason; it leaves every list, appeal and export."""
    require_store()
    from vigil.cases.actions.deletion import do_delete

    acting_on(kind, record_id, lambda record, user: do_delete(record, reason=reason, acting_user=user))
    echo(f"{kind} {record_id}: deleted (restore with `vigil restore {kind} {record_id}`)")


def restore(
    kind: Annotated[str, typer.Argument(help="case, person, organisation, event, followup or source.")],
    record_id: Annotated[int, typer.Argument(help="The deleted record's id.")],
) -> None:
    """Bring a deleted record back as it was."""
    require_store()
    from vigil.cases.actions.deletion import do_restore

    acting_on(kind, record_id, lambda record, user: do_restore(record, acting_user=user), deleted=True)
    echo(f"{kind} {record_id}: restored")
