"""CalendarFeed: the secret address of one person's calendar of follow-ups.

Whoever holds the address reads the feed, without signing in (calendar programs cannot), so the
address is a secret kept only as a hash (``crypto.secrets``), one live feed per account,
revocable at once, and the feed itself carries no names (see ``followups.calendar``).
"""

from __future__ import annotations

from vigil.crypto.secrets import RevocableSecret


class CalendarFeed(RevocableSecret):
    """One account's calendar feed address."""

    class Meta(RevocableSecret.Meta):
        pass
