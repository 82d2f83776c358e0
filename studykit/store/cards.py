"""Review cards in the progress file: one per answered question, holding its scheduler state.

The store keeps the scheduler's state as JSON and the due moment as sortable
text; :mod:`studykit.engine.review` decides what the state means.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from studykit.store.connection import Store
from studykit.store.rows import first_readable, json_object, readable, text_list
from studykit.store.timestamps import from_text, to_text


@dataclass(frozen=True)
class CardRecord:
    """A question's review card."""

    question_id: str
    state: Mapping[str, object]
    due: datetime
    domain: int | None = None
    concepts: tuple[str, ...] = ()
    reviews: int = 0
    lapses: int = 0


def load_card(store: Store, question_id: str) -> CardRecord | None:
    row = store.connection.execute(f"SELECT {_COLUMNS} FROM cards WHERE question_id = ?", (question_id,))
    found = row.fetchone()
    return first_readable([found] if found else [], _card)


def all_cards(store: Store) -> list[CardRecord]:
    """Every card, the soonest due first."""
    return readable(store.connection.execute(f"SELECT {_COLUMNS} FROM cards ORDER BY due"), _card)


def save_card(
    store: Store,
    card: CardRecord,
    now: datetime,
    *,
    rating: int | None = None,
    duration_ms: int | None = None,
) -> None:
    """Write a card (new or updated) and, when it was rated, the review in the log, in one transaction."""
    with store.write() as db:
        db.execute(
            "INSERT INTO cards (question_id, card, due, domain, concepts, reviews, lapses, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (question_id) DO UPDATE SET card = excluded.card,"
            " due = excluded.due, domain = excluded.domain, concepts = excluded.concepts,"
            " reviews = excluded.reviews, lapses = excluded.lapses, updated_at = excluded.updated_at",
            (
                card.question_id,
                json.dumps(dict(card.state), sort_keys=True),
                to_text(card.due),
                card.domain,
                json.dumps(list(card.concepts)),
                card.reviews,
                card.lapses,
                to_text(now),
            ),
        )
        if rating is not None:
            db.execute(
                "INSERT INTO review_log (question_id, rating, reviewed_at, duration_ms) VALUES (?, ?, ?, ?)",
                (card.question_id, rating, to_text(now), duration_ms),
            )


_COLUMNS = "question_id, card, due, domain, concepts, reviews, lapses"


def _card(row: tuple) -> CardRecord:
    return CardRecord(
        question_id=row[0],
        state=json_object(row[1]),
        due=from_text(row[2]),
        domain=row[3],
        concepts=text_list(row[4]),
        reviews=row[5],
        lapses=row[6],
    )
