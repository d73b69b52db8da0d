"""The given-name gazetteer, derived once from names-dataset and shipped as a small file.

names-dataset (3.3, Apache 2.0) counts the given names of 105 countries; loading its 25 MB
pickle takes seconds and a gigabyte, far too much for an extracting command. The names
extraction needs — those among the 2,000 most frequent of at least one country, written in
Latin or Cyrillic letters, with the gender nine bearers in ten or more share — are derived
from it by ``scripts/gazetteer.py`` into ``vocab/given_names.tsv.gz`` (about 0.3 MB), read on
first use. A test derives the rows again from the installed names-dataset and compares.

The gazetteer tells which written form of a Russian name is the nominative ("Арина", not
"Арины"; "Талгат", not "Талгата") and so which paradigm its surname follows, and that a run of
names opening with a known given name is a person's (decision 0012); it never decides a
person's gender on its own (the contract wants gender as the text states it).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

FILE_NAME = "given_names.tsv.gz"
HEADER = "# given name\tgender: f, m or ? (derived from names-dataset 3.3 first names; Apache 2.0)"
MAX_RANK = 2000
CLEAR_SHARE = 0.9
WRITTEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏА-Яа-яЁё'’-]{2,}")
GENDERS = {"f": "female", "m": "male", "?": "unknown"}


def derive(first_names: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(name, f/m/?) for every given name frequent enough in one country, sorted."""
    rows = []
    for name, entry in first_names.items():
        ranks = entry.get("rank") or {}
        if not WRITTEN.fullmatch(name) or not any(r is not None and r <= MAX_RANK for r in ranks.values()):
            continue
        shares = entry.get("gender") or {}
        female, male = shares.get("F") or 0.0, shares.get("M") or 0.0
        rows.append((name, "f" if female >= CLEAR_SHARE else "m" if male >= CLEAR_SHARE else "?"))
    return sorted(rows)


def serialise(rows: Iterable[tuple[str, str]]) -> str:
    return "\n".join([HEADER, *(f"{name}\t{gender}" for name, gender in rows)]) + "\n"


def installed_first_names() -> Mapping[str, Mapping[str, Any]]:
    """names-dataset's first-name table as installed (a development dependency only)."""
    import pickle  # the package's own data file, read at build time only

    import names_dataset  # type: ignore[import-untyped]

    path = Path(names_dataset.__file__).parent / "v3" / "first_names.pkl.gz"
    with gzip.open(path, "rb") as handle:
        table: Mapping[str, Mapping[str, Any]] = pickle.load(handle)  # noqa: S301
    return table


def shipped_path() -> Path:
    return Path(str(resources.files("vigil_extract.vocab").joinpath(FILE_NAME)))


def write(target: Path) -> int:
    rows = derive(installed_first_names())
    target.write_bytes(gzip.compress(serialise(rows).encode("utf-8"), compresslevel=9, mtime=0))
    return len(rows)


@cache
def table() -> dict[str, str]:
    """Given name (as written, capitalised) → female, male or unknown."""
    text = gzip.decompress(resources.files("vigil_extract.vocab").joinpath(FILE_NAME).read_bytes())
    rows = (line.split("\t") for line in text.decode("utf-8").splitlines() if not line.startswith("#"))
    return {name: GENDERS[gender] for name, gender in rows}


def gender_of(name: str) -> str | None:
    """female, male or unknown for a known given name; None for a word that is none."""
    return table().get(name[:1].upper() + name[1:].lower())
