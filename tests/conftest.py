"""Shared fixtures: paths to ../shared, a fresh store for command-line tests, users per role."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_7523c57377818e25.txt"
DEV_CORPUS = SHARED / "eval" / "dev"


def require_shared() -> None:
    """Tests that read ../shared skip with a reason outside CI, and fail in CI (never silent)."""
    if SEED.exists():
        return
    message = f"../shared is not beside the checkout ({SHARED} missing)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def own_audit_head(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's audit head file apart (the store key stays the session's; it is read once)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VIGIL_HOME", str(home))


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Client.force_login`` skips the password, so it skips the second factor too: the session
    gets an enrolled authenticator, as after a real verification; and being no sign-in, it
    leaves no ``user.sign_in`` entry. tests/security/test_signin.py and the browser test go
    through the real sign-in, enrolment, codes and audit entries."""
    from django.test import Client

    original = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django_otp import DEVICE_ID_SESSION_KEY

        from vigil.audit.signin import signed_in
        from vigil.cases.models import SealedTOTPDevice

        user_logged_in.disconnect(signed_in, dispatch_uid="vigil.audit.sign_in")
        try:
            original(self, user, backend)
        finally:
            user_logged_in.connect(signed_in, dispatch_uid="vigil.audit.sign_in")
        device = SealedTOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = SealedTOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def seed_path() -> Path:
    require_shared()
    return SEED


@pytest.fixture
def dev_corpus() -> Path:
    require_shared()
    return DEV_CORPUS


@pytest.fixture
def vigil_home(tmp_path: Path) -> Path:
    return tmp_path / "store"


def key_file_of(home: Path) -> Path:
    """Where ``run_vigil`` keeps a store's key: a key file outside the store, as on a server."""
    return home.parent / "keyring" / "vigil.key"


@pytest.fixture
def run_vigil(vigil_home: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``vigil`` command against a store of its own, its key in a file kept outside
    the store (``VIGIL_KEY_FILE``); tests/security covers the passphrase-wrapped key."""
    return runner_for(vigil_home)


def runner_for(vigil_home: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """The ``run_vigil`` of the store at ``vigil_home`` (for fixtures wider than one test)."""

    def run(
        *args: str, check: bool = False, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
        environment["VIGIL_HOME"] = str(vigil_home)
        environment["VIGIL_KEY_FILE"] = str(key_file_of(vigil_home))
        environment.update(env or {})
        environment = {k: v for k, v in environment.items() if v}
        result = subprocess.run(
            [sys.executable, "-m", "vigil.cli", *args],
            capture_output=True,
            text=True,
            env=environment,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"vigil {' '.join(args)} exited {result.returncode}: {result.stderr}")
        return result

    return run
