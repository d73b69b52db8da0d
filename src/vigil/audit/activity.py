"""Who did what and when, read from the audit chain for the activity page.

Admins and coordinators read every entry; everyone else reads only their own. An entry is
turned into plain data through allow-lists: its record becomes a reference (a kind and an id,
never a name or a title — the page links it, and the record page decides through ``access_*``
whether the reader may open it), and of its ``detail`` only the keys below are kept (field
names, levels, roles, counts), never free text. Account names are shown: they are the staff's,
and the actor column shows them anyway; a name typed at a failed sign-in is shown only when such
an account exists (a password typed into the name field must not reach the page).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import User as Account
from django.db.models import QuerySet
from django.utils import timezone

from vigil.audit.chain import actor_label
from vigil.audit.models import AuditEvent
from vigil.cases.roles import COORDINATORS, User, role_of

# Record kinds the web UI can open, by the model name in ``object_type``.
RECORD_KINDS = {
    "case": "case",
    "person": "person",
    "organisation": "organisation",
    "event": "event",
    "followup": "followup",
    "source": "source",
    "intervention": "appeal",
}
# Detail keys holding the id of a record (linked) or of an account (named).
DETAIL_RECORDS = {"person": "person", "case": "case"}
DETAIL_ACCOUNTS = {"user"}
# Detail keys whose values are field names, levels, roles, numbers or flags: shown as they are.
DETAIL_SHOWN = (
    "fields",
    "role",
    "situation",
    "language",
    "section",
    "count",
    "position",
    "positions",
    "followups",
    "day",
    "with",
    "via",
    "days",
    "added",
    "removed",
    "level",
    "temporary",
)
# ``before``/``after`` are levels only in a level decision (elsewhere they may be roles of a person).
LEVEL_ACTIONS_SUFFIX = ".set_confidentiality"
# Actions whose ``object_id`` is a name typed at sign-in, not an account's id.
TYPED_NAME_ACTIONS = {"user.sign_in_failed", "user.locked_out", "user.unlock"}
ADMIN_ONLY_DETAIL = {"address"}
UNKNOWN_NAME = "unknown account"


@dataclass(frozen=True)
class Ref:
    """A record by kind and id (``kind`` is ``account`` for a user account, with its name)."""

    kind: str
    id: int
    name: str = ""


@dataclass(frozen=True)
class Entry:
    """One line of the activity page."""

    seq: int
    at: datetime
    actor: str
    action: str
    record: Ref | None
    other: str  # a record that cannot be opened from here (``suggestion #4``), or ""
    shown: list[tuple[str, str]] = field(default_factory=list)
    refs: list[tuple[str, Ref]] = field(default_factory=list)


@dataclass(frozen=True)
class Filters:
    """What the reader asked for; empty values mean "any"."""

    actor: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


def sees_everyone(user: User | None) -> bool:
    return role_of(user) in COORDINATORS


def visible_entries(user: User | None) -> QuerySet[AuditEvent]:
    """The entries ``user`` may read: all for admins and coordinators, else their own."""
    entries = AuditEvent.objects.all()
    if not sees_everyone(user):
        entries = entries.filter(actor=actor_label(user))
    return entries


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered(user: User | None, filters: Filters) -> QuerySet[AuditEvent]:
    """The visible entries matching ``filters``, newest first."""
    entries = visible_entries(user)
    if filters.actor and sees_everyone(user):
        entries = entries.filter(actor=filters.actor)
    if filters.action:
        if filters.action.endswith("."):
            entries = entries.filter(action__startswith=filters.action)
        else:
            entries = entries.filter(action=filters.action)
    if filters.since:
        entries = entries.filter(at__gte=start_of(filters.since))
    if filters.until:
        entries = entries.filter(at__lt=start_of(filters.until + timedelta(days=1)))
    return entries.order_by("-seq")


def actors(user: User | None) -> list[str]:
    """The actors a filter may name (everyone's for admins and coordinators, else one's own)."""
    found = visible_entries(user).order_by("actor").values_list("actor", flat=True).distinct()
    return list(found)


def actions(user: User | None) -> list[str]:
    found = visible_entries(user).order_by("action").values_list("action", flat=True).distinct()
    return list(found)


def as_id(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def shown_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(shown_value(v) for v in value)
    if isinstance(value, (int, float)) or value is None:
        return "" if value is None else str(value)
    return str(value)[:80]


class Reader:
    """Turns entries into :class:`Entry` rows for one reader (the account names read once)."""

    def __init__(self, user: User | None) -> None:
        self.is_admin = role_of(user) == "admin"
        self.names = dict(Account.objects.values_list("pk", "username"))
        self.by_name = {name: pk for pk, name in self.names.items()}

    def account(self, pk: int | None) -> Ref | None:
        if pk is None or pk not in self.names:
            return None
        return Ref("account", pk, self.names[pk])

    def record_of(self, event: AuditEvent) -> tuple[Ref | None, str]:
        app, _, model = event.object_type.partition(".")
        if event.object_type == "auth.user":
            if event.action in TYPED_NAME_ACTIONS:
                pk = self.by_name.get(event.object_id)
                return (self.account(pk) if pk is not None else None), (
                    "" if pk is not None else UNKNOWN_NAME
                )
            return self.account(as_id(event.object_id)), ""
        kind = RECORD_KINDS.get(model) if app in ("cases", "intake") else None
        number = as_id(event.object_id)
        if kind is not None and number is not None:
            return Ref(kind, number), ""
        if model and number is not None:
            return None, f"{model} #{number}"
        return None, model

    def details(self, event: AuditEvent) -> tuple[list[tuple[str, str]], list[tuple[str, Ref]]]:
        detail = event.detail if isinstance(event.detail, dict) else {}
        keys: list[str] = [k for k in DETAIL_SHOWN if k in detail]
        if event.action.endswith(LEVEL_ACTIONS_SUFFIX):
            keys += [k for k in ("before", "after") if k in detail]
        if self.is_admin:
            keys += [k for k in ADMIN_ONLY_DETAIL if detail.get(k)]
        shown = [(key, shown_value(detail[key])) for key in keys]
        refs: list[tuple[str, Ref]] = []
        for key, kind in DETAIL_RECORDS.items():
            number = as_id(detail.get(key))
            if number is not None:
                refs.append((key, Ref(kind, number)))
        for key in DETAIL_ACCOUNTS:
            found = self.account(as_id(detail.get(key)))
            if found is not None:
                refs.append((key, found))
        owner = self.by_name.get(str(detail.get("owner", "")))
        if owner is not None:
            refs.append(("owner", Ref("account", owner, self.names[owner])))
        return shown, refs

    def entries(self, events: Iterable[AuditEvent]) -> list[Entry]:
        rows = []
        for event in events:
            record, other = self.record_of(event)
            shown, refs = self.details(event)
            rows.append(Entry(event.seq, event.at, event.actor, event.action, record, other, shown, refs))
        return rows
