"""The publisher's profile (letterhead, boards, registration footer) and the authorities registry."""

from __future__ import annotations

from django.db import models


class OrganisationProfile(models.Model):
    """Who publishes the appeals: name, offices for the letterhead, boards and footer.

    A store has one profile; :meth:`current` returns it (or an empty one to fill in).
    """

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True)
    offices = models.JSONField(
        default=list,
        blank=True,
        help_text="List of offices: {label, city, address: [lines], email, web, phone, fax}",
    )
    board_title = models.CharField(max_length=120, default="Board of Directors")
    board = models.JSONField(default=list, blank=True)
    advisory_title = models.CharField(max_length=120, default="International Advisory Council")
    advisory = models.JSONField(default=list, blank=True)
    registration = models.TextField(blank=True, help_text="The registration footer, as printed.")
    logo_svg = models.TextField(blank=True, help_text="An SVG logo, embedded in every rendering.")
    email = models.EmailField(blank=True, help_text="Sender of the e-mail version.")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> OrganisationProfile:
        return cls.objects.order_by("id").first() or cls(name="Your organisation")


class Authority(models.Model):
    """An addressee of appeals: who, in which institution, how to reach them."""

    country = models.CharField(max_length=2)
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200)
    institution = models.CharField(max_length=300, blank=True)
    postal_address = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    fax = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["country", "id"]
        verbose_name_plural = "authorities"

    def __str__(self) -> str:
        return f"{self.title} ({self.country})"

    def as_addressee(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "institution": self.institution,
            "postal_address": self.postal_address,
            "email": self.email,
            "fax": self.fax,
        }
