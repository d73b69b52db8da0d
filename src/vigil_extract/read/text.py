"""Plain text in any common encoding, decoded with charset-normalizer when not UTF-8."""

from __future__ import annotations

from charset_normalizer import from_bytes

from vigil_extract.errors import E105, ExtractionError


def decode_text(data: bytes) -> str:
    """Decode bytes to text with newlines normalised to ``\\n``."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ExtractionError(E105) from None
        text = str(best)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
