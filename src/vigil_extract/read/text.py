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
        text = guess_decoding(data)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")


PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "utf_16")


def guess_decoding(data: bytes) -> str:
    """charset-normalizer's guess; among equally clean guesses, the commonest Western encodings win."""
    results = list(from_bytes(data))
    if not results:
        raise ExtractionError(E105)
    cleanest = results[0].chaos
    for preferred in PREFERRED_ENCODINGS:
        for result in results:
            if result.encoding == preferred and result.chaos <= cleanest + 0.01:
                return str(result)
    return str(results[0])
