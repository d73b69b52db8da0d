"""The names a person or an organisation is known by, each with its level and blocking keys.

Every spelling (in any script) is a row: it keeps the confidentiality of the source it was
learnt from, so a spelling read in a confidential document is never shown or indexed as public.
The keys are keyed hashes (a blind index) of the keys in ``vigil.cases.names``: candidates are
found by indexed equality, and the keys show nothing beyond the ``name`` column beside them
(which the whole-database encryption covers on SQLite); they keep working if that column is
encrypted by the application too.
"""

from __future__ import annotations

from django.db import models

from vigil.cases.models.confidentiality import Confidentiality
from vigil.crypto.fields import EncryptedCharField


class KnownName(models.Model):
    """One spelling of a record's name: its script, level, source and blocking keys."""

    name = EncryptedCharField(max_length=300)
    script = models.CharField(max_length=4, blank=True)
    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.RESTRICTED
    )
    source = models.ForeignKey(
        "cases.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    exact_key = models.CharField(max_length=32, db_index=True)
    skeleton_key = models.CharField(max_length=32, db_index=True)
    phonetic_key = models.CharField(max_length=32, db_index=True)
    initial_key = models.CharField(max_length=32, blank=True, db_index=True)
    initialled = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.name)


class PersonName(KnownName):
    """A spelling of a person's name."""

    person = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="names")

    class Meta:
        ordering = ["id"]


class OrganisationName(KnownName):
    """A spelling of an organisation's name, or a short name it carries ("Feminita")."""

    organisation = models.ForeignKey("cases.Organisation", on_delete=models.CASCADE, related_name="names")

    class Meta:
        ordering = ["id"]


class PersonRole(models.Model):
    """A role a source gives a person ("journalist", "lawyer"), at that source's level."""

    person = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="roles")
    role = EncryptedCharField(max_length=200)
    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.RESTRICTED
    )
    source = models.ForeignKey(
        "cases.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.role)
