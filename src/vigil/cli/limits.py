"""Options that bound what one document may cost, shared by ``extract`` and ``ingest``."""

from __future__ import annotations

from typing import Annotated

import typer

from vigil_extract import ExtractConfig
from vigil_extract.read import ReadLimits

MaxMegabytes = Annotated[float, typer.Option("--max-mb", help="Largest file read, in MB.")]
MaxPages = Annotated[int, typer.Option("--max-pages", help="Most PDF pages read.")]
MaxUnpackedMegabytes = Annotated[
    float, typer.Option("--max-unpacked-mb", help="Largest unpacked DOCX, in MB.")
]
MaxSeconds = Annotated[float, typer.Option("--timeout", help="Seconds allowed per file.")]
MaxMemoryMegabytes = Annotated[
    float,
    typer.Option("--max-memory-mb", help="Memory one file may add to its reader, in MB (0: no limit)."),
]
NerModel = Annotated[
    str | None, typer.Option("--ner", help="Optional spaCy pipeline (installed name or path) for names.")
]

DEFAULTS = ExtractConfig()
DEFAULT_MB = DEFAULTS.limits.max_bytes / 1024 / 1024
DEFAULT_PAGES = DEFAULTS.limits.max_pdf_pages
DEFAULT_UNPACKED_MB = DEFAULTS.limits.max_unpacked_bytes / 1024 / 1024
DEFAULT_SECONDS = DEFAULTS.max_seconds
DEFAULT_MEMORY_MB = DEFAULTS.max_memory_mb


def extract_config(
    max_mb: float,
    max_pages: int,
    max_unpacked_mb: float,
    timeout: float,
    ner: str | None = None,
    *,
    max_memory_mb: float = DEFAULT_MEMORY_MB,
) -> ExtractConfig:
    return ExtractConfig(
        ner_model=ner,
        limits=ReadLimits(
            max_bytes=int(max_mb * 1024 * 1024),
            max_pdf_pages=max_pages,
            max_unpacked_bytes=int(max_unpacked_mb * 1024 * 1024),
        ),
        max_seconds=timeout,
        max_memory_mb=max_memory_mb,
    )
