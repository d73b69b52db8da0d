"""Console output shared by the commands: errors on standard error, progress bars on batches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

err_console = Console(stderr=True, soft_wrap=True)


@contextmanager
def progress(total: int, label: str, *, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error; yields a function to call once per item."""
    if not enabled or not err_console.is_terminal:
        yield lambda: None
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
