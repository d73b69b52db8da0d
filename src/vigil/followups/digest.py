"""The daily e-mail of what is due: for each active account with an address, its open
follow-ups that are overdue or due within a week, sent through Django's e-mail backend to the
organisation's SMTP server. Nothing is sent to someone with nothing due.

Like the calendar feed, the e-mail names no one (``followups.wording``): it crosses mail
servers Vigil does not control. Each e-mail sent is recorded in the audit chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User as Account
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from vigil.audit.chain import record
from vigil.cases.access import readable_followups
from vigil.cases.models import FollowUp
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import role_of
from vigil.followups.state import state_of
from vigil.followups.wording import case_url, followup_label

DUE = ("overdue", "due soon")


@dataclass(frozen=True)
class Digest:
    """One person's e-mail: to whom, its subject and its text, and how many follow-ups it lists."""

    username: str
    to: str
    subject: str
    body: str
    count: int


def due_for(user: Account, today: dt.date) -> list[FollowUp]:
    """Open follow-ups ``user`` may see that are overdue or due within a week, earliest first."""
    followups = readable_followups(user).filter(status=FollowUpStatus.OPEN).select_related("case")
    return sorted((f for f in followups if state_of(f, today) in DUE), key=lambda f: (f.watch_from, f.pk))


def line(followup: FollowUp, today: dt.date, base_url: str) -> str:
    state = state_of(followup, today)
    when = f"{state} since {followup.watch_from}" if state == "overdue" else f"due {followup.watch_from}"
    return f"- {when}: {followup_label(followup)}\n  {case_url(base_url, followup)}"


def digest_for(user: Account, today: dt.date, base_url: str) -> Digest | None:
    """``user``'s e-mail for ``today``, or None when nothing is due."""
    due = due_for(user, today)
    if not due:
        return None
    overdue = sum(1 for f in due if state_of(f, today) == "overdue")
    subject = f"Vigil: {len(due)} follow-up{'s' if len(due) > 1 else ''} due ({overdue} overdue)"
    lines = [
        f"Follow-ups for {user.get_username()} on {today.isoformat()}:",
        "",
        *(line(f, today, base_url) for f in due),
        "",
        "Mark each done or snooze it in Vigil. You receive this e-mail because follow-ups of",
        "cases you may see are due; it names no one on purpose.",
    ]
    return Digest(user.get_username(), user.email, subject, "\n".join(lines) + "\n", len(due))


def recipients() -> list[Account]:
    """Active accounts with a role and an e-mail address."""
    accounts = Account.objects.filter(is_active=True).exclude(email="").order_by("username")
    return [a for a in accounts if role_of(a) is not None]


def digests(today: dt.date, base_url: str | None = None) -> list[Digest]:
    base = base_url or settings.VIGIL_BASE_URL
    found = (digest_for(account, today, base) for account in recipients())
    return [d for d in found if d is not None]


def do_send_digests(today: dt.date, *, base_url: str | None = None) -> list[Digest]:
    """Send today's e-mails over one SMTP connection; each one sent is recorded in the audit chain."""
    prepared = digests(today, base_url)
    if not prepared:
        return []
    sent = []
    with get_connection() as connection:
        for digest in prepared:
            message = EmailMessage(digest.subject, digest.body, to=[digest.to], connection=connection)
            message.send()
            with transaction.atomic():
                record(
                    "digest.sent",
                    acting_user=None,
                    object_type="auth.user",
                    object_id=digest.username[:64],
                    detail={"followups": digest.count, "day": today.isoformat()},
                )
            sent.append(digest)
    return sent
