"""Docs are tested: the CLI reference is generated from the code; settings and audit actions appear."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from vigil.cli.reference import reference

DOCS = ROOT / "docs"


def test_cli_reference_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == reference(), "run `make docs`"


def test_every_environment_setting_is_documented() -> None:
    used = set()
    for path in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r"\b(VIGIL_[A-Z_]+)\b", path.read_text(encoding="utf-8")))
    documented = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert {name for name in used if name not in documented} == set()


def test_every_audit_action_is_documented() -> None:
    actions = set()
    for path in (ROOT / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        actions |= set(re.findall(r'record\(\s*"([a-z_]+\.[a-z_]+)"', text))
        actions |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', text))
    documented = (DOCS / "security-model.md").read_text(encoding="utf-8")
    assert actions and {a for a in actions if f"`{a}`" not in documented} == set()
