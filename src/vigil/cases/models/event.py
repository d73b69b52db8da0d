"""Event: what happened to whom, when (with its precision), where, by whom, under which law."""

from __future__ import annotations

from django.db import models

from vigil.cases.models.case import Case
from vigil.cases.models.confidentiality import Record
from vigil.cases.models.organisation import Organisation
from vigil.cases.models.person import Person
from vigil.cases.models.source import Source
from vigil.cases.vocabulary import event_type_choices
from vigil.crypto.fields import EncryptedCharField, EncryptedTextField


class DatePrecision(models.TextChoices):
    """How much of an event's date is known."""

    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"
    RANGE = "range", "range"


class Penalty(models.TextChoices):
    """What a detention or a sentence consists of: the seed's "10 days of administrative arrest"."""

    ADMINISTRATIVE_ARREST = "administrative_arrest", "administrative arrest"
    PRETRIAL_DETENTION = "pretrial_detention", "pre-trial detention"
    IMPRISONMENT = "imprisonment", "imprisonment"
    SUSPENDED = "suspended", "suspended sentence"
    HOUSE_ARREST = "house_arrest", "house arrest"
    RESTRICTED_FREEDOM = "restricted_freedom", "restriction of freedom"
    FINE = "fine", "fine"


class Event(Record):
    """One happening in a case, linked to the sources that report it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=24, choices=event_type_choices())
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=6, choices=DatePrecision.choices, default=DatePrecision.DAY)
    date_end = models.DateField(null=True, blank=True)
    place = EncryptedCharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, blank=True)
    perpetrator_text = EncryptedCharField(max_length=300, blank=True)
    perpetrator = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    victims = models.ManyToManyField(Person, related_name="events", blank=True)
    victim_organisations = models.ManyToManyField(
        Organisation,
        related_name="events_suffered",
        blank=True,
        help_text="Organisations the event happened to (an initiative's event attacked, its office raided).",
    )
    conduct = models.CharField(
        max_length=300, blank=True, help_text="The conduct charged or punished, as the source words it."
    )
    penalty = models.CharField(max_length=24, choices=Penalty.choices, blank=True)
    detention_place = EncryptedCharField(max_length=300, blank=True)
    legal_basis = EncryptedCharField(max_length=300, blank=True)
    duration = EncryptedCharField(max_length=100, blank=True)
    outcome = EncryptedCharField(max_length=300, blank=True)
    description = EncryptedTextField(blank=True, null=True)
    sources: models.ManyToManyField[Source, EventSource] = models.ManyToManyField(
        Source, through="EventSource", related_name="events"
    )

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["date"], name="event_date")]

    def __str__(self) -> str:
        return f"{self.date_display()} {self.type}"

    def date_display(self) -> str:
        if self.date is None:
            return "undated"
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.date_precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


class EventSource(models.Model):
    """Where a source reports an event: the evidence span in the source's text."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"event {self.event_id} in source {self.source_id} [{self.start}:{self.end}]"

    def excerpt(self) -> str:
        return self.source.excerpt(self.start, self.end)
