"""Readers: the format comes from the content; bad files give a coded error naming the file."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest

from vigil_extract import ExtractionError, extract_file
from vigil_extract.read import ReadLimits, read_path

APPEAL = (
    "12 May 2025\n\nUganda: Journalist Ruth Example detained\n\n"
    "On 10 May 2025, police officers arrested journalist Ruth Example in Kampala.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in Helvetica, built by hand (no PDF writer needed)."""
    return pdf_of_stream(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())


def pdf_of_stream(stream: bytes, *, deflate: bool = False) -> bytes:
    """A one-page PDF whose content stream is ``stream`` (stored deflated if asked)."""
    stored, filter_ = (zlib.compress(stream, 9), b" /Filter /FlateDecode") if deflate else (stream, b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stored), filter_) + stored + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def minimal_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_plain_text_in_latin1_is_decoded(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "appeal.txt",
        "Défenseure arrêtée à Abidjan le 3 mai 2025. ".encode("latin-1") * 20,
    )
    assert "Défenseure arrêtée" in read_path(path).text


def test_pdf_is_detected_from_its_content_not_its_name(tmp_path: Path) -> None:
    path = write(tmp_path, "appeal.txt", minimal_pdf("Police arrested Ruth Example on 10 May 2025."))
    result = read_path(path)
    assert result.format == "pdf"
    assert "Ruth Example" in result.text


def test_docx_paragraphs_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, "appeal.bin", minimal_docx(APPEAL.split("\n\n")))
    doc = extract_file(path)
    assert doc.format == "docx"
    assert [d.name for d in doc.defenders] == ["Ruth Example"]


def test_html_article_is_read_and_scripts_are_never_kept(tmp_path: Path) -> None:
    page = (
        "<html><head><script>alert('x')</script></head><body><nav>Home | About | Donate</nav>"
        "<article><h1>Uganda: Journalist Ruth Example detained</h1>"
        + "".join(f"<p>{p}</p>" for p in APPEAL.split("\n\n"))
        + "<p>On 11 May 2025, the court remanded Ruth Example in custody for two weeks.</p>"
        "</article><footer>Cookie settings. Subscribe to our newsletter.</footer>"
        "<script>document.write('injected')</script></body></html>"
    )
    result = read_path(write(tmp_path, "page.html", page.encode()))
    assert result.format == "html"
    assert "Ruth Example" in result.text
    assert "alert" not in result.text and "injected" not in result.text


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E103"),
        ("blank.txt", b"   \n\n  ", "E103"),
        ("junk.pdf", bytes(range(256)) * 40, "E105"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "E106"),
        ("broken.docx", b"PK\x03\x04 this is not really a zip", "E107"),
    ],
)
def test_bad_files_give_a_coded_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ExtractionError) as caught:
        extract_file(path)
    assert caught.value.code == code
    assert str(path) in caught.value.message


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="E101"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(ExtractionError, match="E102"):
        read_path(tmp_path)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"a" * 2048)
    with pytest.raises(ExtractionError, match="E104"):
        read_path(path, ReadLimits(max_bytes=1024))


def test_docx_bomb_is_refused_without_unpacking(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 5_000_000 + b"</w:document>")
    path = write(tmp_path, "bomb.docx", buffer.getvalue())
    with pytest.raises(ExtractionError, match="E108"):
        read_path(path, ReadLimits(max_unpacked_bytes=1_000_000))


def test_pdf_page_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "one.pdf", minimal_pdf("one page"))
    with pytest.raises(ExtractionError, match="E108"):
        read_path(path, ReadLimits(max_pdf_pages=0))


def test_pdf_lines_are_regrouped_into_paragraphs_and_hyphenation_undone() -> None:
    from vigil_extract.read.pdf import paragraphs

    page = (
        "BEACON FOR DEFENDERS\n"
        "On 28 February 2025, police arrested the defender Ana Example in the city and took her to a\n"
        "station, where she was ques\u2010\ntioned   for six hours without a lawyer present at all.\n"
        "She was released the next day.\n"
        "1. Release Ana Example;\n"
        "2. Drop the charges."
    )
    text = paragraphs(page)
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    assert blocks[0] == "BEACON FOR DEFENDERS"
    assert "questioned for six hours" in blocks[1]
    assert blocks[-2:] == ["1. Release Ana Example;", "2. Drop the charges."]
