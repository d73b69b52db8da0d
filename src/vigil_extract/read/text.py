"""Plain text in any common encoding: UTF-8, UTF-16/32 (with or without a byte-order mark),
and the legacy 8-bit encodings charset-normalizer recognises."""

from __future__ import annotations

import codecs
from collections.abc import Iterable

from charset_normalizer import from_bytes

from vigil_extract.errors import E105, E113, ExtractionError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """Decode bytes to text with newlines normalised to ``\\n``; refuse text holding NUL (E113)."""
    wide = wide_encoding(data)
    if wide is not None:
        text = decode_wide(data, wide)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = guess_decoding(data)
    if "\x00" in text:
        raise ExtractionError(E113)
    return normalise_newlines(text)


def wide_encoding(data: bytes) -> str | None:
    """UTF-8 with a mark, or UTF-16/32 from the mark or, without one, from where the NUL bytes sit."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    if len(sample) >= 16 and len(sample) % 4 == 0:
        quads = [sample[i : i + 4] for i in range(0, len(sample), 4)]
        if share(q[2:] == b"\x00\x00" for q in quads) > 0.9:
            return "utf-32-le"
        if share(q[:2] == b"\x00\x00" for q in quads) > 0.9:
            return "utf-32-be"
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def decode_wide(data: bytes, encoding: str) -> str:
    for bom, name in BOMS:
        if name == encoding and data.startswith(bom):
            data = data[len(bom) :]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractionError(E105) from None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")


PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r")


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
