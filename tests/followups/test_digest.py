"""The daily digest: sent over SMTP (a real server on loopback, aiosmtpd) to each account with
an address and something due, listing overdue and soon-due follow-ups it may see, naming no
one; ``vigil digest --dry-run`` prints the same e-mails and sends nothing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import key_file_of
from tests.factories import make_case, make_user
from tests.followups.smtp_sink import Keep, smtp_sink
from vigil.audit.models import AuditEvent
from vigil.cases.actions.entry import do_enter_followup
from vigil.cases.actions.followups import do_mark_done
from vigil.followups.digest import digests, do_send_digests

TODAY = dt.date(2025, 6, 10)


def with_address(name: str, role: str) -> object:
    user = make_user(name, role)
    user.email = f"{name}@example.org"
    user.save()
    return user


@pytest.fixture
def smtp(settings: Any) -> Iterator[Keep]:
    with smtp_sink() as (port, kept):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.VIGIL_BASE_URL = "https://vigil.example.org"
        yield kept


@pytest.mark.django_db
def test_each_person_is_sent_what_is_due_for_them_and_nothing_else(smtp: Keep) -> None:
    with_address("vera", "viewer")
    with_address("ada", "admin")
    make_user("nomail", "editor")
    case = make_case("Kenya: Amina Example detained", "restricted", defender="Amina Example")
    secret = make_case("Belarus: Hidden Witness", "confidential", defender="Hidden Witness")
    overdue = do_enter_followup(acting_user=None, case=case, kind="hearing", due=TODAY - dt.timedelta(days=2))
    soon = do_enter_followup(acting_user=None, case=case, kind="reply_due", due=TODAY + dt.timedelta(days=6))
    do_enter_followup(acting_user=None, case=case, kind="check_in", due=TODAY + dt.timedelta(days=30))
    done = do_enter_followup(acting_user=None, case=case, kind="act_before", due=TODAY - dt.timedelta(days=1))
    do_mark_done(done, outcome="sent", acting_user=None)
    hidden = do_enter_followup(acting_user=None, case=secret, kind="hearing", due=TODAY)

    sent = do_send_digests(TODAY)
    assert sorted(d.username for d in sent) == ["ada", "vera"]
    received = {m["To"]: m for m in smtp.messages}
    assert set(received) == {"ada@example.org", "vera@example.org"}
    vera = received["vera@example.org"]
    assert vera["Subject"] == "Vigil: 2 follow-ups due (1 overdue)"
    body = vera.get_content()
    assert f"overdue since {overdue.due}: Hearing — case {case.pk}" in body
    assert f"due {soon.due}: Reply due — case {case.pk}" in body
    assert f"https://vigil.example.org/cases/{case.pk}/" in body
    assert "Check-in" not in body and "Act before" not in body
    assert f"case {secret.pk}" not in body, "a confidential case the viewer is not named on"
    assert f"case {secret.pk}" in received["ada@example.org"].get_content()
    for message in smtp.messages:
        text = message.as_string()
        assert "Amina" not in text and "Hidden Witness" not in text
    assert hidden.pk
    entries = AuditEvent.objects.filter(action="digest.sent")
    assert {(e.object_id, e.detail["followups"]) for e in entries} == {("vera", 2), ("ada", 3)}


@pytest.mark.django_db
def test_no_one_is_written_to_when_nothing_is_due(smtp: Keep) -> None:
    with_address("vera", "viewer")
    case = make_case("Kenya: lawyer", "restricted", defender="Known Lawyer")
    do_enter_followup(acting_user=None, case=case, kind="hearing", due=TODAY + dt.timedelta(days=40))
    assert do_send_digests(TODAY) == [] and digests(TODAY) == []
    assert smtp.messages == []


def test_vigil_digest_prints_with_dry_run_and_sends_through_the_configured_server(
    run_vigil: Callable[..., subprocess.CompletedProcess[str]], vigil_home: Path
) -> None:
    from tests.fixtures import STEPPE_APPEAL

    run_vigil("init", check=True)
    run_vigil("user", "create", "maria", "--role", "editor", check=True)
    run_vigil("ingest", "--accept", str(STEPPE_APPEAL), check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env["VIGIL_HOME"] = str(vigil_home)
    env["VIGIL_KEY_FILE"] = str(key_file_of(vigil_home))
    script = (
        "import django; django.setup(); from django.contrib.auth.models import User;"
        "User.objects.filter(username='maria').update(email='maria@example.org')"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "vigil.settings.dev"},
        check=True,
        timeout=120,
    )
    due = run_vigil("due", check=True).stdout
    assert due.strip(), "the appeal's facts give follow-ups"
    day = "2025-03-27"
    dry = run_vigil("digest", "--dry-run", "--date", day, check=True).stdout
    assert "To: maria@example.org" in dry and "Subject: Vigil:" in dry and "Dana Example" not in dry
    assert "1 e-mails would be sent" in dry

    with smtp_sink() as (port, kept):
        result = subprocess.run(
            [sys.executable, "-m", "vigil.cli", "digest", "--date", day],
            env={
                **env,
                "VIGIL_SMTP_HOST": "127.0.0.1",
                "VIGIL_SMTP_PORT": str(port),
                "VIGIL_SMTP_SECURITY": "none",
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert "1 e-mails sent through 127.0.0.1" in result.stdout
    assert [m["To"] for m in kept.messages] == ["maria@example.org"]
    assert kept.messages[0]["Subject"] in dry

    refused = subprocess.run(
        [sys.executable, "-m", "vigil.cli", "digest", "--date", day],
        env={
            **env,
            "VIGIL_SMTP_HOST": "127.0.0.1",
            "VIGIL_SMTP_PORT": str(port),
            "VIGIL_SMTP_SECURITY": "none",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1 and "did not answer" in refused.stderr
