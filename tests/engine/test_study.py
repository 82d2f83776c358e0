"""Today's study session: due reviews first, then new questions from the weakest domains, sized to
the learner's pace; and the next step progress and study name."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta, timezone

from studykit.engine.adaptive import PracticeHistory
from studykit.engine.next_step import next_step
from studykit.engine.progress_report import Accuracy, ProgressReport
from studykit.engine.readiness import Readiness
from studykit.engine.review import new_card
from studykit.engine.study import DEFAULT_SECONDS, plan_study, study_pace
from studykit.store import SavedAnswer
from tests.engine.conftest import make_single

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
POOL = [make_single(f"q{n:03d}", domain=1 + n % 5) for n in range(200)]


def answer(seconds: float, domain: int = 3, correct: bool = True, qid: str = "x") -> SavedAnswer:
    return SavedAnswer(1, qid, "{}", correct, seconds, domain, ("c",), NOW)


def test_the_pace_is_the_learners_median_answer_time_plus_reading_the_feedback() -> None:
    assert study_pace([]) == DEFAULT_SECONDS
    assert study_pace([answer(10), answer(30), answer(20)]) == 40
    assert study_pace([answer(1)] * 5) == 30  # never planned faster than 30 s a question
    assert study_pace([answer(400)]) == 180


def test_due_reviews_come_first_longest_overdue_first_then_new_questions_fill_the_time() -> None:
    due = [new_card("q007", NOW - timedelta(days=3)), new_card("q003", NOW - timedelta(hours=1))]
    history = PracticeHistory(answered={"q007": 1, "q003": 1})
    plan = plan_study(POOL, 10, random.Random(1), history, due, {}, seconds_per_question=60)
    assert [q.id for q in plan.reviews] == ["q007", "q003"]
    assert len(plan.questions) == 10 and all(history.is_new(q) for q in plan.new)
    short = plan_study(POOL, 1, random.Random(1), history, due, {}, seconds_per_question=60)
    assert [q.id for q in short.questions] == ["q007"]


def test_new_questions_come_mostly_from_the_weakest_domains() -> None:
    estimates = {1: 0.9, 2: 0.9, 3: 0.9, 4: 0.2, 5: 0.9}
    drawn: Counter[int] = Counter()
    for seed in range(20):
        plan = plan_study(POOL, 20, random.Random(seed), PracticeHistory(), [], estimates, 60)
        drawn.update(question.domain for question in plan.new)
        assert plan.weakest_domains[0] == 4
    assert drawn[4] == max(drawn.values()) and drawn[4] > 2 * drawn[1]


def report(**changes) -> ProgressReport:
    base = {
        "generated_at": NOW,
        "answered": 40,
        "correct": 30,
        "domains": (),
        "concepts": (),
        "trend": (),
        "exams": (),
        "due": {"now": 0, "today": 0, "week": 0, "total": 40},
        "weakest": (),
        "readiness": Readiness(760, 700, 820, 0.8, 0.8, 40, (), ()),
    }
    return ProgressReport(**{**base, **changes})


def test_the_next_step_follows_what_the_learner_most_needs() -> None:
    assert next_step(report(answered=0)).command == "studykit study"
    assert next_step(report(due={"now": 3})).command == "studykit review"
    assert "3 questions are due" in next_step(report(due={"now": 3})).reason
    weak = next_step(
        report(weakest=(Accuracy("distillation", 1, 4),)), {"distillation": "Model distillation"}
    )
    assert weak.command == "studykit learn distillation"
    assert "you miss Model distillation most (1 of 4 right)" in weak.reason
    assert (
        next_step(report(readiness=None, answered=12)).reason
        == "answer 8 more questions for a readiness estimate"
    )
    unmeasured = Readiness(600, 500, 700, 0.1, 0.6, 40, (), (4,))
    assert next_step(report(readiness=unmeasured)).command == "studykit quiz --domain 4"
    assert next_step(report()).command == "studykit exam"
    below = Readiness(600, 500, 700, 0.1, 0.6, 40, (), ())
    assert next_step(report(readiness=below)).command == "studykit study"
