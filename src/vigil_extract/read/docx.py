"""DOCX: paragraphs and table cells through python-docx, after an unpacking pass with a hard cap.

A DOCX is a zip archive, and a zip archive's sizes are claims: a bomb may declare a few
kilobytes and expand to gigabytes. So every member is first decompressed in small chunks,
counting the bytes that really come out, and reading stops at the limit whatever the headers
say; a member whose real size differs from its declared size fails its CRC check and the file
is refused as corrupt. Only an archive that passed is handed to python-docx, whose own
decompression is then bounded by the limit already measured.
"""

from __future__ import annotations

import io
import zipfile

import docx

from vigil_extract.errors import E107, E108, E109, ExtractionError
from vigil_extract.read.detect import ReadLimits, raise_if_out_of_memory

CHUNK = 64 * 1024
MAX_MEMBERS = 2000


def read_docx(data: bytes, limits: ReadLimits) -> str:
    """The document's paragraphs, one block each; raise E107 on a broken file, E108 on a bomb."""
    check_unpacked_size(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [p.text.strip() for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                blocks.append(" | ".join(cell.text.strip() for cell in row.cells))
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(E107, detail="nested too deeply") from None
    except Exception as exc:  # lxml, zipfile and python-docx raise many kinds; each is a bad file
        raise_if_out_of_memory(exc)
        raise ExtractionError(E107, detail=type(exc).__name__) from None
    text = "\n\n".join(block for block in blocks if block)
    if not text.strip():
        raise ExtractionError(E109)
    return text


def check_unpacked_size(data: bytes, limits: ReadLimits) -> None:
    """Decompress every member in chunks, stopping as soon as the real total passes the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise ExtractionError(E108, detail=f"{len(members)} parts; the limit is {MAX_MEMBERS}")
            if "word/document.xml" not in {info.filename for info in members}:
                raise ExtractionError(E107, detail="a zip archive without word/document.xml")
            declared = sum(info.file_size for info in members)
            if declared > limits.max_unpacked_bytes:
                raise ExtractionError(
                    E108, detail=f"{declared} bytes unpacked; the limit is {limits.max_unpacked_bytes}"
                )
            total = 0
            for info in members:
                with archive.open(info) as member:
                    while chunk := member.read(CHUNK):
                        total += len(chunk)
                        if total > limits.max_unpacked_bytes:
                            raise ExtractionError(
                                E108,
                                detail=f"more than {limits.max_unpacked_bytes} bytes unpacked "
                                "(stopped there)",
                            )
    except ExtractionError:
        raise
    except Exception as exc:  # BadZipFile (a lying size fails its CRC), zlib.error, an encrypted member...
        raise_if_out_of_memory(exc)
        raise ExtractionError(E107, detail=f"not a valid zip archive ({type(exc).__name__})") from None
