from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"
LINT = DATA / "bank_tools" / "lint"
CONTENT = str(DATA / "questions" / "content")


def _lint(*args: str):
    return CliRunner().invoke(cli, ["bank", "lint", "--content", CONTENT, *args])


def test_clean_bank_exits_zero_with_a_summary():
    result = _lint(str(LINT / "yaml" / "clean.yaml"))
    assert result.exit_code == 0, result.output
    assert result.output == "Clean: 5 question(s) in 1 file(s).\n"


def test_errors_print_file_line_col_rule_and_exit_one():
    path = LINT / "single-correct" / "triggers.yaml"
    result = _lint(str(path))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    assert first.startswith(f"{shown}:11:7: single-correct a single-choice question needs exactly one")
    assert result.output.splitlines()[-1] == "1 error, 0 warnings in 4 question(s) in 1 file(s)."


def test_warnings_alone_exit_zero_unless_strict():
    path = str(LINT / "negative-stem" / "triggers.yaml")
    assert _lint(path).exit_code == 0
    assert "negative-stem" in _lint(path).output
    assert _lint("--strict", path).exit_code == 1
    assert _lint("--strict", "--ignore", "negative-stem", path).exit_code == 0


def test_unreadable_file_exits_two_with_one_line():
    result = _lint(str(DATA / "bank_tools" / "unreadable" / "binary.yaml"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "unreadable looks like a binary file" in result.output


def _three_files(folder: Path) -> list[str]:
    """A bank over the size limit, one with a duplicate id, and a clean one: the issue's example."""
    huge = folder / "huge.yaml"
    huge.write_text("bank: huge\ntitle: Huge\nquestions:\n" + "# padding\n" * 250_000, encoding="utf-8")
    return [str(huge), str(LINT / "duplicate-id" / "triggers.yaml"), str(LINT / "yaml" / "clean.yaml")]


def test_an_unreadable_file_does_not_hide_the_findings_of_the_others(tmp_path):
    result = _lint(*_three_files(tmp_path))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert any("huge.yaml:1:1: unreadable bank file is larger than" in line for line in lines)
    assert any(": duplicate-id question id " in line for line in lines)
    assert lines[-1].endswith("in 11 question(s) in 2 file(s); 1 path(s) could not be read.")


def test_json_carries_the_unreadable_file_and_the_other_findings(tmp_path):
    result = _lint("--format", "json", *_three_files(tmp_path))
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert {finding["rule"] for finding in data["findings"]} >= {"unreadable", "duplicate-id"}
    (unreadable,) = data["unreadable"]
    assert unreadable["path"].endswith("huge.yaml") and "larger than" in unreadable["message"]
    assert len(data["files"]) == 2 and data["questions"] == 11


def test_github_annotates_the_unreadable_file_and_the_other_findings(tmp_path):
    result = _lint("--format", "github", *_three_files(tmp_path))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert any(
        line.startswith("::error file=") and "huge.yaml,line=1,col=1,title=unreadable::" in line
        for line in lines
    )
    assert any("title=duplicate-id::" in line for line in lines)


def test_a_missing_path_is_a_finding_and_the_rest_is_checked():
    result = _lint("no-such-bank.yaml", str(LINT / "duplicate-id" / "triggers.yaml"))
    assert result.exit_code == 2
    assert "no-such-bank.yaml:1:1: unreadable no such bank file or folder" in result.output
    assert "duplicate-id" in result.output


def test_an_unreadable_file_cannot_be_ignored():
    result = _lint("--ignore", "unreadable", str(LINT / "yaml" / "clean.yaml"))
    assert result.exit_code == 2
    assert "an unreadable file cannot be ignored" in result.output


def test_json_format_lists_findings_with_severity():
    result = _lint("--format", "json", str(LINT / "long-correct" / "triggers.yaml"))
    data = json.loads(result.output)
    assert result.exit_code == 0
    assert data["warnings"] == 1 and data["errors"] == 0
    (finding,) = data["findings"]
    assert finding["rule"] == "long-correct" and finding["severity"] == "warning"
    assert finding["question"] == "q-single" and finding["line"] > 1


def test_github_format_prints_annotations():
    result = _lint("--format", "github", str(LINT / "choose-count" / "triggers.yaml"))
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line.startswith("::error file=")
    assert ",title=choose-count::the stem says choose three but 2 option(s)" in line


def test_list_rules_shows_every_rule_within_80_columns():
    result = CliRunner().invoke(cli, ["bank", "lint", "--list-rules"])
    assert result.exit_code == 0
    assert "position-bias" in result.output and "warning" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_default_lints_the_shipped_banks_clean():
    result = CliRunner().invoke(cli, ["bank", "lint"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Clean: ")
