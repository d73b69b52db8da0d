"""Reading a file for intake: a pure function of the file, so batches fan out over processes."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace

from vigil_extract import ExtractConfig, ExtractionError, extract_file
from vigil_extract.document import Document
from vigil_extract.errors import E114


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
    except Exception as exc:  # a component's bug on a strange text must not stop the batch
        return RefusedFile(shown, ExtractionError(E114, shown, detail=type(exc).__name__).message)
    return ExtractedFile(shown, data, hashlib.sha256(data).hexdigest(), facts_only(document))


def facts_only(document: Document) -> Document:
    """The document without its working state (sentences, date mentions), which storing does
    not need: less to send back from a worker process, which is what limits ``--jobs``."""
    return replace(document, sentences=[], dates={}, countries_seen={}, named_people=[])
