"""PDF: the text of each page in order, through pypdf, with a page limit.

Pages are separated by a form feed so offsets stay meaningful per page.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from vigil_extract.errors import E106, E108, E109, ExtractionError
from vigil_extract.read.detect import ReadLimits
from vigil_extract.read.text import normalise_newlines

LIST_START = re.compile(r"^\s*(?:[-–•·*]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s+")

logging.getLogger("pypdf").setLevel(logging.ERROR)


SOFT_HYPHENS = re.compile(r"[\u00ad\u2010](?:[ \t]*)\n[ \t]*(?=\w)")
SPACES = re.compile(r"[ \t\u00a0]{2,}")
LINE_END = (".", "!", "?", ":", ";", '"', "”", "»", ")")


def paragraphs(page: str) -> str:
    """A page's lines regrouped into paragraphs separated by blank lines, as a text appeal has them.

    PDF text comes line by line with no blank lines: a line that ends a sentence well short
    of the page's width ends its paragraph; a short line without closing punctuation (a
    heading, an address line) stands alone; a list item starts a paragraph. Words broken by
    a hyphen at a line end are joined again.
    """
    page = SPACES.sub(" ", SOFT_HYPHENS.sub("", page))
    lines = [line.rstrip() for line in page.split("\n")]
    lengths = sorted(len(line) for line in lines if line.strip())
    if not lengths:
        return ""
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) > 1 else lengths[0]
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        ends_sentence = line.endswith(LINE_END) and len(line) < 0.8 * width
        stands_alone = len(line) < 0.6 * width and not line.endswith((",", "-"))
        if not line.strip() or ends_sentence or stands_alone or LIST_START.match(following):
            out.append("")
    return "\n".join(out)


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
    text = normalise_newlines("\n\f\n".join(paragraphs(page) for page in pages))
    if not text.strip():
        raise ExtractionError(E109)
    return text
