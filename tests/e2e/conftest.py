"""A store served on a loopback port for the browser tests, with an account per role, and
Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ROLES = ("coordinator", "editor", "viewer")


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = "Debian's Chromium is not installed (apt-get install chromium; .ci/run does it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """The served store: its address, the password of each account (``admin`` and one per role),
    and the ``vigil`` command on the same store (to add records while it is served)."""

    url: str
    vigil: Callable[..., str]
    passwords: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    """The demo store with a coordinator, an editor and a viewer, served on a free port."""
    require_chromium()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env["VIGIL_HOME"] = str(tmp_path / "store")

    def vigil(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "vigil.cli", *args], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    password = re.search(r"password: (\S+)", vigil("init", "--demo", "--insecure-key-in-home"))
    assert password is not None
    served = Served("", vigil, {"admin": password.group(1)})
    for role in ROLES:
        created = re.search(r"password: (\S+)", vigil("user", "create", role, "--role", role, "--permanent"))
        assert created is not None
        served.passwords[role] = created.group(1)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        served.url = f"http://127.0.0.1:{port}"
        yield served
    finally:
        process.terminate()
        try:  # gunicorn stops gracefully; on a loaded machine that can take more than 10 s
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def enrol_second_factor(page: Any) -> None:
    """An admin's or a coordinator's first sign-in: read the key as a person would type it into
    an app, answer with the app's current code, and pass the page of recovery codes."""
    from base64 import b32decode

    from django_otp.oath import totp

    page.wait_for_selector("code.secret")
    secret = page.inner_text("code.secret").replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("#id_token", f"{totp(key):06d}")
    page.click("form.login button[type=submit]")
    page.wait_for_selector("ol.codes")
    assert len(page.query_selector_all("ol.codes li")) == 10
    page.click("text=Continue")
