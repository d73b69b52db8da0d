"""Turn appeals, reports and news items into facts tied to the sentences they came from.

Plain Python: this package never imports Django or :mod:`vigil`, so it can be used,
tested and scaled on its own (``extract_file`` is a pure function of a file).
"""

from vigil_extract.errors import ExtractionError
from vigil_extract.pipeline import ExtractConfig, extract_file, extract_text

__all__ = ["ExtractConfig", "ExtractionError", "extract_file", "extract_text"]
