"""``vigil ingest``: read files, store each source with its suggestions, optionally accept them."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vigil.cli.context import acting_user, fail, require_store
from vigil.cli.limits import (
    DEFAULT_MB,
    DEFAULT_PAGES,
    DEFAULT_SECONDS,
    DEFAULT_UNPACKED_MB,
    MaxMegabytes,
    MaxPages,
    MaxSeconds,
    MaxUnpackedMegabytes,
    extract_config,
)
from vigil.cli.output import err_console, progress

if TYPE_CHECKING:
    from vigil.intake.store import IngestOutcome

LEVELS = ("public", "restricted", "confidential")


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
) -> None:
    """Store files as sources with their suggested facts. Exit 1 if any file was refused."""
    if confidentiality not in LEVELS:
        fail(
            f"unknown confidentiality {confidentiality!r}; choose one of {', '.join(LEVELS)}",
            code=2,
        )
    require_store()
    from vigil.cases.actions.guard import NotAllowed
    from vigil.intake.extracted import RefusedFile, read_for_intake
    from vigil.intake.store import do_ingest

    user = acting_user()
    refused = 0
    with progress(len(files), "ingesting", enabled=len(files) > 1) as advance:
        reader = partial(read_for_intake, config=extract_config(max_mb, max_pages, max_unpacked_mb, timeout))
        for item in extracted_files(files, jobs, reader):
            advance()
            if isinstance(item, RefusedFile):
                refused += 1
                err_console.print(f"[red]error[/red] {item.message}", highlight=False)
                continue
            try:
                outcome = do_ingest(item, acting_user=user, confidentiality=confidentiality, accept=accept)
            except NotAllowed as exc:
                fail(str(exc))
                return
            note = duplicate_note(outcome, confidentiality) if outcome.duplicate else ""
            case = f", case {outcome.case_id}" if outcome.case_id else ""
            typer.echo(
                f"{item.path}: source {outcome.source_id}{case}, {outcome.suggestions} suggestions{note}"
            )
    raise typer.Exit(1 if refused else 0)


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


def extracted_files(files: list[Path], jobs: int, reader):  # type: ignore[no-untyped-def]
    """Extraction results in input order, computed in ``jobs`` processes."""
    if jobs == 1 or len(files) == 1:
        yield from (reader(path) for path in files)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(reader, files, chunksize=8)
