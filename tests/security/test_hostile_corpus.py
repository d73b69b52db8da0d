"""A hostile corpus through the readers, each input in a process of its own as ``vigil ingest``
reads it (``read_isolated``): every input is read or refused with a coded error, and none runs
past its limit, because a reader still running one second after the in-process limit (E111)
is killed from outside (E115), and none grows past its memory limit, because its process
cannot allocate more (E117). Time and peak memory (the child's own ``ru_maxrss``, and the
address space it added, which the memory limit counts) are recorded per input; inputs that
hit a limit are named by file and class, then ingested into a real store, which must come out
unchanged.

The full run (10,000 inputs) is ``make soak`` (``VIGIL_HOSTILE_COUNT``; ``VIGIL_HOSTILE_JOBS``
processes at a time; ``VIGIL_HOSTILE_REPORT``, a per-input table written as it goes); the suite
runs a slice of the same generator.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from tests.cli.store_dump import dump
from tests.security.conftest import Run
from tests.security.corpus import generated
from vigil.intake.extracted import KILL_GRACE, ExtractedFile, read_isolated
from vigil_extract import ExtractConfig
from vigil_extract.read import ReadLimits

SECONDS_PER_INPUT = 10.0
MEMORY_MB = 256  # what one input may add to the memory its process inherited
PEAK_BYTES = MEMORY_MB * 1024 * 1024
CONFIG = ExtractConfig(
    limits=ReadLimits(max_bytes=5 * 1024 * 1024, max_unpacked_bytes=20 * 1024 * 1024),
    max_seconds=SECONDS_PER_INPUT,
    max_memory_mb=MEMORY_MB,
)
TIME_LIMIT, MEMORY_LIMIT = ("E111", "E115"), ("E117",)
SUFFIX = {"text": "txt", "html": "html", "pdf": "pdf", "docx": "docx", "crafted": "docx"}
SAMPLE_OF_REFUSALS = 40  # refused inputs (besides those that hit the limit) ingested into the store
BATCH = 20  # files per `vigil ingest` (each may take the whole limit)


def code_of(message: str) -> str:
    return message.rsplit("[", 1)[-1].split(";", 1)[0]


def test_every_hostile_input_is_read_or_refused_within_an_external_limit(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    count = int(os.environ.get("VIGIL_HOSTILE_COUNT", "160"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    kinds: dict[Path, str] = {}
    for number, kind, data in generated(count):
        path = folder / f"{number:05d}-{kind}.{SUFFIX[kind]}"
        path.write_bytes(data)
        kinds[path] = kind
    outcomes: Counter[str] = Counter()
    rows, limit_hit, refused, out_of_memory = [], [], [], 0
    codes: dict[Path, str] = {}
    report = os.environ.get("VIGIL_HOSTILE_REPORT")
    table = open(report, "w", encoding="utf-8") if report else None  # noqa: SIM115 - written as it goes
    if table:
        table.write(
            "file\tclass\toutcome\tseconds\tpeak_rss_bytes\tparent_rss_at_fork_bytes"
            "\taddress_space_growth_bytes\n"
        )
    jobs = int(os.environ.get("VIGIL_HOSTILE_JOBS", "1"))
    for outcome, run in read_isolated(sorted(kinds), CONFIG, jobs=jobs):
        kind = kinds[run.item]
        result = "read" if isinstance(outcome, ExtractedFile) else code_of(outcome.message)
        assert result == "read" or result.startswith("E1"), f"{run.item.name} ({kind}): {outcome}"
        outcomes[f"{kind}: {result}"] += 1
        rows.append((run.item.name, kind, result, run.seconds, run.peak_rss))
        if table:
            line = (
                f"{run.item.name}\t{kind}\t{result}\t{run.seconds:.3f}\t{run.peak_rss}\t{run.start_rss}"
                f"\t{run.address_space_growth}"
            )
            table.write(line + "\n")
            table.flush()
        if result in TIME_LIMIT + MEMORY_LIMIT:
            limit_hit.append(run.item)
            codes[run.item] = result
            out_of_memory += result in MEMORY_LIMIT
        elif result != "read":
            refused.append(run.item)
        assert run.seconds < SECONDS_PER_INPUT + KILL_GRACE + 1, f"{run.item.name} ran {run.seconds:.1f} s"
        grown = run.peak_rss - run.start_rss  # the child's peak counts the pages it inherited
        assert grown < PEAK_BYTES, f"{run.item.name} grew by {grown / 1e6:.0f} MB"
        assert run.address_space_growth <= PEAK_BYTES, f"{run.item.name} passed the memory limit"
        if len(rows) % 1000 == 0:
            hit = f"{len(limit_hit)} hit a limit ({out_of_memory} memory)"
            print(f"\n  {len(rows)} inputs, {hit}", flush=True)
    assert len(rows) == count

    slowest = max(rows, key=lambda row: row[3])
    largest = max(rows, key=lambda row: row[4])
    print(
        f"\nhostile corpus: {count} inputs, each in its own process;"
        f" slowest {slowest[3]:.2f} s ({slowest[0]}),"
        f" largest peak RSS {largest[4] / 1e6:.0f} MB ({largest[0]}); {len(limit_hit)} hit a limit"
        f" ({len(limit_hit) - out_of_memory} time, {out_of_memory} memory)"
    )
    print("  " + ", ".join(f"{key} {value}" for key, value in sorted(outcomes.items())))
    for path in limit_hit:
        print(f"  limit: {path.name} ({kinds[path]}, {codes[path]})")
    if table:
        table.close()
    assert any(key.endswith("read") for key in outcomes) and any("E10" in key for key in outcomes)

    # What hit the limit, and a sample of the other refusals, through `vigil ingest` into a store,
    # in batches that fit the command's timeout. A batch the store refuses whole must leave it
    # unchanged; an input that hit the limit under load may be read in time on this second try.
    sample = limit_hit + refused[:: max(1, len(refused) // SAMPLE_OF_REFUSALS)]
    read_again = 0
    for start in range(0, len(sample), BATCH):
        batch = sample[start : start + BATCH]
        before = dump(store)
        limits = ("--timeout", str(SECONDS_PER_INPUT), "--max-memory-mb", str(MEMORY_MB))
        result = run_vigil("ingest", "--jobs", "2", *limits, *map(str, batch))
        stored = [path for path in batch if f"{path}: source" in result.stdout]
        assert result.returncode == (1 if len(stored) < len(batch) else 0)
        assert "Traceback" not in result.stderr
        for path in batch:
            assert path in stored or str(path) in result.stderr, f"{path.name} was not named"
        if stored:
            read_again += len(stored)
        else:
            assert dump(store) == before, "refused inputs changed the store"
    print(f"  ingested {len(sample)} of them into a store: {read_again} read in time on the second try")
