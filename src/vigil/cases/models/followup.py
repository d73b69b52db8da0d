"""FollowUp: something to check on a date (an expected release, a hearing, a reply due)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from vigil.cases.models.case import Case
from vigil.cases.models.confidentiality import Record
from vigil.cases.models.event import Event
from vigil.crypto.fields import EncryptedCharField, EncryptedTextField


class FollowUpKind(models.TextChoices):
    """Why a date needs watching."""

    EXPECTED_RELEASE = "expected_release", "expected release"
    HEARING = "hearing", "hearing"
    REPLY_DUE = "reply_due", "reply due"
    ACT_BEFORE = "act_before", "act before"
    CHECK_IN = "check_in", "check-in"


class FollowUpStatus(models.TextChoices):
    """Whether a follow-up is still to do."""

    OPEN = "open", "open"
    DONE = "done", "done"
    CANCELLED = "cancelled", "cancelled"


class FollowUp(Record):
    """A dated task on a case, derived from an event or entered by hand."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="followups")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="followups"
    )
    kind = models.CharField(max_length=20, choices=FollowUpKind.choices)
    due = models.DateField()
    status = models.CharField(max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = EncryptedCharField(max_length=300, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    outcome = EncryptedTextField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)
    snooze_reason = EncryptedTextField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["status", "due"], name="followup_status_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.due.isoformat()}"

    @property
    def watch_from(self) -> dt.date:
        """The day it needs looking at: its due date, or later if it was snoozed."""
        if self.snoozed_until is not None and self.snoozed_until > self.due:
            return self.snoozed_until
        return self.due

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == FollowUpStatus.OPEN and self.watch_from < today
