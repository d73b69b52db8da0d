"""Reading a file for intake: a pure function of the file, so batches fan out over processes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from vigil_extract import ExtractConfig, ExtractionError, extract_file
from vigil_extract.document import Document
from vigil_extract.errors import E114, E115, E116, E117
from vigil_extract.isolation import Isolated, run_isolated
from vigil_extract.pipeline import warm_up

KILL_GRACE = 1.0
"""Seconds past the in-process time limit (E111) after which a reader's process is killed (E115)."""


@dataclass(frozen=True)
class ExtractedFile:
    """A file that was read: its bytes, their SHA-256, and what extraction found."""

    path: str
    data: bytes
    content_hash: str
    document: Document


@dataclass(frozen=True)
class RefusedFile:
    """A file that could not be read, with the one-line reason."""

    path: str
    message: str


def read_for_intake(
    path: str | os.PathLike[str], config: ExtractConfig | None = None
) -> ExtractedFile | RefusedFile:
    """Extract one file; never raises for a bad file, returns :class:`RefusedFile` instead."""
    shown = os.fspath(path)
    try:
        document = extract_file(path, config=config)
        with open(path, "rb") as handle:
            data = handle.read()
    except ExtractionError as exc:
        return RefusedFile(shown, exc.message)
    except OSError as exc:
        return RefusedFile(shown, f"{shown}: cannot read the file ({exc.strerror})")
    except MemoryError:  # the process's memory limit: ``read_isolated`` names it (E117)
        raise
    except Exception as exc:  # a component's bug on a strange text must not stop the batch
        return RefusedFile(shown, ExtractionError(E114, shown, detail=type(exc).__name__).message)
    return ExtractedFile(shown, data, hashlib.sha256(data).hexdigest(), facts_only(document))


def read_isolated(
    paths: Sequence[Path], config: ExtractConfig | None = None, *, jobs: int = 1
) -> Iterator[tuple[ExtractedFile | RefusedFile, Isolated[Path, ExtractedFile | RefusedFile]]]:
    """:func:`read_for_intake` of each path in a child process of its own (``jobs`` at a time,
    in input order), killed from outside ``KILL_GRACE`` seconds after the time limit: a
    reader stuck in C code, or one that swallows the in-process alarm, costs that file only;
    a reader that needs more than ``max_memory_mb`` over what its process inherited is
    stopped (E117). Yields each outcome with what its process cost (time, peak memory)."""
    config = config or ExtractConfig()
    warm_up(config)
    reader = partial(read_for_intake, config=config)
    kill_after = config.max_seconds + KILL_GRACE if config.max_seconds > 0 else None
    memory = int(config.max_memory_mb * 1024 * 1024) if config.max_memory_mb > 0 else None
    for run in run_isolated(reader, paths, jobs=jobs, kill_after=kill_after, memory_limit=memory):
        shown = os.fspath(run.item)
        if run.result is not None:
            yield run.result, run
        elif run.killed:
            yield RefusedFile(shown, ExtractionError(E115, shown, limit=config.max_seconds).message), run
        elif run.out_of_memory:
            limit = f"{config.max_memory_mb:g}"
            yield RefusedFile(shown, ExtractionError(E117, shown, limit=limit).message), run
        else:
            yield RefusedFile(shown, ExtractionError(E116, shown, detail=run.failure).message), run


def facts_only(document: Document) -> Document:
    """The document without its working state (sentences, date mentions), which storing does
    not need: less to send back from a worker process, which is what limits ``--jobs``."""
    return replace(document, sentences=[], dates={}, countries_seen={}, named_people=[])
