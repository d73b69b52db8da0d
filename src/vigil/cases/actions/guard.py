"""Checks every action makes before it writes."""

from __future__ import annotations

from vigil.cases.roles import User, can_decide, can_write


class NotAllowed(Exception):
    """The acting user's role does not allow this write."""


def require_writer(acting_user: User | None) -> None:
    if not can_write(acting_user):
        raise NotAllowed("this account may not change records")


def require_coordinator(acting_user: User | None, what: str) -> None:
    if not can_decide(acting_user):
        raise NotAllowed(f"only a coordinator or an admin may {what}")
