"""DOCX: paragraphs and table cells through python-docx, after checking the unpacked size.

A DOCX is a zip archive; its declared unpacked size is checked against the limit before
anything is decompressed, so a zip bomb is refused without being expanded.
"""

from __future__ import annotations

import io
import zipfile

import docx

from vigil_extract.errors import E107, E108, E109, ExtractionError
from vigil_extract.read.detect import ReadLimits


def read_docx(data: bytes, limits: ReadLimits) -> str:
    """The document's paragraphs, one block each; raise E107 on a broken file."""
    check_unpacked_size(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExtractionError(E107, detail=type(exc).__name__) from None
    blocks = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append(" | ".join(cell.text.strip() for cell in row.cells))
    text = "\n\n".join(block for block in blocks if block)
    if not text.strip():
        raise ExtractionError(E109)
    return text


def check_unpacked_size(data: bytes, limits: ReadLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ExtractionError(E107, detail="not a valid zip archive") from None
    if "word/document.xml" not in names:
        raise ExtractionError(E107, detail="a zip archive without word/document.xml")
    if total > limits.max_unpacked_bytes:
        raise ExtractionError(
            E108, detail=f"{total} bytes unpacked; the limit is {limits.max_unpacked_bytes}"
        )
