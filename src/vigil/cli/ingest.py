"""``vigil ingest``: read files, store each source with its suggestions, optionally accept them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.limits import (
    DEFAULT_MB,
    DEFAULT_MEMORY_MB,
    DEFAULT_PAGES,
    DEFAULT_SECONDS,
    DEFAULT_UNPACKED_MB,
    MaxMegabytes,
    MaxMemoryMegabytes,
    MaxPages,
    MaxSeconds,
    MaxUnpackedMegabytes,
    extract_config,
)
from vigil.cli.output import echo, print_error, progress
from vigil.intake.extracted import ExtractedFile, RefusedFile, read_isolated
from vigil_extract import ExtractConfig

if TYPE_CHECKING:
    from vigil.intake.store import IngestOutcome

LEVELS = ("public", "restricted", "confidential")
T = TypeVar("T")


def ingest(
    files: Annotated[list[Path], typer.Argument(help="Text, HTML, PDF or DOCX files.")],
    accept: Annotated[bool, typer.Option("--accept", help="Turn every suggestion into records.")] = False,
    confidentiality: Annotated[
        str, typer.Option("--confidentiality", help="public, restricted or confidential.")
    ] = "restricted",
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Processes that extract in parallel.")] = 1,
    max_mb: MaxMegabytes = DEFAULT_MB,
    max_pages: MaxPages = DEFAULT_PAGES,
    max_unpacked_mb: MaxUnpackedMegabytes = DEFAULT_UNPACKED_MB,
    timeout: MaxSeconds = DEFAULT_SECONDS,
    max_memory_mb: MaxMemoryMegabytes = DEFAULT_MEMORY_MB,
) -> None:
    """Store files as sources with their suggested facts. Exit 1 if any file was refused."""
    if confidentiality not in LEVELS:
        fail(
            f"unknown confidentiality {confidentiality!r}; choose one of {', '.join(LEVELS)}",
            code=2,
        )
    require_store()
    from vigil.cases.actions.guard import NotAllowed
    from vigil.intake.store import do_ingest

    user = acting_user()
    refused = 0
    store = partial(do_ingest, acting_user=user, confidentiality=confidentiality, accept=accept)
    with progress(len(files), "ingesting", enabled=len(files) > 1) as advance:
        config = extract_config(max_mb, max_pages, max_unpacked_mb, timeout, max_memory_mb=max_memory_mb)
        for group in batched(extracted_files(files, jobs, config), GROUP):
            try:
                stored, refused_here = store_group(group, store, confidentiality, advance)
            except NotAllowed as exc:
                fail(str(exc))
                return
            refused += refused_here
            for line in stored:
                echo(line)
    raise typer.Exit(1 if refused else 0)


GROUP = 25  # files stored in one transaction: one commit, one head write for all of them


def store_group(
    group: tuple[ExtractedFile | RefusedFile, ...],
    store: Callable[[ExtractedFile], IngestOutcome],
    confidentiality: str,
    advance: Callable[[], None],
) -> tuple[list[str], int]:
    """Store a group of files in one transaction, each in its own savepoint: a file the store
    refuses is rolled back alone. Returns the lines to print once committed (so a file is
    never reported stored before it is) and how many files were refused."""
    from django.db import DatabaseError, transaction

    lines, refused = [], 0
    with transaction.atomic():
        for item in group:
            advance()
            if isinstance(item, RefusedFile):
                refused += 1
                print_error(item.message)
                continue
            try:
                outcome = store(item)
            except DatabaseError as exc:
                # Rolled back whole; the message names the file, never the stored values.
                refused += 1
                print_error(f"{item.path}: the store refused it ({type(exc).__name__}); nothing was stored")
                continue
            lines.append(describe(outcome, confidentiality))
    return lines, refused


def describe(outcome: IngestOutcome, asked: str) -> str:
    """One line per stored file; a copy the user may not see reads like a new file, without numbers."""
    if outcome.withheld:
        return f"{outcome.path}: stored, {outcome.suggestions} suggestions"
    note = duplicate_note(outcome, asked) if outcome.duplicate else ""
    case = f", case {outcome.case_id}" if outcome.case_id else ""
    return f"{outcome.path}: source {outcome.source_id}{case}, {outcome.suggestions} suggestions{note}"


def duplicate_note(outcome: IngestOutcome, asked: str) -> str:
    """What ingesting a file already stored did (nothing), and what to do instead."""
    if outcome.deleted:
        return (
            " (already stored and deleted: nothing changed;"
            f" restore it with `vigil restore source {outcome.source_id}`)"
        )
    if outcome.level != asked:
        return (
            f" (already stored as {outcome.level}: nothing changed, not made {asked}; a coordinator changes"
            f" it with `vigil set-confidentiality source {outcome.source_id} {asked} --reason ...`)"
        )
    return " (already stored: nothing changed)"


def batched(items: Iterator[T], size: int) -> Iterator[tuple[T, ...]]:
    """``items`` in tuples of ``size`` (the last may be shorter), as they come."""
    group: list[T] = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield tuple(group)
            group = []
    if group:
        yield tuple(group)


def extracted_files(
    files: list[Path], jobs: int, config: ExtractConfig
) -> Iterator[ExtractedFile | RefusedFile]:
    """Extraction results in input order, each file read in a process of its own (``jobs`` at
    a time) that is killed if it overruns the time limit: a reader that hangs, dies or runs
    out of memory costs its own file only."""
    for outcome, _ in read_isolated(files, config, jobs=jobs):
        yield outcome
