"""PDF: the text of each page in order, through pypdf, with a page limit.

Pages are separated by a form feed so offsets stay meaningful per page.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from vigil_extract.errors import E106, E108, E109, ExtractionError
from vigil_extract.read.detect import ReadLimits
from vigil_extract.read.text import normalise_newlines

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes, limits: ReadLimits) -> str:
    """Extract the text of every page; raise E106 on a broken file, E108 when too long."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ExtractionError(E106, detail="the PDF is encrypted")
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise ExtractionError(E108, detail=f"{count} pages; the limit is {limits.max_pdf_pages}")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(E106, detail=type(exc).__name__) from None
    text = normalise_newlines("\n\f\n".join(pages))
    if not text.strip():
        raise ExtractionError(E109)
    return text
