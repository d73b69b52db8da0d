"""Builders of hostile documents: zip bombs that lie about their size, XML that nests or
expands without end, text in wide encodings, NUL bytes where a text should have none.

Every builder is deterministic from its arguments, so a failing case can be rebuilt.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body: bytes, prolog: bytes = b"") -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + b"<w:document "
        + W
        + b"><w:body>"
        + body
        + b"</w:body></w:document>"
    )


def paragraph(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


def docx_with(document: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX package around ``document`` (the bytes of word/document.xml)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def lying_bomb(unpacked_mb: int, *, claimed: int = 1000) -> bytes:
    """A DOCX whose document.xml inflates to ``unpacked_mb`` MB but whose headers claim ``claimed`` bytes.

    The deflate stream is made chunk by chunk, so building it costs little memory.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1024 * 1024)
    head = document_xml(paragraph("bomb"))[: -len(b"</w:body></w:document>")]
    crc, parts = zlib.crc32(head), [compressor.compress(head)]
    for _ in range(unpacked_mb):
        crc = zlib.crc32(chunk, crc)
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    compressed = b"".join(parts)
    return zip_of_raw_member("word/document.xml", compressed, crc, claimed)


def zip_of_raw_member(name: str, deflated: bytes, crc: int, claimed_size: int) -> bytes:
    """A zip archive with the DOCX boilerplate and one raw deflated member whose sizes we choose."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
    entries = buffer.getvalue()
    # Rebuild: copy the local entries, then add ours, then a central directory for all three.
    with zipfile.ZipFile(io.BytesIO(entries)) as archive:
        infos = archive.infolist()
        end_of_entries = archive.start_dir
    out = io.BytesIO()
    out.write(entries[:end_of_entries])
    offset = out.tell()
    encoded = name.encode()
    out.write(
        struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), claimed_size, len(encoded), 0
        )
        + encoded
        + deflated
    )
    directory = io.BytesIO()
    for info in infos:
        directory.write(
            central_entry(
                info.filename.encode(), info.CRC, info.compress_size, info.file_size, info.header_offset
            )
        )
    directory.write(central_entry(encoded, crc, len(deflated), claimed_size, offset))
    start = out.tell()
    out.write(directory.getvalue())
    out.write(
        struct.pack(
            "<4s4H2LH",
            b"PK\x05\x06",
            0,
            0,
            len(infos) + 1,
            len(infos) + 1,
            len(directory.getvalue()),
            start,
            0,
        )
    )
    return out.getvalue()


def central_entry(name: bytes, crc: int, compressed: int, size: int, offset: int) -> bytes:
    return (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            compressed,
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )


def billion_laughs() -> bytes:
    entities = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    prolog = b"<!DOCTYPE w:document [" + entities + b"]>"
    return docx_with(document_xml(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog))


def deeply_nested(depth: int = 5000) -> bytes:
    return docx_with(document_xml(b"<w:p>" * depth + b"</w:p>" * depth))


# Inputs small on disk and within every size limit that make a reader allocate without end:
# over 64 MB each (the limit `test_reader_memory.py` sets), in well under a second.
SWELLING = 400_000


def swelling_docx(paragraphs: int = SWELLING) -> bytes:
    """40 KB; its document.xml unpacks to 14 MB of one-letter paragraphs, whose tree does not fit."""
    return docx_with(document_xml(paragraph("x") * paragraphs))


def swelling_html(paragraphs: int = SWELLING) -> bytes:
    """3 MB of one-letter paragraphs: lxml's tree of them takes twenty times that."""
    return b"<html><body>" + b"<p>x</p>" * paragraphs + b"</body></html>"


def swelling_text(sentences: int = SWELLING // 2) -> bytes:
    """5 MB of one short sentence again and again: 200,000 sentences to keep."""
    return b"Police arrested a defender. " * sentences


def inflating_pdf(operators: int = 4 * SWELLING) -> bytes:
    """30 KB; its one page's content stream inflates to 16 MB of text operators."""
    from tests.extract.test_readers import pdf_of_stream

    return pdf_of_stream(b"BT /F1 12 Tf 72 720 Td " + b"(x) Tj T* " * operators + b"ET", deflate=True)
