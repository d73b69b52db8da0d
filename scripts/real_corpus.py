"""The real evaluation corpus (eval/real): which half a publisher is in, and whether the texts are here.

    python scripts/real_corpus.py half "Front Line Defenders"   # tune or check
    python scripts/real_corpus.py verify                          # texts present and unchanged
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "eval" / "real"


def half_of(publisher: str) -> str:
    """The half every text of ``publisher`` belongs to: first hex digit 0-7 tune, 8-f check."""
    digest = hashlib.sha256(publisher.strip().casefold().encode("utf-8")).hexdigest()
    return "tune" if digest[0] in "01234567" else "check"


def manifest_rows() -> list[dict[str, str]]:
    with (REAL / "manifest.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def verify() -> int:
    """Print, per text, whether it is missing, changed or in the wrong half; 1 when any is."""
    problems = 0
    for row in manifest_rows():
        path = REAL / "texts" / f"{row['id']}.txt"
        if row["half"] != half_of(row["publisher"]):
            print(f"{row['id']}: half should be {half_of(row['publisher'])}")
            problems += 1
        if not path.exists():
            print(f"{row['id']}: missing (collect it again from {row['url']})")
            problems += 1
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            print(f"{row['id']}: text differs from the one annotated")
            problems += 1
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "half":
        print(half_of(argv[1]))
        return 0
    if argv == ["verify"]:
        return verify()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
