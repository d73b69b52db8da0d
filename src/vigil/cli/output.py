"""Console output shared by the commands: errors on standard error, progress bars on batches,
and the neutralising of text that came from documents or users before it reaches a terminal.

A title read from a hostile document may hold terminal escape sequences (which can rewrite
the screen or the window title) or Rich markup such as ``[/]`` (which Rich would interpret,
and refuse, when printed). :func:`plain` replaces control and direction-override characters;
:func:`markup_safe` also escapes markup, for text printed through a Rich console.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

err_console = Console(stderr=True, soft_wrap=True)

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and
# isolates that make text display in another order than it is stored.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def plain(text: object) -> str:
    """``text`` as a string with every control or direction-override character replaced."""
    return UNSAFE.sub(REPLACEMENT, str(text))


def markup_safe(text: object) -> str:
    """``text`` neutralised for a Rich console: controls replaced, markup escaped."""
    return escape(plain(text))


@contextmanager
def progress(total: int, label: str, *, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error; yields a function to call once per item. When
    standard error is not a terminal (a log, a service's journal), one plain line per item."""
    if not enabled:
        yield lambda: None
        return
    if not err_console.is_terminal:
        done = 0

        def line() -> None:
            nonlocal done
            done += 1
            typer.echo(f"{label} {done}/{total}", err=True)

        yield line
        return
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def echo(text: object = "", *, err: bool = False) -> None:
    """``typer.echo`` of :func:`plain` text: what every command prints that a document could hold."""
    typer.echo(plain(text), err=err)


def print_error(message: str) -> None:
    """One red ``error`` line on standard error, the message neutralised."""
    err_console.print(f"[red]error[/red] {markup_safe(message)}", highlight=False)


def write_output(path: Path, data: bytes, *, public: bool) -> None:
    """Write a rendering or export; anything not public is readable by its owner only (0600)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644 if public else 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        if not public:
            os.fchmod(handle.fileno(), 0o600)  # an existing file keeps its mode through O_TRUNC
        handle.write(data)
