from __future__ import annotations

import pytest

from studykit.engine.exam import ExamProgress
from studykit.questions.model import ChoiceAnswer


def test_navigation_stays_inside_the_exam() -> None:
    progress = ExamProgress(("a", "b", "c"))
    assert not progress.back()
    assert progress.forward() and progress.forward()
    assert progress.at_last and not progress.forward()
    progress.go(0)
    assert progress.current == "a"
    with pytest.raises(IndexError):
        progress.go(3)


def test_review_screen_lists_unanswered_and_flagged() -> None:
    progress = ExamProgress(("a", "b", "c"))
    progress.answer(ChoiceAnswer(frozenset({1})))
    progress.forward()
    assert progress.toggle_flag()
    progress.forward()
    progress.answer(ChoiceAnswer(frozenset({0})))
    assert progress.unanswered() == [1]
    assert progress.flagged_positions() == [1]
    progress.go(1)
    assert not progress.toggle_flag()
    assert progress.flagged_positions() == []


def test_changing_and_clearing_an_answer() -> None:
    progress = ExamProgress(("a",))
    progress.answer(ChoiceAnswer(frozenset({1})))
    progress.answer(ChoiceAnswer(frozenset({2})))
    assert progress.answers == {"a": ChoiceAnswer(frozenset({2}))}
    progress.clear()
    assert progress.unanswered() == [0]


def test_restore_drops_answers_and_flags_of_questions_no_longer_asked() -> None:
    progress = ExamProgress.restore(
        ["a", "c"], {"a": ChoiceAnswer(frozenset({0})), "b": ChoiceAnswer(frozenset({1}))}, ["b", "c"], 5
    )
    assert set(progress.answers) == {"a"}
    assert progress.flagged == {"c"}
    assert progress.position == 1
