"""Generate the CLI reference (docs/cli.md) from the code: ``python -m vigil.cli.reference``."""

from __future__ import annotations

import sys
from typing import Any

import typer.main

from vigil.cli.main import app

HEADER = """# Command reference

Generated from the code by `make docs` (`python -m vigil.cli.reference`); a test keeps it current.
Exit codes: 0 ok, 1 some input refused (or the audit chain is broken), 2 usage.
Every command acts on the store in `VIGIL_HOME` (default `~/.local/share/vigil`) as its operator,
unless `vigil --as USER ...` names an account.
"""


def walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    """Every command under ``command`` with its path of names (groups included)."""
    found = [(path, command)]
    for name in sorted(getattr(command, "commands", {})):
        found.extend(walk(command.commands[name], [*path, name]))
    return found


def option_line(param: Any) -> str:
    if param.param_type_name == "argument":
        helptext = f": {param.help}" if getattr(param, "help", None) else ""
        return f"- `{param.name.upper()}` (argument){helptext}"
    names = ", ".join(f"`{n}`" for n in param.opts)
    helptext = f": {param.help}" if param.help else ""
    return f"- {names}{helptext}"


def reference() -> str:
    root = typer.main.get_command(app)
    parts = [HEADER]
    for path, command in walk(root, ["vigil"]):
        if getattr(command, "commands", None) and len(path) > 1:
            continue
        title = " ".join(path)
        parts.append(f"## `{title}`\n")
        parts.append((command.help or "").strip().split("\n\n")[0] + "\n")
        params = [p for p in command.params if p.name != "help"]
        if params:
            parts.append("\n".join(option_line(p) for p in params) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(reference())
