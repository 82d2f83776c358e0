from __future__ import annotations

import pytest

from studykit.questions.bank import load_bank
from studykit.questions.lint import lint_paths
from studykit.questions.model import Kind
from studykit.questions.starter import question_prefix, starter_bank


@pytest.mark.parametrize("name", ["week-3", "Yes", "AI: basics #1", "2024"])
def test_starter_bank_loads_with_one_question_of_each_kind_and_a_case_study_and_lints_clean(name, tmp_path):
    path = tmp_path / f"{name}.yaml"
    path.write_text(starter_bank(name), encoding="utf-8")
    bank = load_bank(path)
    assert bank.name == name
    alone = [question for question in bank.questions if question.case is None]
    assert sorted(question.kind.value for question in alone) == sorted(kind.value for kind in Kind)
    (case,) = {question.case for question in bank.questions if question.case is not None}
    assert len(case.questions) == 2 and case.id.startswith(question_prefix(name))
    assert all(question.id.startswith(question_prefix(name)) for question in bank.questions)
    assert lint_paths([path]).findings == ()


def test_starter_explains_the_format_in_comments():
    text = starter_bank("week-3", "Week 3: customization")
    assert text.startswith("# yaml-language-server: $schema=")
    assert 'title: "Week 3: customization"' in text
    assert text.count("\n  # ") >= 6  # one comment per kind and one on case studies


def test_question_prefix_is_a_valid_id():
    assert question_prefix("AI: basics #1") == "ai-basics-1"
    assert question_prefix("???") == "bank"
