"""Coverage by exam task and objective: the concepts and questions on each, gaps named."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.concepts import load_concepts
from studykit.concepts.objectives import ExamGuide, Objective, Task, load_exam_guide
from studykit.questions.bank import load_banks
from studykit.questions.coverage import bank_coverage
from studykit.questions.generate import generate_questions
from studykit.questions.model import CaseStudy, Kind, Option, Question
from studykit.questions.task_coverage import AUTHORED_MINIMUMS, task_coverage, task_coverage_lines

DATA = Path(__file__).resolve().parent.parent / "data"
CONTENT = DATA / "coverage" / "content"
BANKS = [DATA / "questions" / "good", DATA / "questions" / "cases"]


@pytest.fixture(scope="module")
def setup():
    concepts = load_concepts(CONTENT)
    guide = load_exam_guide(CONTENT)
    assert guide is not None
    authored = [question for bank in load_banks(BANKS, concepts) for question in bank.questions]
    return concepts, guide, authored, generate_questions(concepts)


def _on(questions, concept_ids) -> int:
    return sum(1 for question in questions if set(question.concepts) & set(concept_ids))


def test_every_task_and_objective_is_listed_with_the_concepts_that_teach_it(setup):
    concepts, guide, authored, generated = setup
    report = task_coverage(authored, generated, concepts, guide)
    assert [task.id for task in report.tasks] == [task.id for task in guide.tasks]
    rows = {row.id: row for row in report.objectives}
    assert list(rows) == list(guide.objectives)
    assert rows["3.3.1"].concepts == ("continued-pre-training", "fine-tuning", "instruction-fine-tuning")
    assert rows["3.3.3"].concepts == ()
    assert report.unmapped_concepts == ("prompt-engineering",)


def test_a_question_counts_once_for_each_objective_of_its_concepts(setup):
    concepts, guide, authored, generated = setup
    rows = {row.id: row for row in task_coverage(authored, generated, concepts, guide).objectives}
    taught_311 = ("continued-pre-training", "fine-tuning", "instruction-fine-tuning")
    assert rows["3.3.1"].authored == _on(authored, taught_311)
    assert rows["3.3.1"].generated == _on(generated, taught_311) > 0
    assert rows["3.3.2"].authored == _on(authored, ["instruction-fine-tuning"])
    assert rows["2.1.1"].authored == _on(authored, ["provisioned-throughput"])
    task = next(
        task for task in task_coverage(authored, generated, concepts, guide).tasks if task.id == "3.3"
    )
    assert task.authored == _on(authored, taught_311)  # distinct questions, not a sum over objectives


def test_gaps_are_objectives_without_a_concept_or_with_too_few_authored_questions(setup):
    concepts, guide, authored, generated = setup
    rows = {
        row.id: row for row in task_coverage(authored, generated, concepts, guide, threshold=3).objectives
    }
    assert rows["3.3.3"].gap and rows["3.3.1"].gap is False
    assert rows["2.1.1"].gap == (rows["2.1.1"].authored < 3)
    higher = {
        row.id: row for row in task_coverage(authored, generated, concepts, guide, threshold=100).objectives
    }
    assert all(row.gap for row in higher.values())


def test_domains_count_authored_questions_by_kind_with_case_studies_as_a_kind(setup):
    concepts, guide, authored, generated = setup
    report = task_coverage(authored, generated, concepts, guide)
    by_domain = {domain.domain: domain for domain in report.domains}
    three = dict(by_domain[3].by_kind)
    assert three["case_study"] == sum(1 for q in authored if q.domain == 3 and q.case is not None) > 0
    assert three["single"] == sum(
        1 for q in authored if q.domain == 3 and q.case is None and q.kind is Kind.SINGLE
    )
    assert sum(three.values()) == by_domain[3].authored
    assert by_domain[4].missing_kinds == tuple(three)  # no question at all: every kind is missing
    assert [domain.minimum for domain in report.domains] == [AUTHORED_MINIMUMS[n] for n in range(1, 6)]


def test_problems_name_each_gap_and_the_report_fits_80_columns(setup):
    concepts, guide, authored, generated = setup
    report = task_coverage(authored, generated, concepts, guide)
    assert "objective 3.3.3: no concept teaches it" in report.problems
    assert "domain 4: 0 authored question(s), 50 needed" in report.problems
    lines = task_coverage_lines(report)
    assert max(len(line) for line in lines) <= 80
    assert any(line.startswith("!   3.3.3 Evaluate a customized model") for line in lines)
    assert any(line.startswith("    3.3.1 ") for line in lines)  # no gap, no mark
    assert report.to_json()["ok"] is False


def _question(number: int, domain: int, kind: Kind, case: CaseStudy | None = None) -> Question:
    options = (Option("True", True, "Right."), Option("False", False, "Wrong."))
    return Question(f"q-{number}", kind, ("fine-tuning",), domain, "easy", "S.", "E.", options, case=case)


def test_no_problems_when_every_objective_and_domain_is_complete():
    concepts = load_concepts(CONTENT)
    guide = ExamGuide("g", "2026-12-04", (Task("3.3", "t", "s", (Objective("3.3.1", "o"),)),))
    case = CaseStudy("cs-one", "A case", "A scenario.")
    questions = [
        _question(domain * 10 + index, domain, kind, case if index == 5 else None)
        for domain in range(1, 6)
        for index, kind in enumerate([*Kind, Kind.TRUE_FALSE])
    ]
    report = task_coverage(questions, (), concepts, guide, minimums={n: 6 for n in range(1, 6)})
    assert report.problems == []
    assert task_coverage_lines(report)[-1].startswith("No gaps")
    short = task_coverage(questions, (), concepts, guide, minimums={n: 7 for n in range(1, 6)})
    assert len(short.problems) == 5


def test_concept_coverage_counts_case_study_questions_as_their_own_kind(setup):
    concepts, _guide, authored, _generated = setup
    rows = {row.concept: dict(row.by_kind) for row in bank_coverage(authored, concepts).concepts}
    parts = [q for q in authored if q.case is not None and "instruction-fine-tuning" in q.concepts]
    assert rows["instruction-fine-tuning"]["case_study"] == len(parts) > 0
    assert sum(rows["instruction-fine-tuning"].values()) == _on(authored, ["instruction-fine-tuning"])
