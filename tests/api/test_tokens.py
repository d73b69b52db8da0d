"""Bearer tokens: shown once, stored hashed, refused when absent, wrong, expired, revoked or
when the account is disabled; issuing and revoking are in the audit chain."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from tests.api.conftest import bearer, token_for
from tests.factories import make_user
from vigil.api.models import ApiToken
from vigil.api.tokens import TokenError, do_create_token, do_revoke_token
from vigil.audit.models import AuditEvent
from vigil.cases.actions.guard import NotAllowed

pytestmark = pytest.mark.django_db


def test_a_token_is_stored_only_as_its_hash() -> None:
    user = make_user("vera", "viewer")
    token, value = do_create_token(user, label="laptop", acting_user=None)
    assert value.startswith("vigil_api_") and len(value) > 40
    assert token.digest != value and value not in token.digest
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        stored = " ".join(str(cell) for row in cursor.fetchall() for cell in row)
    assert value not in stored
    assert token.prefix in stored and value.startswith(token.prefix)


def test_a_live_token_acts_as_its_account() -> None:
    user = make_user("vera", "viewer")
    answer = bearer(token_for(user)).get("/api/v1/me")
    assert answer.status_code == 200
    assert answer.json() == {"username": "vera", "role": "viewer"}
    assert "no-store" in answer["Cache-Control"]


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer vigil_api_not-a-token", "Basic dmVyYTpwYXNzd29yZA==", "Token abc"],
    ids=["no header", "empty bearer", "unknown token", "basic auth", "other scheme"],
)
def test_a_call_without_a_valid_token_is_401(header: str | None) -> None:
    client = bearer(None)
    if header is not None:
        client.defaults["HTTP_AUTHORIZATION"] = header
    answer = client.get("/api/v1/cases")
    assert answer.status_code == 401
    assert answer.json() == {"detail": "Unauthorized"}


def test_a_session_cookie_does_not_open_the_api() -> None:
    from tests.factories import signed_in_client

    assert signed_in_client(make_user("ada", "admin")).get("/api/v1/cases").status_code == 401


def test_a_revoked_token_is_refused_and_the_revocation_is_audited() -> None:
    user = make_user("vera", "viewer")
    token, value = do_create_token(user, label="phone", acting_user=None)
    assert bearer(value).get("/api/v1/me").status_code == 200
    assert do_revoke_token(token, acting_user=user) is True
    assert bearer(value).get("/api/v1/me").status_code == 401
    assert do_revoke_token(token, acting_user=user) is False
    actions = list(AuditEvent.objects.filter(object_type="api.apitoken").values_list("action", flat=True))
    assert actions == ["token.create", "token.revoke"]


def test_an_expired_token_is_refused() -> None:
    user = make_user("vera", "viewer")
    token, value = do_create_token(user, label="old", days=1, acting_user=None)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert bearer(value).get("/api/v1/me").status_code == 401


def test_disabling_the_account_stops_its_tokens() -> None:
    user = make_user("vera", "viewer")
    value = token_for(user)
    user.is_active = False
    user.save()
    assert bearer(value).get("/api/v1/me").status_code == 401


def test_a_token_takes_its_accounts_current_role() -> None:
    from django.contrib.auth.models import Group

    user = make_user("eddie", "editor")
    value = token_for(user)
    assert bearer(value).get("/api/v1/me").json()["role"] == "editor"
    user.groups.set([Group.objects.get(name="viewer")])
    assert bearer(value).get("/api/v1/me").json()["role"] == "viewer"


def test_only_an_admin_issues_tokens_and_only_owner_or_admin_revokes() -> None:
    editor, other = make_user("eddie", "editor"), make_user("olga", "viewer")
    with pytest.raises(NotAllowed):
        do_create_token(editor, label="self-issued", acting_user=editor)
    token, _value = do_create_token(editor, label="ok", acting_user=make_user("ada", "admin"))
    with pytest.raises(NotAllowed):
        do_revoke_token(token, acting_user=other)
    assert do_revoke_token(token, acting_user=editor) is True


def test_a_lifetime_out_of_range_is_refused() -> None:
    user = make_user("vera", "viewer")
    for days in (0, 400):
        with pytest.raises(TokenError):
            do_create_token(user, label="x", days=days, acting_user=None)
    assert not ApiToken.objects.exists()


def test_last_use_is_written_at_most_once_a_minute() -> None:
    user = make_user("vera", "viewer")
    token, value = do_create_token(user, label="busy", acting_user=None)
    client = bearer(value)
    client.get("/api/v1/me")
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    client.get("/api/v1/me")
    assert first is not None and ApiToken.objects.get(pk=token.pk).last_used_at == first
