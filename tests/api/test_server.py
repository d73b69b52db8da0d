"""``vigil serve``: the production server (gunicorn and WhiteNoise) answers the web UI, the
API and static files on loopback with the secure settings, refuses other hosts, stops cleanly;
the development server refuses to run in production."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.followups.smtp_sink import free_port

Run = Callable[..., subprocess.CompletedProcess[str]]


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(port: int) -> None:
    for _ in range(300):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


@pytest.fixture
def production(run_vigil: Run, vigil_home: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    from tests.conftest import key_file_of

    run_vigil("init", check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env.update(
        VIGIL_HOME=str(vigil_home),
        VIGIL_KEY_FILE=str(key_file_of(vigil_home)),
        VIGIL_ENV="production",
        VIGIL_ALLOWED_HOSTS="127.0.0.1",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(port)
        yield f"http://127.0.0.1:{port}", server
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=10)


def test_the_production_server_answers_with_secure_settings_and_stops_cleanly(
    production: tuple[str, subprocess.Popen[str]],
) -> None:
    url, server = production
    status, headers, body = fetch(f"{url}/login/")
    assert status == 200 and b"<form" in body
    assert "Secure" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, headers, _ = fetch(f"{url}/login/", {"X-Forwarded-Proto": "https"})
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")

    status, headers, body = fetch(f"{url}/static/ninja/swagger-ui.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and len(body) > 100_000
    assert "max-age=3600" in headers["Cache-Control"]
    assert fetch(f"{url}/static/web/vigil.css")[0] == 200

    status, _, body = fetch(f"{url}/api/v1/cases")
    assert status == 401 and body == b'{"detail": "Unauthorized"}'
    assert fetch(f"{url}/login/", {"Host": "intruder.example"})[0] == 400

    server.send_signal(signal.SIGTERM)
    output, _ = server.communicate(timeout=20)
    assert server.returncode == 0
    assert "production, behind TLS" in output
    assert "GET /login/" not in output, "no access log"


def test_the_development_server_refuses_production(run_vigil: Run) -> None:
    run_vigil("init", check=True)
    refused = run_vigil("serve", "--dev", env={"VIGIL_ENV": "production"})
    assert refused.returncode == 2 and "never serves production" in refused.stderr
