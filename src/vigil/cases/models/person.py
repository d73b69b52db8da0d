"""Person and Affiliation: a defender (or anyone else in a case) and the bodies they belong to."""

from __future__ import annotations

from django.db import models

from vigil.cases.models.confidentiality import Confidentiality, Record
from vigil.cases.models.organisation import Organisation
from vigil.crypto.fields import EncryptedCharField, EncryptedTextField


class Gender(models.TextChoices):
    """Gender as the sources state it; unknown unless they do."""

    FEMALE = "female", "female"
    MALE = "male", "male"
    OTHER = "other", "other"
    UNKNOWN = "unknown", "unknown"


class Person(Record):
    """A person: one primary name, every other spelling and script in ``names``, roles in
    ``roles`` (each at the level of its source), country; notes kept encrypted.

    A person merged into another keeps its row, pointing at the survivor, so a merge can be undone.
    """

    name = EncryptedCharField(max_length=300)
    gender = models.CharField(max_length=8, choices=Gender.choices, default=Gender.UNKNOWN)
    country = models.CharField(max_length=2, blank=True)
    contact_notes = EncryptedTextField(blank=True, null=True)
    risk_notes = EncryptedTextField(blank=True, null=True)
    organisations: models.ManyToManyField[Organisation, Affiliation] = models.ManyToManyField(
        Organisation, through="Affiliation", blank=True
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="absorbed"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.name)


class Affiliation(models.Model):
    """A person's tie to an organisation: the role held, since when, and the level of the
    source that said so (a tie read in a confidential document is itself confidential)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="affiliations")
    role = EncryptedCharField(max_length=200, blank=True)
    since = models.DateField(null=True, blank=True)
    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.RESTRICTED
    )
    source = models.ForeignKey(
        "cases.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.person} — {self.role or 'member'} of {self.organisation}"
