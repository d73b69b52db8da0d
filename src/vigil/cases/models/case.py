"""Case: the defenders it is about, where, their situation, who owns it and who may see it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vigil.cases.models.confidentiality import Record
from vigil.cases.models.person import Person
from vigil.crypto.fields import EncryptedCharField, EncryptedTextField


class CaseSituation(models.TextChoices):
    """Where the defenders of a case stand now."""

    AT_RISK = "at_risk", "at risk"
    DETAINED = "detained", "detained"
    SENTENCED = "sentenced", "sentenced"
    RELEASED = "released", "released"
    IN_EXILE = "in_exile", "in exile"
    DISAPPEARED = "disappeared", "disappeared"
    KILLED = "killed", "killed"
    SAFE = "safe", "safe"
    CLOSED = "closed", "closed"


class Case(Record):
    """A case: one or more defenders facing one situation, followed over time."""

    title = EncryptedCharField(max_length=400)
    defenders = models.ManyToManyField(Person, related_name="cases", blank=True)
    country = models.CharField(max_length=2, blank=True)
    situation = models.CharField(max_length=12, choices=CaseSituation.choices, default=CaseSituation.AT_RISK)
    issues = models.JSONField(default=list, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_cases",
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="member_cases")
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_cases",
        help_text="Staff who follow the case day to day (set by a coordinator); assigning grants no access.",
    )
    summary = EncryptedTextField(blank=True, null=True)
    opened = models.DateField(null=True, blank=True)
    closed = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-opened", "-id"]
        indexes = [
            models.Index(fields=["updated_at"], name="case_updated"),
            models.Index(fields=["opened"], name="case_opened"),
        ]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def is_closed(self) -> bool:
        return self.closed is not None
