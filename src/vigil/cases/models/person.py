"""Person and Affiliation: a defender (or anyone else in a case) and the bodies they belong to."""

from __future__ import annotations

from django.db import models

from vigil.cases.models.confidentiality import Record
from vigil.cases.models.organisation import Organisation
from vigil.crypto.fields import EncryptedTextField


class Gender(models.TextChoices):
    """Gender as the sources state it; unknown unless they do."""

    FEMALE = "female", "female"
    MALE = "male", "male"
    OTHER = "other", "other"
    UNKNOWN = "unknown", "unknown"


class Person(Record):
    """A person: names in every spelling and script, roles, country; notes kept encrypted."""

    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True)
    gender = models.CharField(max_length=8, choices=Gender.choices, default=Gender.UNKNOWN)
    roles = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=2, blank=True)
    contact_notes = EncryptedTextField(blank=True, null=True)
    risk_notes = EncryptedTextField(blank=True, null=True)
    organisations: models.ManyToManyField[Organisation, Affiliation] = models.ManyToManyField(
        Organisation, through="Affiliation", blank=True
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Affiliation(models.Model):
    """A person's tie to an organisation: the role held and since when."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="affiliations")
    role = models.CharField(max_length=200, blank=True)
    since = models.DateField(null=True, blank=True)

    class Meta:
        unique_together = [("person", "organisation", "role")]

    def __str__(self) -> str:
        return f"{self.person} — {self.role or 'member'} of {self.organisation}"
