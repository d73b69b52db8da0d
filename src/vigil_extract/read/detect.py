"""Detect a document's format from its content (never from its name) and dispatch to a reader.

Every reader works under :class:`ReadLimits`, so a hostile or broken file costs bounded time
and memory and ends in an :class:`~vigil_extract.errors.ExtractionError` naming the problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from vigil_extract.errors import E101, E102, E103, E104, E105, E110, E114, ExtractionError

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<div")


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on what one document may cost to read."""

    max_bytes: int = 25 * 1024 * 1024
    max_pdf_pages: int = 500
    max_unpacked_bytes: int = 100 * 1024 * 1024


@dataclass(frozen=True)
class ReadResult:
    """The decoded text of a document and the format it was read as."""

    text: str
    format: str
    title: str | None = None


def read_path(path: str | os.PathLike[str], limits: ReadLimits | None = None) -> ReadResult:
    """Read the file at ``path``; errors carry ``path`` exactly as given."""
    limits = limits or ReadLimits()
    shown = os.fspath(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise ExtractionError(E102, shown)
        size = file.stat().st_size
        if size > limits.max_bytes:
            raise ExtractionError(E104, shown, size=size, limit=limits.max_bytes)
        data = file.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(E101, shown) from None
    except PermissionError as exc:
        raise ExtractionError(E110, shown, detail=exc.strerror or "permission denied") from None
    try:
        return read_bytes(data, limits)
    except ExtractionError as exc:
        raise exc.for_path(shown) from None


def read_bytes(data: bytes, limits: ReadLimits | None = None) -> ReadResult:
    """Read a document held in memory, choosing the reader from its first bytes.

    Whatever a reader's library raises on a hostile file (lxml, zlib, pypdf...) becomes an
    :class:`ExtractionError`, so one bad file never stops a batch.
    """
    limits = limits or ReadLimits()
    if not data.strip():
        raise ExtractionError(E103)
    if len(data) > limits.max_bytes:
        raise ExtractionError(E104, size=len(data), limit=limits.max_bytes)
    try:
        return dispatch(data, limits)
    except ExtractionError:
        raise
    except Exception as exc:  # RecursionError, a library's own errors
        raise_if_out_of_memory(exc)
        raise ExtractionError(E114, detail=type(exc).__name__) from None


def raise_if_out_of_memory(exc: Exception) -> None:
    """Raise ``MemoryError`` when ``exc`` is a failed allocation — Python's own, or libxml2's,
    which lxml reports as a parse error with the code ``ERR_NO_MEMORY`` — so that it reaches
    the process that set the memory limit (``vigil_extract.isolation``, E117) instead of
    passing for a bad file."""
    if isinstance(exc, MemoryError):
        raise exc
    from lxml import etree  # type: ignore[import-untyped]

    if isinstance(exc, etree.LxmlError) and getattr(exc, "code", None) == etree.ErrorTypes.ERR_NO_MEMORY:
        raise MemoryError from exc


def dispatch(data: bytes, limits: ReadLimits) -> ReadResult:
    kind = detect_format(data)
    if kind == "pdf":
        from vigil_extract.read.pdf import read_pdf

        # A PDF's text may map a glyph to NUL; no database column can hold it, and it means nothing.
        return ReadResult(read_pdf(data, limits).replace("\x00", ""), "pdf")
    if kind == "docx":
        from vigil_extract.read.docx import read_docx

        return ReadResult(read_docx(data, limits), "docx")
    from vigil_extract.read.text import decode_text

    text = decode_text(data)
    if kind == "html" or looks_like_html(text):
        from vigil_extract.read.html import read_html

        body, title = read_html(text)
        return ReadResult(body, "html", title)
    return ReadResult(text, "text")


def detect_format(data: bytes) -> str:
    """Return ``pdf``, ``docx``, ``html`` or ``text``; raise E105 for other binary data."""
    head = data[:1024].lstrip()
    if head.startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "docx"
    lowered = head[:512].lower()
    if any(marker in lowered for marker in HTML_MARKERS):
        return "html"
    if looks_binary(data):
        raise ExtractionError(E105)
    return "text"


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text in any common encoding (UTF-16 and UTF-32 included)."""
    from vigil_extract.read.text import wide_encoding

    if wide_encoding(data) is not None:
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.02


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or ("<body" in head and "</" in head)
