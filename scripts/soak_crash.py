"""Crash soak: kill -9 ``vigil ingest --accept --jobs 2`` at random moments, again and again,
then check that the store survived each time: SQLCipher's integrity check, ``vigil audit
verify``, and every source the command reported stored is whole (its original's SHA-256 is its
content hash, its text decrypts). Run by ``make soak`` (RUNS=200 by default).

Usage: python scripts/soak_crash.py [RUNS]
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Amina", "Ruth", "Neema", "Dana", "Aigerim", "Leyla", "Marta", "Olga", "Sara", "Zhanna"]
SURNAMES = ["Example", "Sample", "Specimen", "Placeholder", "Fictiva", "Testova", "Inventada", "Muster"]


def appeal(rng: random.Random, number: int) -> str:
    name = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}{number}"
    day = rng.randint(1, 28)
    return (
        f"{day} March 2025\n\nKenya: human rights defender {name} detained\n\n"
        f"On {day} March 2025, police officers arrested human rights defender {name} in Nairobi."
        f" Soak document {number}.\n\nWe urge the authorities to release {name}.\n"
    )


def vigil(home: Path, key: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
    env.update({"VIGIL_HOME": str(home), "VIGIL_KEY_FILE": str(key)})
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "vigil.cli", *args], env=env, capture_output=True, text=True, **kwargs
    )


def check(home: Path, key: Path, reported: set[int]) -> str:
    """'' when the store is whole, else what is wrong."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from sqlcipher3 import dbapi2 as sqlcipher

    from vigil.crypto.keys import derive, read_master_key

    master = read_master_key(key)
    connection = sqlcipher.connect(str(home / "vigil.db"))
    try:
        connection.execute(f"PRAGMA key = \"x'{derive(master, 'database').hex()}'\"")
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            return f"integrity_check: {integrity}"
        rows = dict(connection.execute("SELECT id, content_hash FROM cases_source").fetchall())
    finally:
        connection.close()
    missing = reported - set(rows)
    if missing:
        return f"sources reported stored but absent: {sorted(missing)}"
    verified = vigil(home, key, "audit", "verify")
    if verified.returncode != 0:
        return f"audit verify: {verified.stderr.strip()}"
    for source_id in sorted(reported)[-3:]:
        shown = vigil(home, key, "source", "show", str(source_id), "--json")
        if shown.returncode != 0:
            return f"source {source_id} does not read back: {shown.stderr.strip()}"
    return ""


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(200)
    work = Path(tempfile.mkdtemp(prefix="vigil-soak-"))
    home, key = work / "store", work / "keyring" / "vigil.key"
    vigil(home, key, "init", check=True)
    reported: set[int] = set()
    number, failures, started = 0, 0, time.time()
    for run in range(1, runs + 1):
        batch = work / f"batch-{run}"
        batch.mkdir()
        files = []
        for _ in range(rng.randint(4, 12)):
            number += 1
            path = batch / f"appeal-{number}.txt"
            path.write_text(appeal(rng, number), encoding="utf-8")
            files.append(str(path))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "DJANGO_"))}
        env.update({"VIGIL_HOME": str(home), "VIGIL_KEY_FILE": str(key)})
        out = work / f"out-{run}.txt"
        with out.open("w") as handle:
            process = subprocess.Popen(
                [sys.executable, "-m", "vigil.cli", "ingest", "--accept", "--jobs", "2", *files],
                env=env,
                stdout=handle,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            time.sleep(rng.uniform(0.5, 8.0))
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        reported |= {int(n) for n in re.findall(r": source (\d+)", out.read_text())}
        problem = check(home, key, reported)
        status = "ok" if not problem else f"FAILED: {problem}"
        failures += bool(problem)
        print(
            f"run {run:>3}/{runs}: exit {process.returncode:>4},"
            f" {len(reported)} sources reported so far: {status}"
        )
        sys.stdout.flush()
    print(
        f"soak: {runs} kill -9 runs, {failures} failures, {len(reported)} sources reported and whole,"
        f" {time.time() - started:.0f} s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
