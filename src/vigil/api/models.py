"""ApiToken: a bearer token that lets a program act as one account, stored only as a hash.

The token is shown once, when it is created (see ``crypto.secrets``). It acts with its
account's role at each request, so re-roling or disabling the account changes what the token
may do at once; it stops at its expiry date or when revoked, whichever comes first.
"""

from __future__ import annotations

from django.db import models

from vigil.crypto.secrets import RevocableSecret


class ApiToken(RevocableSecret):
    """One account's token for the API."""

    expires_at = models.DateTimeField()

    class Meta(RevocableSecret.Meta):
        pass
