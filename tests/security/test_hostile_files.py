"""Hostile files: each is refused (or read) within bounded memory, with a coded error naming the
file, and a batch carries on past it; nothing in the terminal can be rewritten by a title."""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

import pytest

from tests.security.hostile import (
    billion_laughs,
    deeply_nested,
    document_xml,
    docx_with,
    lying_bomb,
    paragraph,
)
from vigil.intake.extracted import ExtractedFile, RefusedFile, read_for_intake
from vigil_extract import ExtractionError
from vigil_extract.read import ReadLimits, read_bytes

APPEAL = (
    "12 May 2025\n\nKenya: defender Amina Example detained\n\n"
    "On 10 May 2025, police officers arrested human rights defender Amina Example in Nairobi.\n"
)


def test_a_zip_bomb_that_lies_about_its_size_is_refused_without_being_expanded() -> None:
    bomb = lying_bomb(200)  # inflates to 200 MB; the headers claim 1,000 bytes
    assert len(bomb) < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(ExtractionError) as refused:
            read_bytes(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.code in ("E107", "E108")
    assert peak < 32 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB while refusing a lying bomb"


def test_an_honest_bomb_is_stopped_at_the_unpacked_limit() -> None:
    big = docx_with(document_xml(paragraph("x" * 3_000_000)))
    with pytest.raises(ExtractionError) as refused:
        read_bytes(big, ReadLimits(max_unpacked_bytes=1_000_000))
    assert refused.value.code == "E108"


@pytest.mark.parametrize("build", [billion_laughs, deeply_nested], ids=["billion-laughs", "deep-nesting"])
def test_hostile_xml_in_a_docx_gives_a_coded_error(build: object) -> None:
    with pytest.raises(ExtractionError) as refused:
        read_bytes(build())  # type: ignore[operator]
    assert refused.value.code in ("E107", "E109")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", b""),
    ],
)
def test_utf16_and_utf32_text_is_read(encoding: str, bom: bytes) -> None:
    text = APPEAL + "Ответственность — Дәулет.\n"
    result = read_bytes(bom + text.encode(encoding))
    assert result.format == "text" and result.text == text


def test_utf16_html_is_read_as_html() -> None:
    page = "<html><head><title>Amina Example</title></head><body><p>" + APPEAL + "</p></body></html>"
    result = read_bytes(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    assert result.format == "html" and "Amina Example" in result.text


def test_a_nul_byte_past_the_sniffed_start_is_refused_cleanly() -> None:
    data = (APPEAL * 2000).encode()[:70_000] + b"\x00 tail"
    with pytest.raises(ExtractionError) as refused:
        read_bytes(data)
    assert refused.value.code == "E113"


def test_every_reader_error_becomes_a_refused_file_naming_it(tmp_path: Path) -> None:
    files = {
        "bomb.docx": lying_bomb(20),
        "laughs.docx": billion_laughs(),
        "deep.docx": deeply_nested(),
        "nul.txt": APPEAL.encode() * 5000 + b"\x00",
        "good.txt": APPEAL.encode(),
    }
    outcomes = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        outcomes[name] = read_for_intake(tmp_path / name)
    assert isinstance(outcomes.pop("good.txt"), ExtractedFile)
    for name, outcome in outcomes.items():
        assert isinstance(outcome, RefusedFile), name
        assert outcome.message.startswith(str(tmp_path / name)) and "[E1" in outcome.message
