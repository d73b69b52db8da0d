"""Possible matches: two records that may be one person (or one organisation), and the decision.

Vigil never merges on its own beyond an exact name in the same country: every other likeness is
recorded here with its score and reasons for a coordinator, who merges (undoably) or says "not
the same", which is remembered so the pair is not asked about again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from vigil.cases.models.organisation import Organisation
    from vigil.cases.models.person import Person


class MatchStatus(models.TextChoices):
    """Where a possible match stands."""

    PENDING = "pending", "to decide"
    MERGED = "merged", "merged"
    DISTINCT = "distinct", "not the same"


class PossibleMatch(models.Model):
    """A pair (older record on the left), its likeness, and what was decided."""

    score = models.FloatField()
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=MatchStatus.choices, default=MatchStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    undo = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class PersonMatch(PossibleMatch):
    """Two people who may be one."""

    left = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["left", "right"], name="person_match_pair")]
        ordering = ["-score", "id"]

    def __str__(self) -> str:
        return f"person {self.left_id} ~ person {self.right_id} ({self.status})"

    @property
    def sides(self) -> tuple[Person, Person]:
        return (self.left, self.right)


class OrganisationMatch(PossibleMatch):
    """Two organisations that may be one."""

    left = models.ForeignKey("cases.Organisation", on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey("cases.Organisation", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["left", "right"], name="organisation_match_pair")]
        ordering = ["-score", "id"]

    def __str__(self) -> str:
        return f"organisation {self.left_id} ~ organisation {self.right_id} ({self.status})"

    @property
    def sides(self) -> tuple[Organisation, Organisation]:
        return (self.left, self.right)
