"""Bookmarks: questions the learner flagged, in a quiz or an exam, kept until they unflag them.

An exam's flags mark questions to revisit before submitting; they are bookmarks too, so
``studykit quiz --flagged`` practises them later and ``studykit progress`` lists them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from studykit.store.connection import Store
from studykit.store.rows import readable, text_list
from studykit.store.timestamps import from_text, to_text


@dataclass(frozen=True)
class Bookmark:
    """A flagged question, with what it tests so progress can name it without the banks."""

    question_id: str
    domain: int | None
    concepts: tuple[str, ...]
    flagged_at: datetime


def add_bookmark(
    store: Store, question_id: str, now: datetime, *, domain: int | None = None, concepts: Sequence[str] = ()
) -> None:
    """Flag a question (flagging it again keeps the first date)."""
    with store.write() as db:
        db.execute(
            "INSERT INTO bookmarks (question_id, domain, concepts, flagged_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (question_id) DO NOTHING",
            (question_id, domain, json.dumps(list(concepts)), to_text(now)),
        )


def remove_bookmark(store: Store, question_id: str) -> bool:
    """Unflag a question; False when it was not flagged."""
    with store.write() as db:
        cursor = db.execute("DELETE FROM bookmarks WHERE question_id = ?", (question_id,))
    return cursor.rowcount > 0


def bookmarks(store: Store) -> list[Bookmark]:
    """Every bookmark, oldest first."""
    rows = store.connection.execute(
        "SELECT question_id, domain, concepts, flagged_at FROM bookmarks ORDER BY flagged_at, question_id"
    )
    return readable(rows, _bookmark)


def _bookmark(row: tuple) -> Bookmark:
    return Bookmark(row[0], row[1], text_list(row[2]), from_text(row[3]))
