"""A hostile corpus through the readers: every input is read or refused with a coded error,
within the time and memory limits; none raises anything else. The time limit is the one
``extract_file`` applies (E111 past it), here 10 s per input. The full 10,000 run is
``make soak`` (VIGIL_HOSTILE_COUNT); the suite runs a slice of the same generator."""

from __future__ import annotations

import os
import resource
import time
import tracemalloc
from collections import Counter

from tests.security.corpus import generated
from vigil_extract import ExtractionError
from vigil_extract.pipeline import time_limit
from vigil_extract.read import ReadLimits, read_bytes

LIMITS = ReadLimits(max_bytes=5 * 1024 * 1024, max_unpacked_bytes=20 * 1024 * 1024)
SECONDS_PER_INPUT = 10.0
PEAK_BYTES = 256 * 1024 * 1024


def test_every_hostile_input_is_read_or_refused_within_limits() -> None:
    count = int(os.environ.get("VIGIL_HOSTILE_COUNT", "600"))
    outcomes: Counter[str] = Counter()
    slowest, worst_peak = 0.0, 0
    started = time.perf_counter()
    tracemalloc.start()
    try:
        for number, kind, data in generated(count):
            tracemalloc.reset_peak()
            begin = time.perf_counter()
            try:
                with time_limit(SECONDS_PER_INPUT, f"input #{number}"):  # as extract_file applies it
                    read_bytes(data, LIMITS)
                outcomes[f"{kind}: read"] += 1
            except ExtractionError as exc:
                outcomes[f"{kind}: {exc.code}"] += 1
            except Exception as exc:  # anything else is the failure this test looks for
                raise AssertionError(f"input #{number} ({kind}) raised {type(exc).__name__}: {exc}") from None
            elapsed = time.perf_counter() - begin
            peak = tracemalloc.get_traced_memory()[1]
            slowest, worst_peak = max(slowest, elapsed), max(worst_peak, peak)
            assert elapsed < SECONDS_PER_INPUT + 2, f"input #{number} ({kind}) took {elapsed:.1f} s"
            assert peak < PEAK_BYTES, f"input #{number} ({kind}) peaked at {peak / 1e6:.0f} MB"
    finally:
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nhostile corpus: {count} inputs in {time.perf_counter() - started:.0f} s; slowest {slowest:.2f} s;"
        f" worst traced peak {worst_peak / 1e6:.1f} MB; process max RSS {rss:.0f} MB"
    )
    print("  " + ", ".join(f"{key} {value}" for key, value in sorted(outcomes.items())))
    assert sum(outcomes.values()) == count
    assert any(key.endswith("read") for key in outcomes) and any("E10" in key for key in outcomes)
