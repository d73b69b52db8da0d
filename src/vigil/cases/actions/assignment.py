"""Who follows a case day to day: a coordinator assigns staff to it, with its audit entry.

Assigning is not sharing: an assignee must already be able to read the case (a confidential
case only its owner and members), so an assignment never widens who sees what.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User as Account
from django.db import transaction

from vigil.audit.chain import record
from vigil.cases.access import readable_cases
from vigil.cases.actions.guard import require_coordinator
from vigil.cases.models import Case
from vigil.cases.roles import STAFF_READERS, User, role_of


class AssignmentError(ValueError):
    """The account cannot follow this case (no staff role, disabled, or may not read it)."""


def check_assignee(case: Case, account: Account) -> None:
    if not account.is_active:
        raise AssignmentError(f"{account.get_username()} is disabled")
    if role_of(account) not in STAFF_READERS:
        raise AssignmentError(
            f"{account.get_username()} has no staff role (an analyst reads aggregates only)"
        )
    if not readable_cases(account).filter(pk=case.pk).exists():
        raise AssignmentError(
            f"{account.get_username()} may not read this case: add them to it before assigning them"
        )


def eligible_assignees(case: Case) -> list[Account]:
    """Active staff accounts that may read ``case``, by username."""
    accounts = Account.objects.filter(is_active=True).order_by("username")
    found = []
    for account in accounts:
        try:
            check_assignee(case, account)
        except AssignmentError:
            continue
        found.append(account)
    return found


def do_set_assignees(case: Case, accounts: Iterable[Account], *, acting_user: User | None) -> None:
    """Make ``accounts`` the case's assignees (adding and removing), one audit entry for the change."""
    require_coordinator(acting_user, "assign cases")
    wanted = list(dict.fromkeys(accounts))
    for account in wanted:
        check_assignee(case, account)
    with transaction.atomic():
        before = sorted(case.assignees.values_list("username", flat=True))
        case.assignees.set(wanted)
        after = sorted(a.get_username() for a in wanted)
        if before != after:
            record(
                "case.assign",
                acting_user=acting_user,
                instance=case,
                detail={"before": before, "after": after},
            )
