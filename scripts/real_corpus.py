"""The real evaluation corpus (eval/real): halves, the texts on this machine, counts and scores.

    python scripts/real_corpus.py half "Front Line Defenders"   # tune or check
    python scripts/real_corpus.py verify                          # texts present and unchanged
    python scripts/real_corpus.py stats                           # texts, publishers, countries per half
    python scripts/real_corpus.py score [--cmd CMD] [--show]      # score.py per half x language
                                                                  # (--show: the tuning half's misses)
    python scripts/real_corpus.py clean ID RAW [--drop 0,2] [--tail N] [--keep-lines] [--join]
                                               [--whole] [--no-ellipsis] [--repair NAME]
                                                                  # stored excerpt -> texts/ID.txt
    python scripts/real_corpus.py clean ID RAW --find             # try the usual drops until the
                                                                  # manifest's SHA-256 matches
    python scripts/real_corpus.py clean ID RAW --recorded         # the options in cleaning.tsv
    python scripts/real_corpus.py clean-all RAWDIR                # every RAWDIR/ID.txt, recorded
                                                                  # options (else --find)

`score` runs ../shared/eval/score.py once per group (each half per language, each half, all) over
the texts present and unchanged under eval/real/texts, and prints one table.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "eval" / "real"
TEXTS = REAL / "texts"
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_CMD = ".venv/bin/vigil extract --json"
HALVES = ("tune", "check")


def half_of(publisher: str) -> str:
    """The half every text of ``publisher`` belongs to: first hex digit 0-7 tune, 8-f check."""
    digest = hashlib.sha256(publisher.strip().casefold().encode("utf-8")).hexdigest()
    return "tune" if digest[0] in "01234567" else "check"


def manifest_rows() -> list[dict[str, str]]:
    with (REAL / "manifest.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def gold_lines() -> dict[str, dict[str, object]]:
    """The gold annotations by id."""
    lines = (REAL / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    golds = [json.loads(line) for line in lines if line.strip()]
    return {str(gold["id"]): gold for gold in golds}


def text_state(row: dict[str, str]) -> str:
    """``ok``, ``missing`` or ``changed`` (the local text is not the one annotated)."""
    path = TEXTS / f"{row['id']}.txt"
    if not path.exists():
        return "missing"
    return "ok" if hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"] else "changed"


def verify() -> int:
    """Print, per text, whether it is missing, changed or in the wrong half; 1 when any is."""
    problems = 0
    for row in manifest_rows():
        if row["half"] != half_of(row["publisher"]):
            print(f"{row['id']}: half should be {half_of(row['publisher'])}")
            problems += 1
        state = text_state(row)
        if state == "missing":
            print(f"{row['id']}: missing (collect it again from {row['url']})")
        elif state == "changed":
            print(f"{row['id']}: text differs from the one annotated")
        problems += state != "ok"
    return 1 if problems else 0


def stats() -> int:
    """Texts per language, publishers and countries, for each half and for the whole corpus."""
    rows = manifest_rows()
    languages = sorted({row["language"] for row in rows})
    columns = " ".join(f"{lang:>4}" for lang in languages)
    print(f"{'half':6} {'texts':>5} {columns}  publishers countries")
    for name in (*HALVES, "all"):
        group = [row for row in rows if name in (row["half"], "all")]
        per_language = " ".join(f"{sum(r['language'] == lang for r in group):>4}" for lang in languages)
        publishers = len({row["publisher"].casefold() for row in group})
        countries = len({row["country"] for row in group if row["country"]})
        print(f"{name:6} {len(group):>5} {per_language}  {publishers:>10} {countries:>9}")
    return 0


def groups(rows: list[dict[str, str]]) -> Iterable[tuple[str, list[dict[str, str]]]]:
    """Each half per language, each half, then the whole corpus."""
    languages = sorted({row["language"] for row in rows})
    for half in HALVES:
        for language in languages:
            yield f"{half} {language}", [r for r in rows if r["half"] == half and r["language"] == language]
        yield f"{half} all", [r for r in rows if r["half"] == half]
    yield "all", rows


def score_group(
    ids: list[str], golds: dict[str, dict[str, object]], cmd: str, show: bool
) -> dict[str, object]:
    """Run score.py over the texts ``ids`` and return its JSON summary."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        handle.writelines(json.dumps(golds[i], ensure_ascii=False) + "\n" for i in ids)
    try:
        argv = [sys.executable, str(SCORE_PY), "--gold", handle.name, "--texts", str(TEXTS), "--cmd", cmd]
        argv += ["--json", "--show"] if show else ["--json"]
        # the command is the caller's own, run as given, as score.py itself does
        done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)  # noqa: S603
    finally:
        Path(handle.name).unlink()
    if show:
        print(done.stderr, file=sys.stderr, end="")
    if done.returncode != 0:
        raise SystemExit(f"score.py failed:\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def cell(value: object) -> str:
    return "-" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def table_row(name: str, n: int, result: dict[str, object], has_demands: bool) -> str:
    def get(metric: str, key: str) -> object:
        section = result.get(metric)
        return section.get(key) if isinstance(section, dict) else None

    values = [
        get("defenders", "precision"),
        get("defenders", "recall"),
        get("defenders", "f1"),
        get("events", "f1"),
        get("violations", "f1"),
        get("demands", "recall") if has_demands else None,
        get("country", "accuracy"),
        get("gender", "accuracy"),
        result.get("overall"),
        result.get("docs_per_second"),
    ]
    return f"{name:10} {n:>4} " + " ".join(f"{cell(v):>6}" for v in values)


def score(cmd: str, show: bool) -> int:
    """Score the texts present, per half and language; say how many are missing or changed."""
    if not SCORE_PY.exists():
        print(f"{SCORE_PY} is missing: ../shared must sit beside the checkout", file=sys.stderr)
        return 2
    rows = manifest_rows()
    golds = gold_lines()
    states = {row["id"]: text_state(row) for row in rows}
    present = [row for row in rows if states[row["id"]] == "ok" and row["id"] in golds]
    header = ["def P", "def R", "def F1", "ev F1", "vio F1", "dem R", "ctry", "gender", "overall", "docs/s"]
    print(f"{'group':10} {'n':>4} " + " ".join(f"{h:>6}" for h in header))
    for name, group in groups(present):
        if not group:
            continue
        ids = [row["id"] for row in group]
        has_demands = any(golds[i].get("demands") for i in ids)
        result = score_group(ids, golds, cmd, show and name == "tune all")
        print(table_row(name, len(ids), result, has_demands), flush=True)
    missing = sum(state == "missing" for state in states.values())
    changed = sum(state == "changed" for state in states.values())
    print(f"texts scored {len(present)} of {len(rows)}; missing locally {missing}; changed {changed}")
    print("the checking half's figures are the ones that count; look at misses only on the tuning half")
    return 0


DATE_PREFIX = re.compile(r"^\s*date (\d{4}(?:-\d{2}){0,2}(?: \d{2}:\d{2}(?=\n))?)\s+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")
FULL_STOP = re.compile(r"[.!?][\"'”’»)\]]*(?=\s|$)")


REPAIRS: dict[str, Callable[[str], str]] = {
    # the page's rendering glued a sentence to the next ("sentence.Next")
    "sentences": lambda t: re.sub(
        r"(?<=[a-zа-яёà-ÿ0-9)”»\"])([.!?;:])(?=[A-ZА-ЯЁÀ-Ý«“])",
        r"\1 ",
        t,
    ),
    # ... or two words ("AmazonBasin")
    "words": lambda t: re.sub(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ][a-zа-яё])", " ", t),
    "bullets": lambda t: re.sub(r"^[ \t]*•[ \t]*", "", t, flags=re.M),
    "spaces": lambda t: re.sub(r"[ \t]{2,}", " ", t),
    # a table dump's "| - " cell marks
    "cells": lambda t: re.sub(r"^\| - ", "", re.sub(r"\n\|\s*$", "", t), flags=re.M),
    # a character the page could not encode, shown as U+FFFD, stood for a dash
    "dash": lambda t: t.replace("\ufffd", "—"),
}


