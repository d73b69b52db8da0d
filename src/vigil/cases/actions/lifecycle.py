"""Closing and reopening a case, with the situation its defenders are left in."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from vigil.audit.chain import record, snapshot
from vigil.cases.actions.edits import EditError
from vigil.cases.actions.guard import require_writer
from vigil.cases.models import Case, CaseSituation
from vigil.cases.roles import User
from vigil.search.index import index_case


def do_close_case(case: Case, *, situation: str, acting_user: User | None, on: dt.date | None = None) -> None:
    """Close ``case`` (released, safe, killed...) on a date, today unless given."""
    require_writer(acting_user)
    if case.is_closed:
        raise EditError(f"case {case.pk} is already closed")
    if situation not in CaseSituation.values:
        raise EditError(f"unknown situation {situation!r}; choose one of {', '.join(CaseSituation.values)}")
    with transaction.atomic():
        before = snapshot(case)
        case.closed = on or timezone.localdate()
        case.situation = situation
        case.save(update_fields=["closed", "situation", "updated_at"])
        record(
            "case.close",
            acting_user=acting_user,
            instance=case,
            before=before,
            detail={"situation": situation},
        )
        index_case(case)


def do_reopen_case(case: Case, *, situation: str, acting_user: User | None) -> None:
    """Reopen a closed case, saying where its defenders stand now."""
    require_writer(acting_user)
    if not case.is_closed:
        raise EditError(f"case {case.pk} is open")
    if situation not in CaseSituation.values or situation == CaseSituation.CLOSED:
        raise EditError(f"an open case needs a situation other than closed, not {situation!r}")
    with transaction.atomic():
        before = snapshot(case)
        case.closed = None
        case.situation = situation
        case.save(update_fields=["closed", "situation", "updated_at"])
        record(
            "case.reopen",
            acting_user=acting_user,
            instance=case,
            before=before,
            detail={"situation": situation},
        )
        index_case(case)
