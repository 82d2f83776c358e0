"""A progress file edited by hand: rows that cannot be read are left out, the rest stays usable."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from fsrs import Rating

from studykit.cli import cli
from studykit.engine.review import new_card, review_and_save
from studykit.store import (
    AnswerRecord,
    all_answers,
    all_cards,
    default_store_path,
    exam_history,
    latest_active_session,
    list_sessions,
    load_card,
    open_store,
    record_answer,
    record_exam,
    save_card,
    start_session,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def test_a_damaged_session_is_skipped_and_resume_finds_the_readable_one(store) -> None:
    good = start_session(store, "exam", ["q1", "q2"], NOW)
    bad = start_session(store, "exam", ["q3"], NOW)
    store.connection.execute("UPDATE sessions SET question_ids = 'not json' WHERE id = ?", (bad.id,))
    saved = latest_active_session(store, "exam")
    assert saved is not None and saved.id == good.id
    assert [session.id for session in list_sessions(store)] == [good.id]


@pytest.mark.parametrize(
    ("column", "value"),
    [("settings", "[1]"), ("flagged", '{"a": 1}'), ("position", "third"), ("started_at", "yesterday")],
)
def test_wrongly_typed_session_fields_count_as_damage(store, column: str, value: str) -> None:
    session = start_session(store, "quiz", ["q1"], NOW)
    store.connection.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, session.id))
    assert latest_active_session(store, "quiz") is None


def test_damaged_answers_exams_and_cards_are_left_out(store) -> None:
    session = start_session(store, "exam", ["q1", "q2"], NOW)
    for qid in ("q1", "q2"):
        record_answer(store, session.id, AnswerRecord(qid, '{"chosen": [0]}', True, 5.0, 1, ("c",)), NOW)
    record_exam(store, session.id, correct=2, total=2, scaled_score=1000, passed=True, domains=[], now=NOW)
    save_card(store, new_card("q1", NOW), NOW)
    save_card(store, new_card("q2", NOW), NOW)
    db = store.connection
    db.execute("UPDATE answers SET concepts = '[3]' WHERE question_id = 'q2'")
    db.execute("UPDATE exams SET domains = 'oops'")
    db.execute("UPDATE cards SET card = '[]' WHERE question_id = 'q2'")
    assert [answer.question_id for answer in all_answers(store)] == ["q1"]
    assert exam_history(store) == []
    assert [card.question_id for card in all_cards(store)] == ["q1"]


def test_a_card_the_scheduler_cannot_read_starts_again(store) -> None:
    save_card(store, new_card("q1", NOW), NOW)
    store.connection.execute("""UPDATE cards SET card = '{"due": "soon"}'""")
    updated = review_and_save(store, "q1", Rating.Good, NOW)
    assert updated.reviews == 1 and updated.due > NOW
    assert load_card(store, "q1") == updated


def test_commands_carry_on_over_a_damaged_row() -> None:
    with open_store() as opened:
        session = start_session(opened, "exam", ["q1"], NOW)
        record_answer(opened, session.id, AnswerRecord("q1", "{}", False, 5.0, 3, ()), NOW)
        opened.connection.execute("UPDATE sessions SET question_ids = 'not json'")
    resumed = CliRunner().invoke(cli, ["exam", "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert "Nothing to resume" in resumed.output
    progress = CliRunner().invoke(cli, ["progress"])
    assert progress.exit_code == 0, progress.output
    assert "Progress: 1 answer, 0 % right" in progress.output
    assert default_store_path().exists()
