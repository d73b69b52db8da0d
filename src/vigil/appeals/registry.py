"""Writing the authorities registry and the organisation profile (with their audit entries)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from vigil.appeals.models import Authority, OrganisationProfile
from vigil.audit.chain import record, snapshot
from vigil.cases.actions.guard import require_writer
from vigil.cases.roles import User


def do_add_authority(*, acting_user: User | None, **fields: Any) -> Authority:
    require_writer(acting_user)
    with transaction.atomic():
        authority = Authority.objects.create(**fields)
        record("authority.create", acting_user=acting_user, instance=authority)
    return authority


def do_set_profile(*, acting_user: User | None, **fields: Any) -> OrganisationProfile:
    """Create or replace the organisation's profile."""
    require_writer(acting_user)
    with transaction.atomic():
        profile = OrganisationProfile.objects.order_by("id").first() or OrganisationProfile()
        for key, value in fields.items():
            setattr(profile, key, value)
        profile.save()
        record("organisationprofile.change", acting_user=acting_user, instance=profile)
    return profile


def do_change_authority(authority: Authority, *, acting_user: User | None, **fields: Any) -> None:
    """Correct an addressee (a new prosecutor general, a new e-mail address)."""
    require_writer(acting_user)
    with transaction.atomic():
        before = snapshot(authority)
        for key, value in fields.items():
            setattr(authority, key, value)
        authority.save()
        record("authority.change", acting_user=acting_user, instance=authority, before=before)


def do_delete_authority(authority: Authority, *, acting_user: User | None) -> None:
    """Remove an addressee; drafts already composed keep the addressees they were given."""
    require_writer(acting_user)
    with transaction.atomic():
        record("authority.delete", acting_user=acting_user, instance=authority)
        authority.delete()
