"""The web UI in a real browser (Debian's Chromium driven by Playwright): sign in, see the demo
case, open it, fetch its appeal — with no Content-Security-Policy violation on the way."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
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


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A demo store served on a free loopback port; yields its URL and the admin's password."""
    require_chromium()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env["VIGIL_HOME"] = str(tmp_path / "store")
    init = subprocess.run(
        [sys.executable, "-m", "vigil.cli", "init", "--demo", "--insecure-key-in-home"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    password = re.search(r"password: (\S+)", init.stdout)
    assert password is not None
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", password.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


def enrol_second_factor(page: Any) -> None:
    """An admin's first sign-in: read the key as a person would type it into an app, answer
    with the app's current code, and pass the page of recovery codes."""
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


def test_sign_in_open_the_demo_case_and_fetch_its_appeal(server: tuple[str, str], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url, password = server
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(url + "/")
        assert page.url.startswith(url + "/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        enrol_second_factor(page)
        page.wait_for_url(url + "/")
        assert "Aigerim Tokonova" in page.content()
        page.click("text=Kyrgyzstan: Woman human rights defender Aigerim Tokonova")
        page.wait_for_selector("h2:has-text('Appeal')")
        assert "Article 91 of the Code of Offences" in page.content()
        page.screenshot(path=str(tmp_path / "case.png"))
        page.click("text=Download the current appeal")
        with page.expect_download() as download:
            page.click("a[href$='appeal.pdf?lang=ru']")
        saved = tmp_path / "appeal.pdf"
        download.value.save_as(saved)
        assert saved.read_bytes().startswith(b"%PDF-")
        browser.close()
    assert problems == []
