"""FollowUp: something to check on a date (an expected release, a hearing, a reply due)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vigil.cases.models.case import Case
from vigil.cases.models.confidentiality import Record
from vigil.cases.models.event import Event


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
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.due.isoformat()}"
