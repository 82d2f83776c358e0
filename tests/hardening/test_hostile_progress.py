"""A hostile progress file (STUDYKIT_HOME/progress.sqlite3) under every command that opens it.

A file that is not studykit's, or is damaged, is moved aside untouched with one
warning line and a new one is started (exit 0); a file that cannot be opened at
all is one error line with what to do (exit 2). Nothing is ever overwritten.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import cli
from studykit.store import all_answers, open_store
from tests.hardening import hostile

BANK = Path(__file__).resolve().parents[1] / "data" / "exam"
QUESTIONS = ["--bank", str(BANK), "--no-generated", "--seed", "2"]
COMMANDS = {
    "progress": ["progress"],
    "progress --json": ["progress", "--json"],
    "quiz": ["quiz", "--count", "2", *QUESTIONS],
    "exam": ["exam", "--questions", "2", *QUESTIONS],
    "review": ["review", *QUESTIONS],
}


def invoke(args: list[str], stdin: str = "q\n") -> Result:
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def valid_store(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a real progress file holding two answers."""
    home = tmp_path_factory.mktemp("seed-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STUDYKIT_HOME", str(home))
        assert invoke(COMMANDS["quiz"], stdin="A\nB\n").exit_code == 0
    with open_store(home / "progress.sqlite3") as store:
        assert len(all_answers(store)) == 2
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return (home / "progress.sqlite3").read_bytes()


MOVED = {  # case -> how the file is described when it is moved aside
    "binary": "not a studykit progress file",
    "text": "not a studykit progress file",
    "bom": "not a studykit progress file",
    "truncated": "damaged",
    "header-only": "damaged",
    "zeroed-pages": "damaged",
    "100mb-sparse": "not a studykit progress file",
}
KEPT = ["empty", "100mb-grown"]  # usable as they are
REFUSED = ["folder", "unreadable"]


def plant(case: str, path: Path, valid: bytes) -> bytes:
    """Put the hostile file in place; return the bytes it holds (for the moved-aside check)."""
    content = {
        "binary": hostile._binary(valid),
        "text": b"answers: 12 right\n",
        "bom": hostile._bom(valid),
        "truncated": valid[: len(valid) // 2],
        "header-only": valid[:100],
        "zeroed-pages": valid[:4096] + bytes(len(valid) - 4096),
        "empty": b"",
        "100mb-grown": valid,
    }
    if case == "folder":
        hostile.plant_folder(path)
    elif case == "unreadable":
        hostile.plant_unreadable(path, valid)
    elif case == "100mb-sparse":
        hostile.write_sparse(path, 100 * hostile.MB)
    else:
        path.write_bytes(content[case])
        if case == "100mb-grown":
            with path.open("r+b") as stream:
                stream.truncate(100 * hostile.MB)  # a real file followed by free pages
    return path.read_bytes() if path.is_file() and case in MOVED and case != "100mb-sparse" else b""


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", [*MOVED, *KEPT, *REFUSED])
def test_hostile_progress_file(case: str, command: str, studykit_home: Path, valid_store: bytes) -> None:
    path = studykit_home / "progress.sqlite3"
    held = plant(case, path, valid_store)
    result = invoke(COMMANDS[command])
    lines = result.stderr.splitlines()
    if case in REFUSED:
        assert result.exit_code == 2, result.output
        assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: ") and " — " in lines[0]
        return
    assert result.exit_code == 0, result.output
    warnings = [line for line in lines if line.startswith("Warning: ")]
    if case in KEPT:
        assert warnings == []
        return
    assert len(warnings) == 1 and MOVED[case] in warnings[0], result.stderr
    aside = [item for item in studykit_home.iterdir() if item.name.startswith("progress.sqlite3.")]
    assert len(aside) == 1 and aside[0].name in warnings[0]
    if held:
        assert aside[0].read_bytes() == held  # moved, never rewritten
    with open_store(path) as store:
        assert store.notices == []
