"""Coded extraction errors: each has a stable code, a sentence naming the problem and a hint.

Codes are part of the public interface (they appear in `vigil extract --json` error lines and
in `vigil ingest` messages), so never renumber one; add new codes at the end of a range.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    """A stable code with the message template and the hint shown to the user."""

    code: str
    template: str
    hint: str


E101 = ErrorCode("E101", "file not found", "check the path")
E102 = ErrorCode("E102", "is a directory, not a file", "give the files inside it")
E103 = ErrorCode("E103", "file is empty", "nothing to extract from an empty file")
E104 = ErrorCode(
    "E104", "file is too large ({size} bytes; the limit is {limit})", "raise max_bytes if needed"
)
E105 = ErrorCode(
    "E105",
    "not a readable document (binary data of an unknown format)",
    "give a text, HTML, PDF or DOCX file",
)
E106 = ErrorCode("E106", "corrupt or unreadable PDF ({detail})", "open it and save it again")
E107 = ErrorCode("E107", "corrupt or unreadable DOCX ({detail})", "open it and save it again")
E108 = ErrorCode("E108", "document is too large once unpacked ({detail})", "split it or raise the limit")
E109 = ErrorCode("E109", "no text could be read from the document", "is it a scanned image?")
E110 = ErrorCode("E110", "cannot read the file ({detail})", "check its permissions")
E112 = ErrorCode(
    "E112", "the statistical NER model cannot be used: {detail}", "install it, or run without --ner"
)
E111 = ErrorCode("E111", "extraction took longer than {limit} seconds", "raise max_seconds if needed")
E113 = ErrorCode(
    "E113", "the text contains NUL characters (binary data in a text file)", "is it really a text file?"
)
E114 = ErrorCode(
    "E114", "the reader failed on this file ({detail})", "it may be malformed: open it and save it again"
)
E115 = ErrorCode(
    "E115",
    "reading did not stop within {limit} seconds; its process was killed",
    "it may be hostile; raise --timeout only for a file you trust",
)
E116 = ErrorCode(
    "E116", "the reader process ended without a result ({detail})", "it may be hostile or damaged"
)
E117 = ErrorCode(
    "E117",
    "reading needed more than {limit} MB of memory; its process was stopped",
    "it may be hostile; raise --max-memory-mb only for a file you trust",
)


class ExtractionError(Exception):
    """A document could not be read; the message names the file and the reason."""

    def __init__(self, error: ErrorCode, path: str = "", **details: object) -> None:
        self.error = error
        self.path = path
        self.reason = error.template.format(**details)
        super().__init__(self.message)

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def message(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.reason} [{self.error.code}; {self.error.hint}]"

    def for_path(self, path: str) -> ExtractionError:
        """The same error, reported against ``path``."""
        clone = ExtractionError.__new__(ExtractionError)
        clone.error, clone.path, clone.reason = self.error, path, self.reason
        Exception.__init__(clone, clone.message)
        return clone
