from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from studykit.store import (
    AnswerRecord,
    all_answers,
    clear_answer,
    finish_session,
    latest_active_session,
    list_sessions,
    record_answer,
    save_place,
    session_answers,
    start_session,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def test_new_session_keeps_questions_in_order_with_full_time(store) -> None:
    session = start_session(
        store, "exam", ["q3", "q1", "q2"], NOW, seed=7, settings={"questions": 3}, time_limit_seconds=600
    )
    assert session.question_ids == ("q3", "q1", "q2")
    assert (session.seed, session.remaining_seconds, session.state) == (7, 600, "active")
    assert session.settings == {"questions": 3}


def test_answer_place_flags_and_time_survive_for_resume(store) -> None:
    session = start_session(store, "exam", ["a", "b", "c"], NOW, time_limit_seconds=600)
    record_answer(
        store, session.id, AnswerRecord("a", "B", True, 12.5, 3, ("x",)), NOW, remaining_seconds=580
    )
    save_place(
        store, session.id, NOW + timedelta(seconds=5), position=2, flagged=["b"], remaining_seconds=570
    )
    resumed = latest_active_session(store, "exam")
    assert resumed is not None
    assert (resumed.id, resumed.position, resumed.flagged, resumed.remaining_seconds) == (
        session.id,
        2,
        frozenset({"b"}),
        570,
    )
    assert session_answers(store, session.id)["a"].elapsed_seconds == 12.5


def test_changing_an_exam_answer_replaces_it(store) -> None:
    session = start_session(store, "exam", ["a"], NOW)
    record_answer(store, session.id, AnswerRecord("a", "B", False, 3), NOW)
    record_answer(store, session.id, AnswerRecord("a", "C", True, 9), NOW + timedelta(seconds=9))
    answers = session_answers(store, session.id)
    assert (answers["a"].answer, answers["a"].correct) == ("C", True)
    assert len(all_answers(store)) == 1


def test_cleared_answer_is_gone(store) -> None:
    session = start_session(store, "exam", ["a"], NOW)
    record_answer(store, session.id, AnswerRecord("a", "B", False, 3), NOW)
    clear_answer(store, session.id, "a", NOW)
    assert session_answers(store, session.id) == {}


def test_finished_session_is_not_offered_for_resume(store) -> None:
    session = start_session(store, "quiz", ["a"], NOW)
    finish_session(store, session.id, NOW)
    assert latest_active_session(store, "quiz") is None
    assert list_sessions(store, finished_only=True)[0].finished_at == NOW


def test_resume_offers_the_most_recently_used_session_of_that_kind(store) -> None:
    older = start_session(store, "quiz", ["a"], NOW)
    newer = start_session(store, "quiz", ["b"], NOW + timedelta(minutes=1))
    start_session(store, "exam", ["c"], NOW + timedelta(minutes=2))
    assert latest_active_session(store, "quiz").id == newer.id
    record_answer(store, older.id, AnswerRecord("a", "A", True, 1), NOW + timedelta(minutes=3))
    assert latest_active_session(store, "quiz").id == older.id


def test_answers_since_a_moment(store) -> None:
    session = start_session(store, "quiz", ["a", "b"], NOW)
    record_answer(store, session.id, AnswerRecord("a", "A", True, 1), NOW)
    record_answer(store, session.id, AnswerRecord("b", "A", True, 1), NOW + timedelta(days=2))
    assert [a.question_id for a in all_answers(store, since=NOW + timedelta(days=1))] == ["b"]


def test_unknown_session_kind_is_a_programming_error(store) -> None:
    with pytest.raises(ValueError):
        start_session(store, "homework", ["a"], NOW)


def test_a_progress_file_from_before_bookmarks_keeps_its_answers_and_gains_bookmarks(tmp_path) -> None:
    from datetime import datetime, timezone

    from studykit.store import AnswerRecord, add_bookmark, all_answers, bookmarks, open_store, record_answer
    from studykit.store import start_session as begin
    from studykit.store.schema import MIGRATIONS

    path = tmp_path / "progress.sqlite3"
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    with open_store(path, migrations=MIGRATIONS[:1]) as old:
        session = begin(old, "quiz", ["q1"], moment)
        old.connection.execute(
            "INSERT INTO answers (session_id, question_id, answer, correct, elapsed_seconds, domain,"
            " concepts, answered_at) VALUES (?, 'q1', ?, 1, 3.5, 3, '[]', '2026-11-20T09:00:00+00:00')",
            (session.id, '{"chosen": [0]}'),
        )
    with open_store(path) as upgraded:
        (answer,) = all_answers(upgraded)
        assert answer.question_id == "q1" and answer.correct and not answer.guessed
        add_bookmark(upgraded, "q1", moment, domain=3, concepts=("distillation",))
        record_answer(upgraded, session.id, AnswerRecord("q2", "{}", True, 1, 3, (), guessed=True), moment)
        assert [b.question_id for b in bookmarks(upgraded)] == ["q1"]
        assert [a.guessed for a in all_answers(upgraded)] == [False, True]
