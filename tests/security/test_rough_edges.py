"""Rough edges that printed tracebacks or leaked: refusals are one line, a confidential e-mail
is neither addressed nor readable by others, ``serve`` takes ``localhost``."""

from __future__ import annotations

import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import key_file_of
from tests.security.conftest import Run


def test_a_viewers_appeal_edit_is_refused_in_one_line(run_vigil: Run, vigil_home: Path) -> None:
    run_vigil("init", "--demo", check=True)
    run_vigil("user", "create", "vera", "--role", "viewer", check=True)
    run_vigil("appeal", "render", "1", "-o", str(vigil_home.parent / "draft.html"), check=True)
    for command in (
        ("appeal", "edit", "1", "--section", "summary", "--text", "changed"),
        ("appeal", "demands", "1", "--demand", "Release her"),
        ("appeal", "advance", "1"),
    ):
        result = run_vigil("--as", "vera", *command)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_confidential_email_is_not_addressed_and_is_private(run_vigil: Run, vigil_home: Path) -> None:
    run_vigil("init", "--demo", check=True)
    eml = vigil_home.parent / "confidential.eml"
    run_vigil("appeal", "render", "1", "--format", "eml", "-o", str(eml), check=True)
    headers = eml.read_bytes().split(b"\n\n", 1)[0]
    assert b"\nTo:" not in headers and not headers.startswith(b"To:")
    assert stat.S_IMODE(eml.stat().st_mode) == 0o600


def test_serve_takes_localhost_and_refuses_a_name_in_one_line(run_vigil: Run, vigil_home: Path) -> None:
    run_vigil("init", check=True)
    bad = run_vigil("serve", "--host", "my-laptop.example")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        "VIGIL_HOME": str(vigil_home),
        "VIGIL_KEY_FILE": str(key_file_of(vigil_home)),
        "PATH": "/usr/bin:/bin",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "serve", "--host", "localhost", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None:
                break
            time.sleep(0.1)
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
    finally:
        server.terminate()
        try:  # gunicorn stops gracefully; on a loaded machine that can take more than 10 s
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
