"""``vigil extract``: the extraction contract on standard output, with no database involved."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from vigil.cli.limits import (
    DEFAULT_MB,
    DEFAULT_PAGES,
    DEFAULT_SECONDS,
    DEFAULT_UNPACKED_MB,
    MaxMegabytes,
    MaxPages,
    MaxSeconds,
    MaxUnpackedMegabytes,
    NerModel,
    extract_config,
)
from vigil.cli.output import markup_safe, print_error, progress
from vigil_extract import ExtractionError, extract_file
from vigil_extract.contract import error_line, to_contract
from vigil_extract.read import read_path


def extract(
    files: Annotated[list[Path], typer.Argument(help="Text, HTML, PDF or DOCX files.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line per file (the contract).")] = False,
    text: Annotated[bool, typer.Option("--text", help="Print the decoded text offsets refer to.")] = False,
    max_mb: MaxMegabytes = DEFAULT_MB,
    max_pages: MaxPages = DEFAULT_PAGES,
    max_unpacked_mb: MaxUnpackedMegabytes = DEFAULT_UNPACKED_MB,
    timeout: MaxSeconds = DEFAULT_SECONDS,
    ner: NerModel = None,
) -> None:
    """Extract defenders, events, places and demands from documents.

    Exit status: 0 when every file was read, 1 when any was refused.
    """
    config = extract_config(max_mb, max_pages, max_unpacked_mb, timeout, ner)
    failed = 0
    with progress(len(files), "extracting", enabled=len(files) > 1) as advance:
        for path in files:
            shown = str(path)
            try:
                if text:
                    sys.stdout.write(read_path(path, config.limits).text)
                    continue
                line = to_contract(extract_file(path, config=config))
                line["source"] = shown
            except ExtractionError as exc:
                failed += 1
                print_error(exc.message)
                if text:
                    continue
                line = error_line(shown, exc.message)
            finally:
                advance()
            if as_json:
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            else:
                print_summary(line)
    raise typer.Exit(1 if failed else 0)


def print_summary(line: dict[str, object]) -> None:
    """A short human-readable summary of one extraction."""
    from rich.console import Console

    console = Console()
    safe = markup_safe
    console.rule(safe(line["source"]))
    for key in ("title", "published", "language", "country"):
        console.print(f"[bold]{key}[/bold]: {safe(line[key])}", highlight=False)
    for defender in line["defenders"]:  # type: ignore[attr-defined]
        console.print(safe(f"  defender: {defender['name']} ({defender['gender']})"), highlight=False)
    for event in line["events"]:  # type: ignore[attr-defined]
        console.print(
            safe(f"  {event['date']}  {event['type']}  {event['perpetrator'] or ''}"), highlight=False
        )
    for demand in line["demands"]:  # type: ignore[attr-defined]
        console.print(safe(f"  demand: {demand}"), highlight=False)
