"""Crash soak: kill -9 ``vigil ingest --accept --jobs 2`` while it ingests, again and again,
then check that the store survived each time.

Where each kill lands is chosen, not hoped for: the command prints one progress line per file
as it stores it (``ingesting N/M`` on standard error, about 30 ms apart), and the soak kills
the whole process group right after line K (K drawn from 1..M) and a random pause: up to
30 ms (the kill falls inside the storing transaction of a group of 25), or, after the last
line of a group that more files follow, up to 1 s (the kill falls in that group's commit or
while the readers extract the next group). A run whose command had already exited when the
kill came does not count as a kill mid-ingest; runs go on until RUNS kills landed mid-ingest.

After each kill: SQLCipher's ``integrity_check``; ``vigil audit verify``; no half-stored
source (every source stored since the last check: its original decrypts to the bytes its
keyed fingerprint names, it has its suggestions, all accepted into a case); the same batch
ingested again completes (exit 0, every file reported); and every source reported stored
before the kill is still there.

Usage: python scripts/soak_crash.py [RUNS] [--report FILE]   (``make soak``: RUNS=200)
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

NAMES = ["Amina", "Ruth", "Neema", "Dana", "Aigerim", "Leyla", "Marta", "Olga", "Sara", "Zhanna"]
SURNAMES = ["Example", "Sample", "Specimen", "Placeholder", "Fictiva", "Testova", "Inventada", "Muster"]
PROGRESS = re.compile(r"^ingesting (\d+)/(\d+)$")
REPORTED = re.compile(r": source (\d+)")


def appeal(rng: random.Random, number: int) -> str:
    name = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}{number}"
    day = rng.randint(1, 28)
    return (
        f"{day} March 2025\n\nKenya: human rights defender {name} detained\n\n"
        f"On {day} March 2025, police officers arrested human rights defender {name} in Nairobi."
        f" Soak document {number}.\n\nWe urge the authorities to release {name}.\n"
    )


def environment(home: Path, key: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env.update({"VIGIL_HOME": str(home), "VIGIL_KEY_FILE": str(key)})
    return env


def vigil(home: Path, key: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vigil.cli", *args], env=environment(home, key), capture_output=True, text=True
    )


@dataclass
class Kill:
    """Where one kill landed."""

    after_line: int  # progress lines seen before the kill (files handed to the store)
    total: int  # files in the batch
    pause: float  # seconds between that line and the kill
    alive: bool  # the command was still running when the kill came
    committed: int  # files the command had reported stored (groups committed) before it died

    def where(self) -> str:
        if not self.alive:
            return f"after the command exited (line {self.after_line}/{self.total})"
        group = (self.after_line - 1) // 25 + 1
        committed = f"{self.committed} committed"
        return f"line {self.after_line}/{self.total} + {self.pause:.2f} s (group {group}; {committed})"


def kill_during_ingest(home: Path, key: Path, files: list[str], rng: random.Random) -> Kill:
    """Start the ingest, kill its process group after a chosen progress line."""
    target = rng.randint(1, len(files))
    pause = rng.uniform(0.0, 1.0 if target % 25 == 0 and target < len(files) else 0.03)
    process = subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "ingest", "--accept", "--jobs", "2", *files],
        env=environment(home, key),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stderr is not None and process.stdout is not None
    seen = 0
    for line in process.stderr:
        match = PROGRESS.match(line.strip())
        if match:
            seen = int(match.group(1))
            if seen >= target:
                break
    time.sleep(pause)
    alive = process.poll() is None
    if alive:
        os.killpg(process.pid, signal.SIGKILL)
    out = process.stdout.read()
    process.wait()
    return Kill(seen, len(files), pause, alive, len(REPORTED.findall(out)))


def check(home: Path, key: Path, files: list[str], reported: set[int], since: int) -> tuple[str, set[int]]:
    """('' or what is wrong, the sources the re-ingest reported); sources before ``since`` were
    checked after earlier runs."""
    problem = store_problem(reported, since)
    if problem:
        return problem, set()
    verified = vigil(home, key, "audit", "verify")
    if verified.returncode != 0:
        return f"audit verify after the kill: {verified.stderr.strip()}", set()
    again = vigil(home, key, "ingest", "--accept", "--jobs", "2", *files)
    now_reported = {int(n) for n in REPORTED.findall(again.stdout)}
    if again.returncode != 0 or len(now_reported) != len(files):
        return f"re-ingest: exit {again.returncode}, {len(now_reported)} of {len(files)} reported", set()
    return store_problem(reported | now_reported, since), now_reported


def store_problem(reported: set[int], since: int) -> str:
    """'' when the database is whole and every source stored since ``since`` is whole, else
    what is wrong."""
    from django.db import connection

    from vigil.cases.models import Source, Suggestion
    from vigil.crypto.fingerprints import fingerprint_of

    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA integrity_check")
            integrity = cursor.fetchone()[0]
        if integrity != "ok":
            return f"integrity_check: {integrity}"
        ids = set(Source.objects.values_list("id", flat=True))
        if reported - ids:
            return f"sources reported stored but absent: {sorted(reported - ids)}"
        recent = Source.objects.filter(id__gt=since)
        for source in recent:
            if fingerprint_of(bytes(source.original or b"")) != source.fingerprint:
                return f"source {source.id}: its original does not match its fingerprint"
            if source.case_id is None or not source.text:
                return f"source {source.id}: half stored (no case or no text)"
        pending = (
            Suggestion.objects.filter(source__id__gt=since, status="pending")
            .values_list("source_id", flat=True)
            .first()
        )
        if pending is not None:
            return f"source {pending}: suggestions left pending after --accept"
        bare = recent.filter(suggestions__isnull=True).values_list("id", flat=True).first()
        if bare is not None:
            return f"source {bare}: stored without its suggestions"
    finally:
        connection.close()
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="?", type=int, default=200)
    parser.add_argument("--report", type=Path, help="write one line per run (where the kill landed) here")
    parser.add_argument("--seed", type=int, default=200)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="vigil-soak-"))
    home, key = work / "store", work / "keyring" / "vigil.key"
    initialised = vigil(home, key, "init")
    if initialised.returncode != 0:
        print(initialised.stderr, file=sys.stderr)
        return 1
    os.environ.update(environment(home, key))
    os.environ["DJANGO_SETTINGS_MODULE"] = "vigil.settings.dev"
    import django

    django.setup()
    reported: set[int] = set()
    lines: list[str] = []
    number, failures, mid_ingest, run, started = 0, 0, 0, 0, time.time()
    while mid_ingest < options.runs and run < 2 * options.runs:
        run += 1
        batch = work / f"batch-{run}"
        batch.mkdir()
        files = []
        for _ in range(rng.randint(6, 34)):
            number += 1
            path = batch / f"appeal-{number}.txt"
            path.write_text(appeal(rng, number), encoding="utf-8")
            files.append(str(path))
        since = max(reported, default=0)
        kill = kill_during_ingest(home, key, files, rng)
        mid_ingest += kill.alive
        problem, again = check(home, key, files, reported, since)
        reported |= again
        failures += bool(problem)
        status = "ok" if not problem else f"FAILED: {problem}"
        line = f"run {run:>3} ({mid_ingest} mid-ingest): killed {kill.where()}: {status}"
        lines.append(line)
        print(line, flush=True)
        if options.report:  # written as it goes, so a stopped soak still says what it found
            options.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = (
        f"soak: {run} kill -9 runs, {mid_ingest} landed mid-ingest, {failures} inconsistencies,"
        f" {len(reported)} sources stored and whole, {time.time() - started:.0f} s"
    )
    print(summary)
    if options.report:
        options.report.write_text("\n".join([*lines, summary]) + "\n", encoding="utf-8")
    return 1 if failures or mid_ingest < options.runs else 0


if __name__ == "__main__":
    raise SystemExit(main())
