"""A generated hostile corpus: mutations of valid text, HTML, PDF and DOCX documents (bit
flips, truncations, splices, repeated blocks, control bytes, lying zip sizes, deep or
expanding XML, wide encodings). Deterministic from a seed, so any failing input is rebuilt
by its number."""

from __future__ import annotations

import random
from collections.abc import Iterator

from tests.extract.test_readers import minimal_docx, minimal_pdf
from tests.security.hostile import (
    billion_laughs,
    deeply_nested,
    document_xml,
    docx_with,
    lying_bomb,
    paragraph,
)

APPEAL = (
    "12 May 2025\n\nUganda: journalist Ruth Example detained\n\n"
    "On 10 May 2025, police officers arrested journalist Ruth Example in Kampala.\n"
)


def seeds() -> dict[str, bytes]:
    html = (
        "<html><head><title>Ruth Example</title></head>"
        f"<body><article><p>{APPEAL}</p></article></body></html>"
    )
    return {
        "text": APPEAL.encode(),
        "html": html.encode(),
        "pdf": minimal_pdf("Police arrested journalist Ruth Example in Kampala on 10 May 2025"),
        "docx": minimal_docx(APPEAL.split("\n\n")),
    }


def mutate(data: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(9)
    buffer = bytearray(data)
    if choice == 0:  # flip bytes
        for _ in range(rng.randint(1, 20)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    elif choice == 1:  # truncate
        del buffer[rng.randrange(1, len(buffer)) :]
    elif choice == 2:  # splice junk in
        at = rng.randrange(len(buffer))
        buffer[at:at] = rng.randbytes(rng.randint(1, 400))
    elif choice == 3:  # repeat a block many times
        start = rng.randrange(len(buffer))
        block = bytes(buffer[start : start + rng.randint(1, 64)])
        buffer[start:start] = block * rng.randint(10, 3000)
    elif choice == 4:  # control bytes and NUL
        for _ in range(rng.randint(1, 10)):
            buffer.insert(rng.randrange(len(buffer)), rng.choice([0, 7, 8, 12, 27, 127, 155]))
    elif choice == 5:  # re-encode as UTF-16/32 (text-like seeds only matter)
        encoding = rng.choice(["utf-16-le", "utf-16-be", "utf-32-le", "utf-16"])
        return data.decode("utf-8", "replace").encode(encoding)
    elif choice == 6:  # markup and escape sequences in the text
        text = data.decode("utf-8", "replace")
        return text.replace(
            "Ruth", rng.choice(["[/]", "\x1b]0;x\x07", "[bold", "\u202eRuth", "<script>"])
        ).encode()
    elif choice == 7:  # zero the middle
        start = rng.randrange(len(buffer))
        buffer[start : start + rng.randint(1, 200)] = bytes(min(200, len(buffer) - start))
    else:  # swap two halves
        middle = rng.randrange(len(buffer))
        return bytes(buffer[middle:] + buffer[:middle])
    return bytes(buffer)


def generated(count: int, seed: int = 10) -> Iterator[tuple[int, str, bytes]]:
    """``count`` inputs: (number, seed format, bytes); every 50th is a crafted bomb or XML attack."""
    rng = random.Random(seed)
    base = seeds()
    crafted = [
        lambda: lying_bomb(rng.randint(5, 40)),
        billion_laughs,
        lambda: deeply_nested(rng.randint(300, 3000)),
        lambda: docx_with(document_xml(paragraph("x" * rng.randint(1, 5000)) * rng.randint(1, 50))),
    ]
    for number in range(count):
        kind = ("text", "html", "pdf", "docx")[number % 4]
        if number % 50 == 49:
            yield number, "crafted", rng.choice(crafted)()
            continue
        data = base[kind]
        for _ in range(rng.randint(1, 3)):
            data = mutate(data, rng) or b"x"
        yield number, kind, data
