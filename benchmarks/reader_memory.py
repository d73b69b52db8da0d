"""What each reader's process adds to the memory it inherited, on big legitimate documents.

    python benchmarks/reader_memory.py [--pages 500] [--out DIR]

Writes fictional documents as large as a real one gets (a text, an HTML page, a DOCX, and a
PDF of ``--pages`` pages drawn by WeasyPrint), plus the development corpus, and reads each as
``vigil ingest`` does: in a forked process of its own (``read_isolated``) under the default
time and memory limits. For each file it prints the outcome, the seconds, and what the child
added to what it inherited at the fork: resident memory (peak RSS) and address space (peak
``VmPeak``, which the memory limit, ``RLIMIT_AS``, counts). The default limit
(``ExtractConfig.max_memory_mb``) must sit well above the largest growth printed here.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "dev"

GIVEN = ["Amina", "Boris", "Carmen", "Dilnoza", "Emeka", "Farida", "Gulnara", "Hector", "Ines", "Jamal"]
FAMILY = ["Examplova", "Testerov", "Fictiva", "Madeup", "Invented", "Placeholder", "Sampleson"]
PLACES = ["Nairobi", "Almaty", "Lima", "Tbilisi", "Dhaka", "Tunis", "Manila", "Quito"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
VERBS = ["arrested", "detained", "questioned", "charged", "released", "summoned", "fined"]
PARAGRAPHS = 600  # about 340 KB of text: a long report (--paragraphs)
ROLES = ["lawyer", "journalist", "trade unionist", "environmental defender", "blogger"]


def sentence(rng: random.Random) -> str:
    """One fictional sentence, varied enough that no component meets a repeated block."""
    who = f"{rng.choice(ROLES)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    when = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2025)}"
    return (
        f"On {when}, police in {rng.choice(PLACES)} {rng.choice(VERBS)} {who}"
        f" after a meeting about case number {rng.randint(100, 99999)}."
    )


def paragraphs(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(sentence(rng) for _ in range(rng.randint(3, 7))) for _ in range(count)]


def write_documents(folder: Path, pages: int, count: int = PARAGRAPHS) -> list[Path]:
    """The big legitimate documents, written into ``folder``: a long report as text, as an
    HTML page and as a DOCX (with a table), and a PDF of ``pages`` pages."""
    title = "Fictional country: defenders detained, a long report"
    text = folder / "report.txt"
    text.write_text(title + "\n\n" + "\n\n".join(paragraphs(count, 1)) + "\n", encoding="utf-8")
    html = folder / "report.html"
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs(count, 2))
    html.write_text(
        f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>",
        encoding="utf-8",
    )
    import docx

    document = docx.Document()
    document.add_heading(title)
    for block in paragraphs(count, 3):
        document.add_paragraph(block)
    table = document.add_table(rows=100, cols=3)
    rng = random.Random(4)
    for row in table.rows:
        for cell in row.cells:
            cell.text = sentence(rng)
    buffer = io.BytesIO()
    document.save(buffer)
    (folder / "report.docx").write_bytes(buffer.getvalue())
    from weasyprint import HTML

    rng = random.Random(5)
    sheets = "".join(
        f'<section style="page-break-after: always"><p>{sentence(rng)} {sentence(rng)}</p>'
        f"<p>{sentence(rng)} {sentence(rng)} {sentence(rng)}</p></section>"
        for _ in range(pages)
    )
    pdf = folder / "report.pdf"
    HTML(string=f"<html><body><h1>{title}</h1>{sheets}</body></html>").write_pdf(pdf)
    return [text, html, folder / "report.docx", pdf]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="pages of the generated PDF")
    parser.add_argument("--paragraphs", type=int, default=PARAGRAPHS, help="paragraphs of the others")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per file")
    parser.add_argument("--out", type=Path, help="keep the generated documents here")
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="vigil-reader-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.generate_only:
        write_documents(folder, args.pages, args.paragraphs)
        return
    # Generated in another process, so that this one, which the readers fork from, is as
    # small as `vigil ingest`'s and holds no freed heap a child could reuse unseen.
    started = time.perf_counter()
    sizes = ["--pages", str(args.pages), "--paragraphs", str(args.paragraphs)]
    command = [sys.executable, __file__, "--generate-only", *sizes, "--out", str(folder)]
    subprocess.run(command, check=True)
    print(f"generated the documents in {time.perf_counter() - started:.1f} s under {folder}")
    sys.path.insert(0, str(ROOT / "src"))
    from vigil.intake.extracted import ExtractedFile, read_isolated
    from vigil_extract import ExtractConfig

    default = ExtractConfig()
    config = ExtractConfig(max_seconds=args.timeout)
    big = [folder / name for name in ("report.txt", "report.html", "report.docx", "report.pdf")]
    files = big + sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.html"))
    print(f"memory limit {config.max_memory_mb:g} MB over what a reader inherits; {args.timeout:g} s a file")
    print("file\tbytes\toutcome\tseconds\trss_growth_mb\taddress_space_growth_mb")
    largest = 0
    for outcome, run in read_isolated(files, config):
        result = "read" if isinstance(outcome, ExtractedFile) else outcome.message.rsplit("[", 1)[-1]
        largest = max(largest, run.address_space_growth)
        print(
            f"{run.item.name}\t{os.path.getsize(run.item)}\t{result}\t{run.seconds:.2f}"
            f"\t{run.rss_growth / 1e6:.1f}\t{run.address_space_growth / 1e6:.1f}",
            flush=True,
        )
    margin = default.max_memory_mb * 1024 * 1024 / max(1, largest)
    print(f"largest address-space growth {largest / 1e6:.1f} MB: the default limit is {margin:.1f} times it")


if __name__ == "__main__":
    main()
