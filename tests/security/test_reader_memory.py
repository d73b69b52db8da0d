"""A memory limit per reader: each file's process may add ``max_memory_mb`` to what it
inherited, no more. A file that makes its reader allocate past it is refused (E117, naming the
file and the limit), the batch goes on, and nothing stored changes. The inputs are real files
that each reader really parses (small on disk, within every size limit), not mocks."""

from __future__ import annotations

from pathlib import Path

from tests.cli.store_dump import dump
from tests.security.conftest import Run
from tests.security.hostile import inflating_pdf, swelling_docx, swelling_html, swelling_text
from vigil_extract.isolation import run_isolated

LIMIT_MB = 64
MIB = 1024 * 1024
APPEAL = (
    "12 May 2025\n\nFictional Republic: defender Ana Ejemplova detained\n\n"
    "On 10 May 2025, police officers arrested human rights defender Ana Ejemplova in Port Example.\n"
)


def hostile_files(folder: Path) -> dict[str, Path]:
    files = {
        "docx": ("swelling.docx", swelling_docx()),
        "html": ("swelling.html", swelling_html()),
        "pdf": ("inflating.pdf", inflating_pdf()),
        "text": ("swelling.txt", swelling_text()),
    }
    paths = {}
    for kind, (name, data) in files.items():
        paths[kind] = folder / name
        paths[kind].write_bytes(data)
    return paths


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes * MIB)  # zero-filled: every page is really touched
    return len(block)


def test_the_limit_counts_what_the_child_adds_and_no_limit_is_none() -> None:
    limited = list(run_isolated(allocate, [8, 200], kill_after=None, memory_limit=LIMIT_MB * MIB))
    assert limited[0].result == 8 * MIB and limited[0].ok
    assert limited[0].start_address_space > LIMIT_MB * MIB, "the limit is growth, not a total"
    assert limited[1].result is None and limited[1].out_of_memory
    assert limited[1].failure == "ran out of its memory limit"
    # Without a limit the same child grows past it. (Memory the parent holds free in its heap
    # is reused first and counts in no growth, so the growth is not the full 200 MB.)
    (unlimited,) = run_isolated(allocate, [200], kill_after=None)
    assert unlimited.result == 200 * MIB and unlimited.address_space_growth > LIMIT_MB * MIB
    assert unlimited.rss_growth > LIMIT_MB * MIB


def test_each_reader_past_the_limit_is_refused_by_name_the_store_unchanged_and_the_batch_goes_on(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    # Through `vigil ingest`, whose process forks the readers as it does in use: a parent that
    # has run a long test session holds free heap a child reuses unseen (see the security model).
    hostile = hostile_files(tmp_path)
    good = tmp_path / "appeal.txt"
    good.write_text(APPEAL, encoding="utf-8")
    limit = ("--max-memory-mb", str(LIMIT_MB))
    before = dump(store)
    refused = run_vigil("ingest", *limit, *map(str, hostile.values()))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    for path in hostile.values():
        assert (
            f"{path}: reading needed more than {LIMIT_MB} MB of memory; its process was stopped"
            " [E117; it may be hostile; raise --max-memory-mb only for a file you trust]"
        ) in refused.stderr, path.name
    assert dump(store) == before, "a refusal changed the store"
    batch = run_vigil("ingest", *limit, str(hostile["docx"]), str(good), str(hostile["pdf"]))
    assert batch.returncode == 1 and f"{good}: source 1" in batch.stdout
    assert batch.stderr.count("E117") == 2
    # The default limit reads the same appeal without a word about memory.
    again = run_vigil("ingest", str(good))
    assert again.returncode == 0 and "E117" not in again.stderr
