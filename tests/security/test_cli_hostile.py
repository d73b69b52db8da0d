"""The command line facing hostile input: a batch goes on past bad files, titles cannot drive
the terminal, and a writer is not told about a stored copy they may not see."""

from __future__ import annotations

from pathlib import Path

from tests.cli.store_dump import dump
from tests.security.conftest import Run
from tests.security.hostile import billion_laughs, deeply_nested, lying_bomb

APPEAL = (
    "12 May 2025\n\nKenya: defender [/] Amina \x1b]0;pwned\x07Example [bold]detained\u202e\n\n"
    "On 10 May 2025, police officers arrested human rights defender Amina Example in Nairobi.\n"
)


def test_a_batch_goes_on_past_hostile_files_and_names_each(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    bad = {
        "bomb.docx": lying_bomb(50),
        "laughs.docx": billion_laughs(),
        "deep.docx": deeply_nested(),
        "nul.txt": b"Kenya\n\n" * 12000 + b"\x00",
        "junk.bin": bytes(range(256)) * 40,
    }
    paths = []
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    good = tmp_path / "good.txt"
    good.write_text(APPEAL.replace("[/]", "and"), encoding="utf-8")
    before = dump(store)
    result = run_vigil("ingest", "--jobs", "2", *paths)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for path in paths:
        assert path in result.stderr
    assert dump(store) == before, "refused files changed the store"
    stored = run_vigil("ingest", *paths[:2], str(good))
    assert stored.returncode == 1 and f"{good}: source 1" in stored.stdout


def test_a_title_with_markup_and_escape_sequences_is_shown_inert(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    appeal = tmp_path / "hostile-title.txt"
    appeal.write_text(APPEAL, encoding="utf-8")
    run_vigil("ingest", "--accept", str(appeal), check=True)
    for command in (("case", "show", "1"), ("case", "list"), ("source", "list"), ("search", "Amina")):
        shown = run_vigil(*command)
        assert shown.returncode == 0, (command, shown.stderr)
        assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout and "\u202e" not in shown.stdout
    assert "[/]" in run_vigil("case", "show", "1").stdout


def test_a_writer_who_may_not_see_a_stored_copy_is_answered_as_for_a_new_file(
    run_vigil: Run, store: Path, tmp_path: Path
) -> None:
    appeal = tmp_path / "secret.txt"
    appeal.write_text(APPEAL.replace("[/]", "and"), encoding="utf-8")
    run_vigil("ingest", "--accept", "--confidentiality", "confidential", str(appeal), check=True)
    run_vigil("user", "create", "edna", "--role", "editor", check=True)
    before = dump(store)
    again = run_vigil("--as", "edna", "ingest", "--accept", str(appeal), check=True)
    assert (
        "already stored" not in again.stdout and "source 1" not in again.stdout and "case" not in again.stdout
    )
    assert f"{appeal}: stored," in again.stdout
    added = [row for row in dump(store) if row not in before]
    assert all(row.startswith(("audit_auditevent", "sqlite_sequence: ('audit")) for row in added), added
    assert any("source.resubmitted" in row for row in added)
