"""A short crash soak in the suite: ``scripts/soak_crash.py`` kills ``vigil ingest --accept
--jobs 2`` mid-ingest (on a chosen progress line) and checks the store after each kill; the
200-run version is ``make soak``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "soak_crash.py"


def test_kill_9_mid_ingest_leaves_a_whole_store(tmp_path: Path) -> None:
    report = tmp_path / "crash.txt"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "3", "--seed", "7", "--report", str(report)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 landed mid-ingest, 0 inconsistencies" in result.stdout
    lines = report.read_text().splitlines()
    assert all(": ok" in line for line in lines if line.startswith("run ")), lines
