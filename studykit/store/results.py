"""Exam results in the progress file, and wiping the learner's history on request."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from studykit.store.connection import Store
from studykit.store.rows import object_list, readable
from studykit.store.sessions import UNANSWERED, AnswerRecord
from studykit.store.timestamps import from_text, to_text


@dataclass(frozen=True)
class ExamRecord:
    """A finished exam's outcome; ``domains`` holds one mapping per exam domain."""

    session_id: int
    correct: int
    total: int
    scaled_score: int
    passed: bool
    domains: tuple[Mapping[str, object], ...]
    finished_at: datetime


def record_exam(
    store: Store,
    session_id: int,
    *,
    correct: int,
    total: int,
    scaled_score: int,
    passed: bool,
    domains: Sequence[Mapping[str, object]],
    now: datetime,
    remaining_seconds: float | None = None,
    unanswered: Sequence[AnswerRecord] = (),
) -> None:
    """Store an exam's result and close its session, together, so neither exists without the other.

    ``unanswered`` are the questions left blank (or not reached before time ran out): they are
    stored as answers of :data:`UNANSWERED`, wrong, so accuracy and readiness count them as
    the real exam does.
    """
    stamp = to_text(now)
    with store.write() as db:
        db.executemany(
            "INSERT INTO answers (session_id, question_id, answer, correct, elapsed_seconds, domain,"
            " concepts, answered_at) VALUES (?, ?, ?, 0, 0, ?, ?, ?)"
            " ON CONFLICT (session_id, question_id) DO NOTHING",
            [
                (
                    session_id,
                    record.question_id,
                    UNANSWERED,
                    record.domain,
                    json.dumps(list(record.concepts)),
                    stamp,
                )
                for record in unanswered
            ],
        )
        db.execute(
            "INSERT INTO exams (session_id, correct, total, scaled_score, passed, domains, finished_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING",
            (
                session_id,
                correct,
                total,
                scaled_score,
                int(passed),
                json.dumps([dict(d) for d in domains]),
                stamp,
            ),
        )
        db.execute(
            "UPDATE sessions SET state = 'finished', finished_at = ?, updated_at = ?,"
            " remaining_seconds = coalesce(?, remaining_seconds) WHERE id = ?",
            (stamp, stamp, remaining_seconds, session_id),
        )


def exam_history(store: Store) -> list[ExamRecord]:
    """Every finished exam, oldest first."""
    rows = store.connection.execute(
        "SELECT session_id, correct, total, scaled_score, passed, domains, finished_at FROM exams"
        " ORDER BY finished_at, session_id"
    )
    return readable(rows, _exam)


def _exam(row: tuple) -> ExamRecord:
    return ExamRecord(
        session_id=row[0],
        correct=row[1],
        total=row[2],
        scaled_score=row[3],
        passed=bool(row[4]),
        domains=object_list(row[5]),
        finished_at=from_text(row[6]),
    )


def reset_progress(store: Store) -> int:
    """Delete every session, answer, exam, card and bookmark; return how many answers were deleted."""
    with store.write() as db:
        answers = db.execute("SELECT count(*) FROM answers").fetchone()[0]
        for table in ("answers", "exams", "review_log", "cards", "bookmarks", "sessions"):
            db.execute(f"DELETE FROM {table}")
    store.connection.execute("VACUUM")
    return int(answers)
