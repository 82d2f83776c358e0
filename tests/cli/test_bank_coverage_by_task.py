"""``studykit bank coverage --by task``: the exam guide's tasks and objectives, gaps, and --check."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"
COVERAGE = ["--content", str(DATA / "coverage" / "content"), str(DATA / "questions" / "good")]


def _run(*args: str):
    return CliRunner().invoke(cli, ["bank", "coverage", "--by", "task", *args])


def test_text_lists_tasks_objectives_concepts_and_gaps():
    result = _run(*COVERAGE)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("  3.3 Customize a foundation model") for line in lines)
    assert any(line.startswith("!   3.3.3 Evaluate a customized model") for line in lines)
    assert "continued-pre-training, fine-tuning, instruction-fine-tuning" in result.output
    assert "  objective 3.3.3: no concept teaches it" in lines
    assert max(len(line) for line in lines) <= 80


def test_check_exits_1_when_there_is_a_gap():
    assert _run("--check", *COVERAGE).exit_code == 1


def test_json_carries_the_counts_and_the_gaps():
    result = _run("--json", "--threshold", "1", "--minimums", "0,1,1,0,0", *COVERAGE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    objectives = {row["objective"]: row for task in data["tasks"] for row in task["objectives"]}
    assert objectives["3.3.3"]["no_concept"] is True
    assert objectives["3.3.1"]["authored"] > 0 and objectives["3.3.1"]["generated"] > 0
    assert [domain["minimum"] for domain in data["domains"]] == [0, 1, 1, 0, 0]
    assert data["ok"] is False
    assert "objective 3.3.3: no concept teaches it" in data["problems"]
    assert "domain 3: missing kinds: case study" in data["problems"]


def test_minimums_must_be_five_whole_numbers():
    result = _run("--minimums", "65,80", *COVERAGE)
    assert result.exit_code == 2
    assert "--minimums" in result.output


def test_content_without_an_exam_guide_is_a_usage_error():
    result = _run("--content", str(DATA / "questions" / "content"), str(DATA / "questions" / "good"))
    assert result.exit_code == 2
    assert "has no _objectives.yaml" in result.output


def test_shipped_content_and_banks_report_every_task_of_the_guide():
    from studykit.concepts.objectives import load_exam_guide
    from studykit.resources import content_dir

    guide = load_exam_guide(content_dir())
    assert guide is not None
    data = json.loads(_run("--json").output)
    assert [task["task"] for task in data["tasks"]] == [task.id for task in guide.tasks]
    assert len([row for task in data["tasks"] for row in task["objectives"]]) == len(guide.objectives)


def test_the_shipped_content_and_banks_pass_the_coverage_check():
    """Every objective taught and questioned, every domain at its authored minimum with every kind."""
    result = _run("--check")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("No gaps")
