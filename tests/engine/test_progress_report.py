from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studykit.engine.progress_report import answers_to_csv, build_report, report_to_json
from studykit.engine.review import new_card
from studykit.store import (
    AnswerRecord,
    all_answers,
    all_cards,
    exam_history,
    list_sessions,
    open_store,
    record_answer,
    record_exam,
    save_card,
    start_session,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "progress.sqlite3") as opened:
        quiz = start_session(opened, "quiz", ["q1", "q2", "q3", "q4"], NOW - timedelta(days=2))
        for qid, correct, concepts in (
            ("q1", True, ("distillation",)),
            ("q2", False, ("continued-pre-training",)),
            ("q3", False, ("continued-pre-training", "data-formats")),
            ("q4", True, ("data-formats",)),
        ):
            record_answer(
                opened, quiz.id, AnswerRecord(qid, "{}", correct, 10, 3, concepts), NOW - timedelta(days=2)
            )
        exam = start_session(opened, "exam", ["q5", "q6"], NOW - timedelta(days=1))
        record_answer(
            opened, exam.id, AnswerRecord("q5", "{}", True, 10, 5, ("iam",)), NOW - timedelta(days=1)
        )
        record_exam(opened, exam.id, correct=1, total=2, scaled_score=528, passed=False, domains=[], now=NOW)
        save_card(opened, new_card("q2", NOW - timedelta(hours=1), 3, ("continued-pre-training",)), NOW)
        save_card(opened, new_card("q1", NOW + timedelta(days=3), 3, ("distillation",)), NOW)
        yield opened


def _report(store):
    return build_report(all_answers(store), list_sessions(store), exam_history(store), all_cards(store), NOW)


def test_accuracy_per_domain_and_concept(store) -> None:
    report = _report(store)
    assert [(d.key, d.correct, d.answered) for d in report.domains] == [(3, 2, 4), (5, 1, 1)]
    concepts = {c.key: (c.correct, c.answered) for c in report.concepts}
    assert concepts["continued-pre-training"] == (0, 2)
    assert concepts["data-formats"] == (1, 2)


def test_trend_has_one_point_per_session_and_exams_count_unanswered_as_wrong(store) -> None:
    trend = _report(store).trend
    assert [(p.kind, p.correct, p.answered, p.scaled_score) for p in trend] == [
        ("quiz", 2, 4, None),
        ("exam", 1, 2, 528),
    ]


def test_an_exam_still_in_progress_is_not_on_the_trend(store) -> None:
    unfinished = start_session(store, "exam", ["q7"], NOW)
    record_answer(store, unfinished.id, AnswerRecord("q7", "{}", True, 10, 3, ("iam",)), NOW)
    assert [p.session_id for p in _report(store).trend] == [1, 2]


def test_weakest_concepts_come_first_with_commands_to_study_them(store) -> None:
    data = report_to_json(_report(store), titles={"continued-pre-training": "Continued pre-training"})
    weakest = data["weakest"][0]
    assert weakest["concept"] == "continued-pre-training"
    assert weakest["title"] == "Continued pre-training"
    assert weakest["study"] == [
        "studykit learn continued-pre-training",
        "studykit quiz --topic continued-pre-training",
    ]
    assert [w["concept"] for w in data["weakest"]] == [
        "continued-pre-training",
        "data-formats",
    ]  # none all right


def test_due_counts_and_readiness_need_enough_answers(store) -> None:
    data = report_to_json(_report(store))
    assert data["due_reviews"] == {"now": 1, "today": 1, "week": 2, "total": 2}
    assert data["readiness"] is None  # five answers are too few
    json.dumps(data)  # plain JSON all the way down


def test_csv_export_has_one_row_per_answer_with_its_session_kind(store) -> None:
    rows = list(csv.DictReader(io.StringIO(answers_to_csv(all_answers(store), list_sessions(store)))))
    assert len(rows) == 5
    assert rows[0]["kind"] == "quiz" and rows[-1]["kind"] == "exam"
    assert rows[2]["concepts"] == "continued-pre-training data-formats"


def test_blank_exam_questions_count_as_wrong_in_accuracy_and_readiness(tmp_path: Path) -> None:
    from studykit.engine.readiness import MINIMUM_ANSWERS

    with open_store(tmp_path / "blank.sqlite3") as opened:
        quiz = start_session(opened, "quiz", [f"q{n}" for n in range(30)], NOW - timedelta(days=2))
        for number in range(30):
            record = AnswerRecord(f"q{number}", "{}", True, 10, 3, ("fine-tuning",))
            record_answer(opened, quiz.id, record, NOW - timedelta(days=2))
        before = _report(opened)
        exam = start_session(opened, "exam", [f"e{n}" for n in range(30)], NOW - timedelta(days=1))
        blanks = [AnswerRecord(f"e{n}", "null", False, 0, 3, ("fine-tuning",)) for n in range(30)]
        domains = [{"domain": 3, "correct": 0, "total": 30, "meets": False}]
        record_exam(
            opened,
            exam.id,
            correct=0,
            total=30,
            scaled_score=100,
            passed=False,
            domains=domains,
            now=NOW,
            unanswered=blanks,
        )
        after = _report(opened)
    assert MINIMUM_ANSWERS <= 30
    assert (after.answered, after.correct, after.unanswered) == (60, 30, 30)
    assert [(d.key, d.correct, d.answered) for d in after.domains] == [(3, 30, 60)]
    assert after.readiness is not None and before.readiness is not None
    assert after.readiness.predicted < before.readiness.predicted
    assert after.readiness.pass_probability < 0.05 < before.readiness.pass_probability


def test_exams_scored_before_blanks_were_stored_still_count_them_from_the_domain_totals(store) -> None:
    exam = start_session(store, "exam", ["x1", "x2", "x3"], NOW - timedelta(hours=5))
    record_answer(store, exam.id, AnswerRecord("x1", "{}", True, 10, 4, ("bias",)), NOW - timedelta(hours=5))
    domains = [{"domain": 4, "correct": 1, "total": 3, "meets": False}]
    record_exam(store, exam.id, correct=1, total=3, scaled_score=300, passed=False, domains=domains, now=NOW)
    report = _report(store)
    assert (4, 1, 3) in [(d.key, d.correct, d.answered) for d in report.domains]
    assert report.unanswered == 2
    assert report_to_json(report)["unanswered"] == 2
