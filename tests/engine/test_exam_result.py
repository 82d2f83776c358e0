from __future__ import annotations

from studykit.engine.exam_result import score_exam
from studykit.questions.model import ChoiceAnswer


def test_unanswered_questions_count_as_wrong_and_are_listed(single) -> None:
    questions = [single("a"), single("b"), single("c")]
    result = score_exam(questions, {"a": ChoiceAnswer(frozenset({0})), "b": ChoiceAnswer(frozenset({2}))})
    assert (result.score.correct, result.score.total) == (1, 3)
    assert result.wrong == ("b", "c")
    assert result.unanswered == ("c",)
    assert not result.passed


def test_per_domain_report_uses_the_pass_fraction_and_scoring_is_compensatory(single) -> None:
    questions = [single(f"d3-{i}", domain=3) for i in range(8)] + [
        single(f"d5-{i}", domain=5) for i in range(2)
    ]
    answers = {q.id: ChoiceAnswer(frozenset({0})) for q in questions if q.domain == 3}
    result = score_exam(questions, answers)
    domains = {tally.key: tally for tally in result.domains}
    assert domains[3].meets_competencies and not domains[5].meets_competencies
    assert result.score.score >= 700 and result.passed  # 80 % overall passes despite domain 5


def test_concepts_are_listed_weakest_first_and_count_every_concept_tested(single) -> None:
    questions = [single("a", concepts=("distillation", "costs")), single("b", concepts=("costs",))]
    result = score_exam(questions, {"a": ChoiceAnswer(frozenset({0}))})
    assert [(t.key, t.correct, t.total) for t in result.concepts] == [("costs", 1, 2), ("distillation", 1, 1)]
