"""Extraction speed and memory, with baselines measured in the same run.

    python benchmarks/extract.py [--docs 2000] [--ingest 10000] [--baseline-docs 60]

Prints documents per second on one process and with two, documents per CPU-second on one
process (the figure that still means something when other jobs share the cores), peak resident
memory, the same for the do-it-yourself baseline (spaCy's small English NER + dateparser.search_dates) when an
English spaCy pipeline is installed (otherwise it says so and runs dateparser alone), and the
time of `vigil ingest --jobs 2` over --ingest distinct appeals. Goals: >= 100 documents/s per
process, < 300 MB resident, 10,000 appeals ingested in < 5 minutes.

Then the shape check (alone with --shape-only): seconds of the events component and of the
whole pipeline on a text 1x, 4x and 16x as long, as ratios to 1x: one sentence made of a block
repeated 100, 400 and 1,600 times (the hostile generator's inputs 28 and 156), the same with
a date in every block, a name after as many titles ("Ms. X, Ms. X, ..."), and one paragraph of
a development appeal repeated 30, 120 and 480 times. Linear work reads about 1 : 4 : 16;
quadratic 1 : 16 : 256.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "dev"
SEED = ROOT.parent / "shared" / "seeds" / "000_7523c57377818e25.txt"


def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.html")) + [SEED]
    if not SEED.exists():
        sys.exit("benchmarks need ../shared beside the checkout")
    return files


def repeated(files: list[Path], count: int) -> list[Path]:
    return [files[i % len(files)] for i in range(count)]


def extract_one(path: Path) -> int:
    from vigil_extract import extract_file

    return len(extract_file(path).events)


def warm_worker() -> None:
    extract_one(SEED)


def rate_one_process(paths: list[Path]) -> tuple[float, float, str, float]:
    """Documents per second after warm-up, this process's peak resident memory (MB), and
    documents per CPU-second (the figure that holds when other jobs share the cores)."""
    warm_worker()
    start, cpu_start = time.perf_counter(), time.process_time()
    for path in paths:
        extract_one(path)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return len(paths) / elapsed, peak_mb, "", len(paths) / cpu


def rate_processes(paths: list[Path], jobs: int) -> float:
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_worker) as pool:
        list(pool.map(warm_worker_noop, range(jobs)))
        start = time.perf_counter()
        list(pool.map(extract_one, paths, chunksize=32))
        return len(paths) / (time.perf_counter() - start)


def warm_worker_noop(_: int) -> None:
    return None


def baseline_one(path: Path) -> int:
    """The do-it-yourself pipeline: statistical NER for people, dateparser for dates."""
    from dateparser.search import search_dates

    text = path.read_text(encoding="utf-8", errors="replace")
    found = search_dates(text, languages=["en"]) or []
    nlp = spacy_pipeline()
    people = [e for e in nlp(text).ents if e.label_ == "PERSON"] if nlp is not None else []
    return len(found) + len(people)


_NLP: object = None


def spacy_pipeline():  # type: ignore[no-untyped-def]
    global _NLP
    if _NLP is None:
        try:
            import spacy

            _NLP = spacy.load("en_core_web_sm", exclude=["parser", "lemmatizer"])
        except (ImportError, OSError):
            _NLP = False
    return _NLP or None


def rate_baseline(paths: list[Path]) -> tuple[float, float, str]:
    label = "spaCy en_core_web_sm NER + dateparser.search_dates"
    if spacy_pipeline() is None:
        label = "dateparser.search_dates only (no English spaCy pipeline installed; NER part skipped)"
    baseline_one(paths[0])
    start = time.perf_counter()
    for path in paths:
        baseline_one(path)
    rate = len(paths) / (time.perf_counter() - start)
    return rate, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, label


def in_subprocess(function: str, count: int) -> dict[str, float | str]:
    """Run one measurement in a fresh interpreter so memory figures do not mix."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); from benchmarks import extract as b;"
        f"files = b.repeated(b.corpus_files(), {count});"
        f"result = b.{function}(files); print(json.dumps(result))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    values = json.loads(output.stdout.strip().splitlines()[-1])
    return dict(zip(("rate", "peak_mb", "label", "cpu_rate"), values, strict=False))


def distinct_appeals(directory: Path, count: int) -> list[Path]:
    """``count`` different files (a reference line makes each one unique)."""
    files = corpus_files()
    paths = []
    for index in range(count):
        source = files[index % len(files)]
        target = directory / f"{index:06d}{source.suffix}"
        data = source.read_bytes()
        marker = f"\n\nReference: BENCH-{index:06d}\n".encode()
        unique = data.replace(b"</body>", marker + b"</body>") if source.suffix == ".html" else data + marker
        target.write_bytes(unique)
        paths.append(target)
    return paths


def ingest_seconds(count: int) -> float:
    vigil = Path(sys.executable).parent / "vigil"
    with tempfile.TemporaryDirectory() as tmp:
        home, inbox = Path(tmp) / "store", Path(tmp) / "inbox"
        inbox.mkdir()
        paths = distinct_appeals(inbox, count)
        env = {**os.environ, "VIGIL_HOME": str(home)}
        env.pop("VIGIL_DATABASE_URL", None)
        subprocess.run(
            [str(vigil), "init", "--insecure-key-in-home"], env=env, check=True, capture_output=True
        )
        start = time.perf_counter()
        subprocess.run(
            [str(vigil), "ingest", "--jobs", "2", *map(str, paths)], env=env, check=True, capture_output=True
        )
        return time.perf_counter() - start


