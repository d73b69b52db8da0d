"""Reading a document that arrived as bytes (a web upload, a pasted text, an API call): it is
written to a private temporary folder under a safe name, read like any file, and removed.

A refusal names the document by the name it was sent with, never by the temporary path.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from vigil.intake.extracted import ExtractedFile, RefusedFile, read_isolated
from vigil_extract import ExtractConfig

SAFE_NAME = re.compile(r"[^\w.\- ]+")


def safe_name(name: str) -> str:
    return SAFE_NAME.sub("_", Path(name).name)[:120] or "upload"


def read_bytes(name: str, data: bytes, config: ExtractConfig | None = None) -> ExtractedFile | RefusedFile:
    """Extract a document given as ``data``; too large, unreadable or hostile is a RefusedFile."""
    with tempfile.TemporaryDirectory(prefix="vigil-upload-") as folder:
        path = Path(folder) / safe_name(name)
        path.write_bytes(data)
        ((extracted, _),) = read_isolated([path], config)  # killed from outside if it overruns
        if isinstance(extracted, RefusedFile):
            return RefusedFile(name, extracted.message.replace(str(path), name))
        return ExtractedFile(name, extracted.data, extracted.content_hash, extracted.document)
