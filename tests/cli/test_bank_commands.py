"""``studykit bank coverage``, ``schema`` and ``new`` through the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from studykit.cli import cli
from studykit.questions.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
CONTENT = str(DATA / "questions" / "content")


def _run(*args: str):
    return CliRunner().invoke(cli, ["bank", *args])


def test_coverage_of_shipped_banks_prints_concepts_and_domains():
    result = _run("coverage")
    assert result.exit_code == 0, result.output
    assert "continued-pre-training" in result.output
    assert "3 Applications of Foundation Models" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    lines = result.output.splitlines()
    assert not [
        line for line in lines if line.startswith("! ") and line[2:4] in {"1 ", "2 ", "3 ", "4 ", "5 "}
    ]
    assert lines[-3].startswith("Room for ") and lines[-3].endswith(" distinct 65-question exam(s).")
    assert "under weight" not in result.output


def test_coverage_json_lists_gaps():
    result = _run(
        "coverage", "--json", "--threshold", "2", "--content", CONTENT, str(DATA / "questions" / "good")
    )
    data = json.loads(result.output)
    assert result.exit_code == 0
    assert data["threshold"] == 2
    assert 4 in data["domains_under_weight"] and 4 in data["domains_short"]
    assert data["forms"] == 0 and data["exam_questions"] == 65
    assert {row["concept"] for row in data["concepts"]} >= set(data["concepts_below_threshold"])


def test_coverage_of_a_broken_bank_is_an_input_error():
    result = _run(
        "coverage", "--content", CONTENT, str(DATA / "bank_tools" / "lint" / "schema" / "triggers.yaml")
    )
    assert result.exit_code == 2
    assert re.search(r"triggers\.yaml:\d+:\d+: questions\[3\]\.difficulty has unknown value", result.output)


def test_schema_prints_json_and_writes_files_without_clobbering(tmp_path):
    result = _run("schema")
    assert result.exit_code == 0
    assert result.output == schema_text()
    target = tmp_path / "bank.schema.json"
    assert _run("schema", "--out", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "studykit question bank"
    again = _run("schema", "--out", str(target))
    assert again.exit_code == 2 and "already exists" in again.output
    assert _run("schema", "--out", str(target), "--force").exit_code == 0


def test_new_writes_a_starter_that_lints_clean(tmp_path):
    target = tmp_path / "week-2.yaml"
    result = _run("new", str(target))
    assert result.exit_code == 0, result.output
    assert f"studykit bank lint {target}" in result.output
    lint = CliRunner().invoke(cli, ["bank", "lint", str(target)])
    assert lint.exit_code == 0 and lint.output.startswith("Clean: 7 question(s)")
    assert _run("new", str(target)).exit_code == 2
    assert target.read_text(encoding="utf-8").count("kind:") == 8  # five questions, a case study of two


def test_new_to_stdout_uses_the_given_name():
    result = _run("new", "-", "--name", "intro", "--title", "Intro quiz")
    assert result.exit_code == 0
    data = yaml.safe_load(result.output)
    assert data["bank"] == "intro" and data["title"] == "Intro quiz"


def test_new_refuses_a_name_that_is_not_the_file_name(tmp_path):
    result = _run("new", str(tmp_path / "a.yaml"), "--name", "b")
    assert result.exit_code == 2 and "differs from the file name" in result.output


def test_pre_commit_hook_runs_bank_lint_on_bank_files():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"].split() == ["studykit", "bank", "lint"]
    assert re.search(hook["files"], "quizzes/use-cases.yaml")
    assert re.search(hook["files"], "course/banks/week-1.yml")
    assert not re.search(hook["files"], ".github/workflows/ci.yaml")
