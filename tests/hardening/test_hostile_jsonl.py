"""Hostile JSON Lines given to every dataset command that reads a file.

``validate`` reports each bad line as a finding (``file:line: error: … — fix``, exit 1);
``stats`` and ``cost`` measure the records and say on stderr how many lines they
skipped (exit 2 when none is a record); ``convert`` stops at the first bad line
(exit 2) and leaves no output file. A file that cannot be read at all is one line
on stderr and exit 2 for every command.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import cli
from tests.hardening import hostile
from tests.hardening.process import run_studykit, studykit_env

VALID = hostile.valid_jsonl()
MODEL = "llama-3-1-8b"  # takes the prompt/completion records of the valid file

# What validate reports, by finding kind, for each case that leaves the file readable.
FINDINGS = {
    "alias-bomb": "invalid-json",
    "deep-nesting": "invalid-json",
    "binary": "not-utf8",
    "non-utf8": "not-utf8",
    "bom": "bom",
    "duplicate-key": "duplicate-key",
    "nan": "invalid-json",
    "truncated": "truncated-line",
    "empty": "empty",
    "markup": "unknown-format",
    "100mb": "too-long",
}
CLEAN = {"long-line", "crlf"}  # a 10 MB record is valid JSON; CRLF endings are allowed (a note)
UNREADABLE = {"folder", "unreadable"}
ALL_CASES = [*FINDINGS, *CLEAN, *UNREADABLE]


def plant(case: str, target: Path) -> Path:
    if case == "folder":
        hostile.plant_folder(target)
    elif case == "unreadable":
        hostile.plant_unreadable(target, VALID)
    elif case == "100mb":
        hostile.write_sparse(target, 100 * hostile.MB)
    else:
        target.write_bytes(hostile.JSONL_CASES[case](VALID))
    return target


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def assert_one_line_error(result: Result, target: Path, *, line: bool = False) -> None:
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {target}{':' if line else ''}"), lines[0]
    assert " — " in lines[0], f"no hint on what to do: {lines[0]}"


@pytest.mark.parametrize("case", ALL_CASES)
def test_validate_reports_each_hostile_line_with_where_and_what_to_do(case: str, tmp_path: Path) -> None:
    target = plant(case, tmp_path / "train.jsonl")
    result = invoke(["dataset", "validate", str(target)])
    if case in UNREADABLE:
        assert_one_line_error(result, target)
        return
    assert "\x1b" not in result.output
    if case in CLEAN:
        assert result.exit_code == 0, result.output
        if case == "crlf":
            assert f"{target}:1: note: Windows line endings (CRLF)" in result.stdout
        return
    assert result.exit_code == 1, result.output
    findings = [line for line in result.stdout.splitlines() if line.startswith(f"{target}:")]
    errors = [line for line in findings if ": error: " in line]
    assert errors and all(" — " in line for line in errors), result.stdout
    as_json = invoke(["dataset", "validate", str(target), "--json"])
    assert FINDINGS[case] in as_json.stdout


STATS_MATRIX = [("stats", case) for case in ALL_CASES]
COST_CASES = ("binary", "nan", "bom", "empty", "folder", "unreadable", "markup")
STATS_MATRIX += [("cost", case) for case in COST_CASES]


@pytest.mark.parametrize(("command", "case"), STATS_MATRIX)
def test_stats_and_cost_measure_the_records_and_count_what_they_skip(
    case: str, command: str, tmp_path: Path
) -> None:
    target = plant(case, tmp_path / "train.jsonl")
    args = ["dataset", "stats", str(target)] if command == "stats" else ["dataset", "cost", str(target)]
    result = invoke([*args, "--model", MODEL] if command == "cost" else args)
    if case in UNREADABLE or case in ("binary", "empty", "100mb"):
        assert_one_line_error(result, target)  # nothing to measure
        return
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    if case in ("bom", "crlf", "long-line"):
        assert skipped == []
    elif case != "markup":  # a record with a strange key is still a record
        assert len(skipped) == 1 and "dataset validate" in skipped[0], result.stderr


@pytest.mark.parametrize("case", ALL_CASES)
def test_convert_stops_at_the_first_bad_line_and_writes_no_file(case: str, tmp_path: Path) -> None:
    target = plant(case, tmp_path / "train.jsonl")
    out = tmp_path / "chat.jsonl"
    result = invoke(["dataset", "convert", str(target), "--to", "openai-chat", "--out", str(out)])
    if case in ("bom", "crlf", "long-line"):
        assert result.exit_code == 0, result.output
        assert out.read_bytes().count(b"\n") == 3 + (case == "long-line")
        return
    assert_one_line_error(result, target, line=case not in UNREADABLE | {"empty"})
    assert "\x1b" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["train.jsonl"]


def test_escape_codes_in_a_file_name_are_shown_not_obeyed(tmp_path: Path) -> None:
    target = tmp_path / f"{hostile.ESCAPES}[bold red]loud.jsonl"  # no / in a file name
    target.write_bytes(hostile.JSONL_CASES["nan"](VALID))
    for args in (["validate"], ["stats"], ["cost", "--model", MODEL], ["convert", "--to", "openai-chat"]):
        result = invoke(["dataset", *args, str(target), *(["--out", "-"] if "convert" in args else [])])
        assert "\x1b" not in result.stdout + result.stderr, args
        assert "\\x1b" in result.stdout + result.stderr, args


MAX_RSS_MB = 200  # ~30 MB of interpreter, a 16 MB line cap, a 10 MB record held while it is checked


@pytest.mark.parametrize(
    ("case", "command"),
    [
        ("100mb", ["validate"]),
        ("100mb", ["convert", "--to", "openai-chat", "--out", "-"]),
        ("long-line", ["stats"]),
        ("deep-nesting", ["cost", "--model", MODEL]),
    ],
)
def test_heavy_files_are_read_in_bounded_memory_in_a_real_process(
    case: str, command: list[str], tmp_path: Path
) -> None:
    target = plant(case, tmp_path / "train.jsonl")
    outcome = run_studykit(["dataset", command[0], str(target), *command[1:]], env=studykit_env(tmp_path))
    assert not outcome.hung
    assert "Traceback" not in outcome.stderr
    assert outcome.code in (0, 1, 2)
    assert outcome.peak_rss_mb < MAX_RSS_MB, f"{case} {command[0]}: {outcome.peak_rss_mb:.0f} MB"
