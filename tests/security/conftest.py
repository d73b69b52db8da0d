"""Fixtures of the security suite: a command-line store made by the real ``vigil init``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Run = Callable[..., CompletedProcess[str]]


@pytest.fixture
def store(run_vigil: Run, vigil_home: Path) -> Path:
    run_vigil("init", check=True)
    return vigil_home