BLOCK_HEAD = "3 April 2025\n\nTarvelia: teacher Lena Fictiva detained\n\nOn 2 April 2025, officers detained"
BLOCK = " the teacher Lena Fictiva and officers detained"


def shape_texts() -> dict[str, Callable[[int], str]]:
    """Texts that grow by repetition, by their factor (1, 4, 16)."""
    dated = [p for p in corpus_files()[0].read_text(encoding="utf-8").split("\n\n") if re.search(r"\d{4}", p)]
    paragraph = max(dated, key=len)
    return {
        "one sentence, a block repeated 100x": lambda k: BLOCK_HEAD + BLOCK * (100 * k) + ".\n",
        "one sentence, a date in each of 100 blocks": lambda k: (
            BLOCK_HEAD
            + "".join(
                f" on {day % 28 + 1} March 2025 guards detained Lena Fictiva and" for day in range(100 * k)
            )
            + " she stayed.\n"
        ),
        "a name after 100 titles in one sentence": lambda k: (
            BLOCK_HEAD + " Ms. Lena Fictiva" + ", Ms. Fictiva" * (100 * k) + ".\n"
        ),
        "a dev appeal's paragraph repeated 30x": lambda k: "\n\n".join([paragraph] * (30 * k)) + "\n",
    }


def timed_pipeline(text: str) -> tuple[float, float]:
    """Seconds of the events component and of the whole pipeline on ``text``; the least of
    three runs when one takes under a second (a short run is mostly noise)."""
    runs = [timed_once(text)]
    while runs[0][1] < 1 and len(runs) < 3:
        runs.append(timed_once(text))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def timed_once(text: str) -> tuple[float, float]:
    from vigil_extract.document import Document
    from vigil_extract.pipeline import COMPONENTS, DEFAULT_ORDER

    doc = Document(text=text, source="shape.txt", format="text")
    events_seconds, start = 0.0, time.perf_counter()
    for name in DEFAULT_ORDER:
        before = time.perf_counter()
        doc = COMPONENTS[name](doc)
        if name == "events":
            events_seconds = time.perf_counter() - before
    return events_seconds, time.perf_counter() - start


def shape_check() -> None:
    warm_worker()
    print("shape: seconds at 1x, 4x, 16x the text (ratios to 1x; linear is 1 : 4 : 16)")
    for label, text_of in shape_texts().items():
        runs = {k: timed_pipeline(text_of(k)) for k in (1, 4, 16)}
        for part, at in (("events", 0), ("pipeline", 1)):
            base = runs[1][at] or 1e-9
            seconds = "  ".join(f"{k}x {runs[k][at]:7.3f} s" for k in runs)
            ratios = " : ".join(f"{runs[k][at] / base:.1f}" for k in runs)
            print(f"  {label:44} {part:8} {seconds}   ({ratios}; {len(text_of(16)):,} characters at 16x)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--baseline-docs", type=int, default=60)
    parser.add_argument("--ingest", type=int, default=10000)
    parser.add_argument("--shape-only", action="store_true", help="only the shape check")
    args = parser.parse_args()
    if args.shape_only:
        shape_check()
        return

    paths = repeated(corpus_files(), args.docs)
    ours = in_subprocess("rate_one_process", args.docs)
    two = rate_processes(paths, 2)
    base = in_subprocess("rate_baseline", args.baseline_docs)
    print(f"documents: {args.docs} (development corpus repeated); baseline on {args.baseline_docs}")
    print(f"vigil_extract, 1 process : {ours['rate']:8.1f} docs/s   peak {ours['peak_mb']:.0f} MB")
    load = os.getloadavg()[0]
    print(f"vigil_extract, 1 process : {ours['cpu_rate']:8.1f} docs per CPU-second (load average {load:.1f})")
    print(f"vigil_extract, 2 processes: {two:8.1f} docs/s")
    print(f"baseline ({base['label']}): {base['rate']:8.1f} docs/s   peak {base['peak_mb']:.0f} MB")
    print(f"ratio, 1 process vs baseline: {ours['rate'] / base['rate']:.1f}x")
    print(
        f"goal >= 100 docs/s per process: {'met' if ours['rate'] >= 100 else 'NOT met'} "
        f"({'met' if ours['cpu_rate'] >= 100 else 'NOT met'} per CPU-second); "
        f"< 300 MB: {'met' if ours['peak_mb'] < 300 else 'NOT met'}"
    )
    if args.ingest:
        seconds = ingest_seconds(args.ingest)
        print(
            f"vigil ingest --jobs 2 of {args.ingest} distinct appeals: {seconds:.0f} s "
            f"({args.ingest / seconds:.1f} docs/s; goal < 300 s: {'met' if seconds < 300 else 'NOT met'})"
        )
    shape_check()


if __name__ == "__main__":
    main()
