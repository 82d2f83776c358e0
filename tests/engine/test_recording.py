from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from studykit.engine.recording import SessionRecorder, resumable, saved_banks
from studykit.questions.model import ChoiceAnswer
from studykit.store import all_answers, all_cards, latest_active_session, start_session

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def test_quiz_answers_are_committed_and_become_review_cards(store, single) -> None:
    questions = [single("a"), single("b")]
    recorder = SessionRecorder.start(store, "quiz", questions, lambda: NOW, seed=4)
    recorder.answered(questions[0], ChoiceAnswer(frozenset({0})), True, 12.0)
    [answer] = all_answers(store)
    assert (answer.question_id, answer.correct, answer.domain, answer.concepts) == (
        "a",
        True,
        3,
        ("distillation",),
    )
    [card] = all_cards(store)
    assert card.question_id == "a" and card.due > NOW
    recorder.finish()
    assert latest_active_session(store, "quiz") is None


def test_exam_answers_wait_for_submission_before_scheduling(store, single) -> None:
    questions = [single("a")]
    recorder = SessionRecorder.start(store, "exam", questions, lambda: NOW, time_limit_seconds=60)
    recorder.answered(questions[0], ChoiceAnswer(frozenset({1})), False, 5.0, remaining_seconds=55)
    assert all_cards(store) == []
    assert latest_active_session(store, "exam").remaining_seconds == 55


def test_resume_rebuilds_questions_and_answers_in_order(store, single) -> None:
    questions = [single("a"), single("b"), single("c")]
    recorder = SessionRecorder.start(store, "quiz", questions, lambda: NOW, seed=9)
    recorder.answered(questions[1], ChoiceAnswer(frozenset({2})), False, 3.0)
    resumed = resumable(store, "quiz", list(reversed(questions)))
    assert resumed is not None
    assert [q.id for q in resumed.questions] == ["a", "b", "c"]
    assert resumed.answers == {"b": ChoiceAnswer(frozenset({2}))}
    assert resumed.session.seed == 9 and resumed.warning is None


def test_questions_gone_from_the_banks_are_dropped_with_a_warning(store, single) -> None:
    questions = [single("a"), single("b"), single("c")]
    recorder = SessionRecorder.start(store, "quiz", questions, lambda: NOW)
    recorder.answered(questions[1], ChoiceAnswer(frozenset({0})), True, 3.0)
    resumed = resumable(store, "quiz", [questions[0], questions[2]])
    assert [q.id for q in resumed.questions] == ["a", "c"]
    assert resumed.answers == {}
    assert (
        resumed.warning == "1 question of this quiz no longer exists in the question banks and was dropped: b"
    )


def test_an_answer_that_no_longer_fits_its_changed_question_is_forgotten(store, single) -> None:
    question = single("a")
    recorder = SessionRecorder.start(store, "quiz", [question], lambda: NOW)
    recorder.answered(question, ChoiceAnswer(frozenset({3})), False, 3.0)
    shrunk = replace(question, options=question.options[:3])
    assert resumable(store, "quiz", [shrunk]).answers == {}


def test_nothing_to_resume(store) -> None:
    assert resumable(store, "exam", []) is None


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"banks": ["week-1.yaml", "more"]}, [Path("week-1.yaml"), Path("more")]),
        ({}, []),
        ({"banks": "week-1.yaml"}, []),  # a hand-edited file: fall back to the shipped banks
        ({"banks": [1, 2]}, []),
    ],
)
def test_saved_banks_are_read_back_or_fall_back_to_the_shipped_ones(store, settings, expected) -> None:
    session = start_session(store, "quiz", ["a"], NOW, settings=settings)
    assert saved_banks(session) == expected
