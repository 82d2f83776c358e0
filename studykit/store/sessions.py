"""Quiz, exam and review sessions in the progress file: started, answered, resumed, finished.

Each call is one short transaction, so an answer is on disk the moment the
learner gives it, and a session killed half-way can be resumed with the same
questions, answers, flags, position and remaining time.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from studykit.store.connection import Store
from studykit.store.rows import first_readable, json_object, readable, text_list
from studykit.store.timestamps import from_text, to_text

SESSION_KINDS = ("quiz", "exam", "review")
UNANSWERED = "null"
"""The stored answer of an exam question left blank when the exam was submitted: it counts as wrong."""


@dataclass(frozen=True)
class AnswerRecord:
    """One answer as the learner gave it, with what it tells about the concepts it tests."""

    question_id: str
    answer: str
    correct: bool
    elapsed_seconds: float
    domain: int | None = None
    concepts: tuple[str, ...] = ()
    guessed: bool = False
    """The learner said it was a guess (typed ``B?``): a right guess is scheduled sooner."""


@dataclass(frozen=True)
class SavedAnswer:
    """An answer read back from the file."""

    session_id: int
    question_id: str
    answer: str
    correct: bool
    elapsed_seconds: float
    domain: int | None
    concepts: tuple[str, ...]
    answered_at: datetime
    guessed: bool = False

    @property
    def unanswered(self) -> bool:
        """True for an exam question left blank: stored so that it counts as wrong."""
        return self.answer == UNANSWERED


@dataclass(frozen=True)
class SavedSession:
    """A session read back from the file; ``settings`` holds what is needed to rebuild it."""

    id: int
    kind: str
    seed: int | None
    question_ids: tuple[str, ...]
    settings: Mapping[str, object]
    position: int
    flagged: frozenset[str]
    time_limit_seconds: float | None
    remaining_seconds: float | None
    state: str
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None


def start_session(
    store: Store,
    kind: str,
    question_ids: Sequence[str],
    now: datetime,
    *,
    seed: int | None = None,
    settings: Mapping[str, object] | None = None,
    time_limit_seconds: float | None = None,
) -> SavedSession:
    """Record a new active session over ``question_ids`` (in the order they are asked)."""
    if kind not in SESSION_KINDS:
        raise ValueError(f"unknown session kind {kind!r}")
    stamp = to_text(now)
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO sessions (kind, seed, question_ids, settings, time_limit_seconds,"
            " remaining_seconds, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                seed,
                json.dumps(list(question_ids)),
                json.dumps(dict(settings or {}), sort_keys=True),
                time_limit_seconds,
                time_limit_seconds,
                stamp,
                stamp,
            ),
        )
        session_id = cursor.lastrowid
    session = load_session(store, int(session_id or 0))
    assert session is not None
    return session


def record_answer(
    store: Store,
    session_id: int,
    record: AnswerRecord,
    now: datetime,
    *,
    remaining_seconds: float | None = None,
    position: int | None = None,
) -> None:
    """Commit one answer (replacing an earlier answer to the same question in this session)."""
    with store.write() as db:
        db.execute(
            "INSERT INTO answers (session_id, question_id, answer, correct, elapsed_seconds, domain,"
            " concepts, answered_at, guessed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (session_id, question_id) DO UPDATE SET answer = excluded.answer,"
            " correct = excluded.correct, elapsed_seconds = excluded.elapsed_seconds,"
            " answered_at = excluded.answered_at, guessed = excluded.guessed",
            (
                session_id,
                record.question_id,
                record.answer,
                int(record.correct),
                record.elapsed_seconds,
                record.domain,
                json.dumps(list(record.concepts)),
                to_text(now),
                int(record.guessed),
            ),
        )
        _touch(db, session_id, now, remaining_seconds, position, None)


def clear_answer(store: Store, session_id: int, question_id: str, now: datetime) -> None:
    """Forget the answer to one question of a session (an exam answer taken back)."""
    with store.write() as db:
        db.execute("DELETE FROM answers WHERE session_id = ? AND question_id = ?", (session_id, question_id))
        _touch(db, session_id, now, None, None, None)


def save_place(
    store: Store,
    session_id: int,
    now: datetime,
    *,
    position: int | None = None,
    flagged: Sequence[str] | None = None,
    remaining_seconds: float | None = None,
) -> None:
    """Commit where the learner is: current question, flags and time left."""
    with store.write() as db:
        _touch(db, session_id, now, remaining_seconds, position, flagged)


def finish_session(
    store: Store, session_id: int, now: datetime, *, remaining_seconds: float | None = None
) -> None:
    """Mark a session finished, so it is no longer offered for ``--resume``."""
    with store.write() as db:
        _touch(db, session_id, now, remaining_seconds, None, None)
        db.execute(
            "UPDATE sessions SET state = 'finished', finished_at = ? WHERE id = ?", (to_text(now), session_id)
        )


def load_session(store: Store, session_id: int) -> SavedSession | None:
    row = store.connection.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,))
    found = row.fetchone()
    return first_readable([found] if found else [], _session)


def latest_active_session(store: Store, kind: str) -> SavedSession | None:
    """The unfinished session of ``kind`` the learner touched last, or None."""
    rows = store.connection.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE state = 'active' AND kind = ?"
        " ORDER BY updated_at DESC, id DESC",
        (kind,),
    )
    return first_readable(rows, _session)


def list_sessions(store: Store, *, finished_only: bool = False) -> list[SavedSession]:
    """All sessions, oldest first."""
    where = "WHERE state = 'finished'" if finished_only else ""
    rows = store.connection.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions {where} ORDER BY started_at, id"
    )
    return readable(rows, _session)


def session_answers(store: Store, session_id: int) -> dict[str, SavedAnswer]:
    """The answers of one session, by question id."""
    rows = store.connection.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE session_id = ? ORDER BY answered_at, id", (session_id,)
    )
    return {answer.question_id: answer for answer in readable(rows, _answer)}


def all_answers(store: Store, since: datetime | None = None) -> list[SavedAnswer]:
    """Every answer (or every one given since ``since``), oldest first."""
    if since is None:
        rows = store.connection.execute(f"SELECT {_ANSWER_COLUMNS} FROM answers ORDER BY answered_at, id")
    else:
        rows = store.connection.execute(
            f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE answered_at >= ? ORDER BY answered_at, id",
            (to_text(since),),
        )
    return readable(rows, _answer)


_SESSION_COLUMNS = (
    "id, kind, seed, question_ids, settings, position, flagged, time_limit_seconds, remaining_seconds,"
    " state, started_at, updated_at, finished_at"
)
_ANSWER_COLUMNS = (
    "session_id, question_id, answer, correct, elapsed_seconds, domain, concepts, answered_at, guessed"
)


def _touch(
    db: sqlite3.Connection,
    session_id: int,
    now: datetime,
    remaining_seconds: float | None,
    position: int | None,
    flagged: Sequence[str] | None,
) -> None:
    db.execute(
        "UPDATE sessions SET updated_at = ?,"
        " remaining_seconds = coalesce(?, remaining_seconds),"
        " position = coalesce(?, position),"
        " flagged = coalesce(?, flagged) WHERE id = ?",
        (
            to_text(now),
            remaining_seconds,
            position,
            None if flagged is None else json.dumps(sorted(flagged)),
            session_id,
        ),
    )


def _session(row: tuple) -> SavedSession:
    return SavedSession(
        id=row[0],
        kind=row[1],
        seed=row[2],
        question_ids=text_list(row[3]),
        settings=json_object(row[4]),
        position=int(row[5]),
        flagged=frozenset(text_list(row[6])),
        time_limit_seconds=_seconds(row[7]),
        remaining_seconds=_seconds(row[8]),
        state=row[9],
        started_at=from_text(row[10]),
        updated_at=from_text(row[11]),
        finished_at=from_text(row[12]) if row[12] else None,
    )


def _answer(row: tuple) -> SavedAnswer:
    return SavedAnswer(
        session_id=row[0],
        question_id=row[1],
        answer=row[2],
        correct=bool(row[3]),
        elapsed_seconds=float(row[4]),
        domain=row[5],
        concepts=text_list(row[6]),
        answered_at=from_text(row[7]),
        guessed=bool(row[8]),
    )


def _seconds(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]
