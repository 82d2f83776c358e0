"""The exam guide's objectives: the shipped map, and the checks that keep concepts on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.concepts import load_concepts
from studykit.concepts.objectives import load_exam_guide
from studykit.resources import content_dir

DATA = Path(__file__).parent.parent / "data" / "concepts"
VALID_CONCEPT = (DATA / "valid" / "transfer-learning.yaml").read_text(encoding="utf-8")

GUIDE = """\
guide: Test guide
checked: 2026-12-04
tasks:
  - id: "3.3"
    title: Training
    source: https://docs.aws.amazon.com/aws-certification/latest/ai-practitioner-01/ai-practitioner-01-domain3.html
    objectives:
      - id: "3.3.1"
        text: Key elements of training
      - id: "3.3.2"
        text: Ways to fine-tune
"""


def test_the_shipped_guide_has_every_task_statement_of_the_five_domains():
    guide = load_exam_guide(content_dir())
    assert guide is not None
    assert [task.id for task in guide.tasks] == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "5.1", "5.2",
    ]  # fmt: skip
    assert {objective.domain for objective in guide.objectives.values()} == {1, 2, 3, 4, 5}
    for task in guide.tasks:
        assert all(objective.task == task.id for objective in task.objectives)
        assert task.source.endswith(f"ai-practitioner-01-domain{task.domain}.html")


def test_shipped_concepts_name_only_objectives_of_the_guide():
    guide = load_exam_guide(content_dir())
    assert guide is not None
    for concept in load_concepts():
        assert set(concept.objectives) <= set(guide.objectives), concept.id


def concept_folder(tmp_path: Path, objectives_line: str, guide: str = GUIDE) -> Path:
    (tmp_path / "_objectives.yaml").write_text(guide, encoding="utf-8")
    text = VALID_CONCEPT.replace("\ncategory:", f"\n{objectives_line}\ncategory:", 1)
    (tmp_path / "transfer-learning.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def topics(folder: Path):
    return CliRunner().invoke(cli, ["topics", "--content", str(folder)], catch_exceptions=False)


def test_a_concept_naming_an_objective_of_the_guide_loads(tmp_path):
    result = topics(concept_folder(tmp_path, 'objectives: ["3.3.2"]'))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('objectives: ["3.3.9"]', "objective '3.3.9' is not in the exam guide"),
        ("objectives: [fine-tuning]", "'fine-tuning' is not an exam objective id"),
        ('objectives: ["3.3.1", "3.3.1"]', "objective '3.3.1' is listed twice"),
    ],
)
def test_a_concept_naming_an_unknown_or_malformed_objective_is_refused(tmp_path, line, message):
    result = topics(concept_folder(tmp_path, line))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "transfer-learning.yaml" in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_objective_filed_under_the_wrong_task_is_refused(tmp_path):
    guide = GUIDE.replace('id: "3.3.2"', 'id: "3.4.2"')
    result = topics(concept_folder(tmp_path, 'objectives: ["3.3.1"]', guide))
    assert result.exit_code == 2
    assert "_objectives.yaml:10:13:" in result.stderr
    assert "objective '3.4.2' is listed under task 3.3" in result.stderr


def correction_folder(tmp_path: Path, fact_lines: str) -> Path:
    text = VALID_CONCEPT.replace(
        "facts:\n",
        "facts:\n  - text: Agents on AWS are now built with Amazon Bedrock AgentCore.\n"
        "    source: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/what-is-bedrock-agentcore.html\n"
        + fact_lines,
        1,
    )
    (tmp_path / "transfer-learning.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_correction_can_name_what_common_study_material_still_teaches(tmp_path):
    folder = correction_folder(
        tmp_path, "    kind: correction\n    often_taught: Agents are built only with Bedrock Agents.\n"
    )
    result = CliRunner().invoke(cli, ["learn", "transfer-learning", "--content", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert "What changed" in result.stdout
    assert "Often taught:" in result.stdout
    assert "Agents are built only with Bedrock Agents." in result.stdout


def test_a_correction_without_the_old_claim_is_refused(tmp_path):
    result = topics(correction_folder(tmp_path, "    kind: correction\n"))
    assert result.exit_code == 2
    assert "a correction needs 'seed_said' or 'often_taught'" in result.stderr


def test_only_a_correction_carries_an_old_claim(tmp_path):
    result = topics(correction_folder(tmp_path, "    often_taught: Something older.\n"))
    assert result.exit_code == 2
    assert "only a correction has 'often_taught'" in result.stderr
