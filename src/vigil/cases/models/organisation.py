"""Organisation: an NGO, an initiative, a state body, a court, a party or a non-state group."""

from __future__ import annotations

from django.db import models

from vigil.cases.models.confidentiality import Record
from vigil.crypto.fields import EncryptedCharField


class OrganisationKind(models.TextChoices):
    """What sort of body an organisation is."""

    NGO = "ngo", "NGO"
    INITIATIVE = "initiative", "initiative"
    STATE_BODY = "state_body", "state body"
    COURT = "court", "court"
    PARTY = "party", "political party"
    NON_STATE = "non_state", "non-state group"
    OTHER = "other", "other"


class Organisation(Record):
    """A named body that defenders belong to, or that acts against them; other spellings and
    short names in ``names``."""

    name = EncryptedCharField(max_length=300)
    country = models.CharField(max_length=2, blank=True)
    kind = models.CharField(max_length=12, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="absorbed"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.name)