@dataclass(frozen=True)
class Cleaning:
    """How one stored excerpt was cleaned: the `clean` subcommand's options."""

    drop: tuple[int, ...] = ()
    tail: int = 0
    keep_lines: bool = False
    join: bool = False
    whole: bool = False
    ellipsis: bool = True
    repair: tuple[str, ...] = ()
    lines: bool = False

    def flags(self) -> str:
        """The options as `clean` takes them on the command line."""
        text = f"--drop {','.join(map(str, self.drop)) or '-'} --tail {self.tail}"
        text += " --keep-lines" * self.keep_lines + " --lines" * self.lines + " --join" * self.join
        text += " --whole" * self.whole
        text += "".join(f" --repair {name}" for name in self.repair)
        return text + " --no-ellipsis" * (not self.ellipsis)


def join_wrapped(text: str) -> str:
    """Join hard-wrapped lines: a line break after a line that does not end a sentence is a space."""
    return re.sub(r"(?<=[^.!?:\u2026\"'\u201d\u2019\u00bb)\n])\n(?=[^\n])", " ", text)


def excerpt_items(
    raw: str, keep_lines: bool = False, join: bool = False, repair: Iterable[str] = (), lines: bool = False
) -> tuple[list[str], list[str]]:
    """A stored excerpt's blocks, as `clean` numbers them for ``--drop``, each with the
    separator that stands before it.

    A leading `` date YYYY-MM-DD `` (or ``YYYY-MM``, or with a time ``HH:MM`` that ends the
    line) becomes a block of its own and lines lose their surrounding spaces. Blocks are
    paragraphs: every line (default), the runs of lines between blank lines (``keep_lines``),
    or every line keeping the page's single line breaks (``lines``).
    """
    text = DATE_PREFIX.sub(r"\1\n\n", raw)
    for name in repair:
        text = REPAIRS[name](text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    if join:
        text = join_wrapped(text)
    if lines:
        items = re.split(r"(\n+)", text.strip())
        blocks, seps = items[0::2], ["\n\n" if len(gap) > 1 else "\n" for gap in items[1::2]]
        return blocks, ["\n", *seps]
    if not keep_lines:
        text = re.sub(r"(?<!\n)\n(?!\n)", "\n\n", text)
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    return blocks, ["\n\n"] * len(blocks)


def excerpt_blocks(raw: str, keep_lines: bool = False, join: bool = False, lines: bool = False) -> list[str]:
    """The blocks of `excerpt_items`, without their separators."""
    return excerpt_items(raw, keep_lines, join, lines=lines)[0]


def sentence_ends(text: str, ellipsis: bool = True) -> list[int]:
    """Where sentences end in ``text``: an elision "(...)" never ends one, nor, without
    ``ellipsis``, a closing "…" or "..."."""
    ends = []
    for match in (SENTENCE_END if ellipsis else FULL_STOP).finditer(text):
        before = text[max(0, match.start() - 3) : match.start() + 1]
        if before == "(..." or (not ellipsis and before.endswith("...")):
            continue
        ends.append(match.end())
    return ends


def clean_blocks(blocks: list[str], how: Cleaning, seps: list[str] | None = None) -> str:
    """Blocks numbered in ``how.drop`` and the last ``how.tail`` left out, cut, joined.

    Between two blocks kept stands a blank line, or (with ``seps``) the widest separator the
    page had between them.
    """
    seps = seps or ["\n\n"] * len(blocks)
    dropped = set(how.drop)
    kept = [n for n in range(len(blocks) - how.tail) if n not in dropped]
    parts = []
    for before, n in zip([None, *kept], kept, strict=False):
        if before is not None:
            parts.append(max(seps[before + 1 : n + 1], key=len))
        parts.append(blocks[n])
    text = "".join(parts)
    if not how.whole:
        ends = sentence_ends(text, how.ellipsis)
        text = text[: ends[-1]] if ends else text
    return text.strip() + "\n"


def clean_excerpt(raw: str, how: Cleaning = Cleaning()) -> str:
    """The text file for a stored excerpt, as the corpus was collected (eval/real/README.md).

    Blocks that are the site's and not the text's are left out (``drop``, ``tail``); the text
    ends at its last complete sentence (unless ``whole``; with ``ellipsis`` false a closing
    "…" does not end one); blocks are separated by one blank line and the file ends with a
    line break.
    """
    blocks, seps = excerpt_items(raw, how.keep_lines, how.join, how.repair, how.lines)
    return clean_blocks(blocks, how, seps)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_cleaning(raw: str, expected: str, head: int = 10, most: int = 5) -> tuple[Cleaning, str] | None:
    """The first usual cleaning of ``raw`` whose SHA-256 is ``expected``, and its text.

    No repair is tried before each single repair, and fewer blocks left out before more, so
    the options found are the least editing that gives the text annotated.
    """
    repairs = [()] + [(name,) for name, fix in REPAIRS.items() if fix(raw) != raw]
    ends = ((False, True), (False, False), (True, True))  # (whole, ellipsis)
    for repair in repairs:
        layouts = {
            (join, keep, lines): excerpt_items(raw, keep, join, repair, lines)
            for join, (keep, lines) in itertools.product(
                (False, True), ((False, False), (True, False), (False, True))
            )
        }
        for size in range(most + 1):
            for (join, keep_lines, lines), (blocks, seps) in layouts.items():
                for drop in itertools.combinations(range(min(head, len(blocks))), size):
                    for tail, (whole, ellipsis) in itertools.product(range(min(13, len(blocks))), ends):
                        how = Cleaning(drop, tail, keep_lines, join, whole, ellipsis, repair, lines)
                        text = clean_blocks(blocks, how, seps)
                        if sha256_text(text) == expected:
                            return how, text
    return None


RECIPES = REAL / "cleaning.tsv"


def add_cleaning_flags(parser: argparse.ArgumentParser) -> None:
    """The options of `clean` that say how an excerpt is cleaned."""
    parser.add_argument("--drop", default="", help="block numbers to leave out, e.g. 0,2")
    parser.add_argument("--tail", type=int, default=0, help="leave out the last N blocks")
    parser.add_argument("--keep-lines", action="store_true", help="single line breaks do not split blocks")
    parser.add_argument("--lines", action="store_true", help="every line a block, single line breaks kept")
    parser.add_argument("--join", action="store_true", help="join hard-wrapped lines into paragraphs")
    parser.add_argument("--whole", action="store_true", help="do not cut after the last complete sentence")
    parser.add_argument("--no-ellipsis", action="store_true", help="a closing … does not end a sentence")
    parser.add_argument(
        "--repair", action="append", choices=sorted(REPAIRS), help="undo a rendering fault (repeatable)"
    )


def cleaning_from(args: argparse.Namespace) -> Cleaning:
    drop = tuple(int(n) for n in args.drop.split(",") if n.strip() and n != "-")
    repair = tuple(args.repair or ())
    return Cleaning(
        drop, args.tail, args.keep_lines, args.join, args.whole, not args.no_ellipsis, repair, args.lines
    )


def recorded_cleanings() -> dict[str, Cleaning]:
    """eval/real/cleaning.tsv: the options each text was re-collected with (rows without any
    options are texts no usual cleaning gave back)."""
    parser = argparse.ArgumentParser(prog=str(RECIPES), add_help=False, exit_on_error=False)
    add_cleaning_flags(parser)
    found = {}
    with RECIPES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["options"].strip():
                found[row["id"]] = cleaning_from(parser.parse_args(row["options"].split()))
    return found


def clean_one(text_id: str, raw: str, expected: str, how: Cleaning | None) -> tuple[str, str]:
    """Clean one excerpt with ``how`` (or the first usual cleaning that matches): (state, flags)."""
    if how is None:
        found = find_cleaning(raw, expected)
        if found is None:
            return "unmatched", ""
        how, text = found
    else:
        text = clean_excerpt(raw, how)
    TEXTS.mkdir(parents=True, exist_ok=True)
    (TEXTS / f"{text_id}.txt").write_text(text, encoding="utf-8")
    return ("ok" if sha256_text(text) == expected else "changed"), how.flags()


def read_excerpt(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{path}: cannot read the excerpt as UTF-8 ({error.__class__.__name__})", file=sys.stderr)
        return None


def clean(args: argparse.Namespace) -> int:
    """Write texts/ID.txt from a stored excerpt and say whether it is the text annotated."""
    rows = {row["id"]: row for row in manifest_rows()}
    if args.id not in rows:
        print(f"{args.id}: not in {REAL / 'manifest.tsv'}", file=sys.stderr)
        return 2
    raw = read_excerpt(Path(args.raw))
    if raw is None:
        return 2
    how = None if args.find else recorded_cleanings().get(args.id) if args.recorded else cleaning_from(args)
    if how is None and not args.find:
        print(f"{args.id}: no options recorded in {RECIPES}; give them, or --find", file=sys.stderr)
        return 2
    state, flags = clean_one(args.id, raw, rows[args.id]["sha256"], how)
    if state == "unmatched":
        print(f"{args.id}: no usual cleaning matches the manifest; clean it by hand (GUIDELINE.md)")
        return 1
    print(f"{args.id}: {state} ({flags})")
    return 0 if state == "ok" else 1


def clean_all(folder: Path) -> int:
    """Clean every stored excerpt ``folder/ID.txt`` with its recorded options (else --find)."""
    recorded = recorded_cleanings()
    counts: dict[str, int] = {}
    for row in manifest_rows():
        raw = read_excerpt(folder / f"{row['id']}.txt") if (folder / f"{row['id']}.txt").exists() else None
        state = (
            "no excerpt"
            if raw is None
            else clean_one(row["id"], raw, row["sha256"], recorded.get(row["id"]))[0]
        )
        if state != "ok":
            print(f"{row['id']}: {state}")
        counts[state] = counts.get(state, 0) + 1
    print(", ".join(f"{state} {n}" for state, n in sorted(counts.items())))
    return 0 if set(counts) == {"ok"} else 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("half").add_argument("publisher")
    commands.add_parser("verify")
    commands.add_parser("stats")
    scoring = commands.add_parser("score")
    scoring.add_argument("--cmd", default=DEFAULT_CMD, help=f"extracting command (default: {DEFAULT_CMD})")
    scoring.add_argument("--show", action="store_true", help="print the tuning half's misses on stderr")
    cleaning = commands.add_parser("clean", help="write texts/ID.txt from a stored excerpt")
    cleaning.add_argument("id")
    cleaning.add_argument("raw", help="the excerpt as the search tool returned it, UTF-8")
    add_cleaning_flags(cleaning)
    cleaning.add_argument("--recorded", action="store_true", help=f"use the options in {RECIPES.name}")
    cleaning.add_argument("--find", action="store_true", help="try the usual cleanings against the manifest")
    everything = commands.add_parser("clean-all", help="clean every excerpt FOLDER/ID.txt")
    everything.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "half":
        print(half_of(args.publisher))
        return 0
    if args.command == "verify":
        return verify()
    if args.command == "stats":
        return stats()
    if args.command == "clean":
        return clean(args)
    if args.command == "clean-all":
        return clean_all(args.folder)
    return score(args.cmd, args.show)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
