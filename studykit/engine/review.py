"""Spaced repetition of questions with FSRS (the ``fsrs`` package's Scheduler, Card, Rating).

Every answered question becomes a card, rated by correctness alone: a wrong answer is
Again, a right one Good, and a right answer the learner marked as a guess (``B?``) Hard,
so a lucky guess comes back soon instead of being pushed out by a quick click. A learner
may also rate a card 1–4 themselves (``review --rate``), seeing first when each choice
would bring it back (:func:`next_intervals`). Fuzzing is off so the same history always
gives the same schedule.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

from studykit.store import CardRecord, Store, load_card, save_card

RATING_NAMES = {Rating.Again: "again", Rating.Hard: "hard", Rating.Good: "good", Rating.Easy: "easy"}

_SCHEDULER = Scheduler(enable_fuzzing=False)


def rating_for(correct: bool, guessed: bool = False) -> Rating:
    """The rating an answer earns: wrong → Again; right → Good, or Hard when it was a guess."""
    if not correct:
        return Rating.Again
    return Rating.Hard if guessed else Rating.Good


def next_intervals(record: CardRecord | None, question_id: str, now: datetime) -> dict[Rating, timedelta]:
    """How long until the card comes back for each rating given now (a new card if ``record`` is None)."""
    current = record if record is not None and _usable(record) else new_card(question_id, now)
    return {rating: review(current, rating, now).due - _utc(now) for rating in RATING_NAMES}


def rating_from_choice(text: str) -> Rating | None:
    """A learner's own rating typed as ``1``–``4`` (or again/hard/good/easy); None if it is neither."""
    cleaned = text.strip().lower()
    if cleaned in {"1", "2", "3", "4"}:
        return Rating(int(cleaned))
    for rating, name in RATING_NAMES.items():
        if cleaned == name:
            return rating
    return None


def new_card(
    question_id: str, now: datetime, domain: int | None = None, concepts: Sequence[str] = ()
) -> CardRecord:
    """A card never reviewed, due now."""
    card = Card(card_id=zlib.crc32(question_id.encode()), due=_utc(now))
    return CardRecord(question_id, card.to_dict(), card.due, domain, tuple(concepts))


def review(record: CardRecord, rating: Rating, now: datetime, duration_ms: int | None = None) -> CardRecord:
    """The card after being reviewed with ``rating`` at ``now``."""
    card, _log = _SCHEDULER.review_card(
        Card.from_dict(record.state),  # type: ignore[arg-type]
        rating,
        review_datetime=_utc(now),
        review_duration=duration_ms,
    )
    return replace(
        record,
        state=card.to_dict(),
        due=card.due,
        reviews=record.reviews + 1,
        lapses=record.lapses + (rating == Rating.Again and record.reviews > 0),
    )


def retrievability(record: CardRecord, now: datetime) -> float:
    """FSRS's estimate of the chance the learner recalls this card now (0 for a new card)."""
    return float(_SCHEDULER.get_card_retrievability(Card.from_dict(record.state), _utc(now)))  # type: ignore[arg-type]


def review_and_save(
    store: Store,
    question_id: str,
    rating: Rating,
    now: datetime,
    *,
    domain: int | None = None,
    concepts: Sequence[str] = (),
    duration_ms: int | None = None,
) -> CardRecord:
    """Review a question's card (making it on first sight) and commit it with the log entry.

    The card is read inside the write transaction, so learners answering the same
    question at once each build on the other's review instead of overwriting it.
    """
    with store.write():
        record = load_card(store, question_id)
        if record is None or not _usable(record):
            record = new_card(question_id, now, domain, concepts)  # first sight, or a damaged card
        if concepts:
            record = replace(record, domain=domain, concepts=tuple(concepts))
        updated = review(record, rating, now, duration_ms)
        save_card(store, updated, now, rating=int(rating), duration_ms=duration_ms)
    return updated


def _usable(record: CardRecord) -> bool:
    """Whether the scheduler can read the card's saved state (a hand-edited file may break it)."""
    try:
        Card.from_dict(record.state)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return False
    return True


def due_cards(
    cards: Iterable[CardRecord],
    now: datetime,
    *,
    limit: int | None = None,
    concepts: Iterable[str] | None = None,
) -> list[CardRecord]:
    """Cards due at ``now`` (optionally only those testing ``concepts``), longest overdue first."""
    wanted = set(concepts) if concepts is not None else None
    due = [
        card
        for card in cards
        if card.due <= _utc(now) and (wanted is None or wanted.intersection(card.concepts))
    ]
    due.sort(key=lambda card: (card.due, card.question_id))
    return due if limit is None else due[:limit]


def next_due(
    cards: Iterable[CardRecord], now: datetime, concepts: Iterable[str] | None = None
) -> list[CardRecord]:
    """Cards not yet due, soonest first: what ``review`` says is coming next."""
    wanted = set(concepts) if concepts is not None else None
    later = [
        card
        for card in cards
        if card.due > _utc(now) and (wanted is None or wanted.intersection(card.concepts))
    ]
    return sorted(later, key=lambda card: (card.due, card.question_id))


def due_counts(cards: Iterable[CardRecord], now: datetime) -> dict[str, int]:
    """How many cards are due now, within a day, within a week, and in all."""
    moment = _utc(now)
    counts = {"now": 0, "today": 0, "week": 0, "total": 0}
    for card in cards:
        counts["total"] += 1
        if card.due <= moment:
            counts["now"] += 1
        if card.due <= moment + timedelta(days=1):
            counts["today"] += 1
        if card.due <= moment + timedelta(days=7):
            counts["week"] += 1
    return counts


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
