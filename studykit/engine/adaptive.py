"""The adaptive draw: questions the learner has not seen first, then weak concepts and due cards;
what was answered in the last few sessions only when nothing else is left.

:class:`PracticeHistory` is what the draw needs to know about the learner, read once from the
progress file (:func:`load_history`); everything else here is pure, so the same history and the
same seed always draw the same questions. A case study is one unit: it is new until any of its
questions has been answered, and recent when any of them was answered lately.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from studykit.engine.draw import Filters, Weight, balanced_weight, draw_session
from studykit.questions.model import Question
from studykit.store import Store, all_answers, all_cards, bookmarks, list_sessions

RECENT_SESSIONS = 3
"""Questions answered in this many of the latest sessions wait until the pool needs them."""

NEW, PRACTISE, SEEN, RECENT = 0, 1, 2, 3
"""Tiers of the draw, first drawn first: never answered; due or on a weak concept; answered before;
answered in the last :data:`RECENT_SESSIONS` sessions."""

WEAK_BELOW = 0.7
"""A concept is weak while its estimated chance of a right answer is under the pass fraction."""


@dataclass(frozen=True)
class PracticeHistory:
    """What the learner has done, as a draw needs it; :meth:`empty` for a learner with no history."""

    answered: Mapping[str, int] = field(default_factory=dict)
    """Question id → how many times it was answered (a blank exam question counts)."""
    recent: frozenset[str] = frozenset()
    due: frozenset[str] = frozenset()
    concept_estimates: Mapping[str, float] = field(default_factory=dict)
    """Concept id → (right + 1) / (answered + 2), for concepts with answers."""
    exam_uses: Mapping[str, int] = field(default_factory=dict)
    """Question id → how many exams drew it (finished or not)."""
    bookmarked: frozenset[str] = frozenset()

    @classmethod
    def empty(cls) -> PracticeHistory:
        return cls()

    def is_new(self, question: Question) -> bool:
        return question.id not in self.answered

    def weakness(self, concept: str) -> float:
        """0 for a concept never answered or mastered, up to 1 for one always answered wrongly."""
        estimate = self.concept_estimates.get(concept)
        return 0.0 if estimate is None else max(0.0, 1 - estimate)

    def tier(self, unit: Sequence[Question]) -> int:
        """The unit's tier (see :data:`NEW` …)."""
        if any(question.id in self.recent for question in unit):
            return RECENT
        if all(self.is_new(question) for question in unit):
            return NEW
        if any(
            question.id in self.due or self.concept_estimates.get(question.concept, 1.0) < WEAK_BELOW
            for question in unit
        ):
            return PRACTISE
        return SEEN


def adaptive_weight(pool: Sequence[Question], history: PracticeHistory) -> Weight:
    """The balanced weight, raised for questions on weak concepts and for due cards."""
    base = balanced_weight(pool)

    def weight(question: Question) -> float:
        boost = 1 + 2 * history.weakness(question.concept) + (question.id in history.due)
        return base(question) * boost

    return weight


@dataclass(frozen=True)
class Draw:
    """The questions drawn, and how many of them the learner has never answered."""

    questions: list[Question]
    new: int

    @property
    def again(self) -> int:
        return len(self.questions) - self.new


def adaptive_draw(
    pool: Sequence[Question],
    count: int,
    rng: random.Random,
    history: PracticeHistory,
    filters: Filters = Filters(),
) -> Draw:
    """Up to ``count`` questions: new ones first, then due or weak, then seen, recent ones last."""
    passing = filters.apply(pool)
    drawn = draw_session(passing, count, rng, weight=adaptive_weight(passing, history), tier=history.tier)
    return Draw(drawn, sum(history.is_new(question) for question in drawn))


def load_history(store: Store, now: datetime, recent_sessions: int = RECENT_SESSIONS) -> PracticeHistory:
    """The learner's history as the draw needs it, read from the progress file."""
    answers = all_answers(store)
    answered: dict[str, int] = {}
    tallies: dict[str, list[int]] = {}
    per_session: dict[int, set[str]] = {}
    for answer in answers:
        answered[answer.question_id] = answered.get(answer.question_id, 0) + 1
        per_session.setdefault(answer.session_id, set()).add(answer.question_id)
        for concept in answer.concepts:
            tally = tallies.setdefault(concept, [0, 0])
            tally[0] += int(answer.correct)
            tally[1] += 1
    sessions = list_sessions(store)
    latest = [session for session in sessions if session.id in per_session][-recent_sessions:]
    recent = frozenset(qid for session in latest for qid in per_session[session.id])
    exam_uses: dict[str, int] = {}
    for session in sessions:
        if session.kind == "exam":
            for qid in set(session.question_ids):
                exam_uses[qid] = exam_uses.get(qid, 0) + 1
    return PracticeHistory(
        answered=answered,
        recent=recent,
        due=frozenset(card.question_id for card in all_cards(store) if card.due <= _utc(now)),
        concept_estimates={concept: (right + 1) / (total + 2) for concept, (right, total) in tallies.items()},
        exam_uses=exam_uses,
        bookmarked=frozenset(bookmark.question_id for bookmark in bookmarks(store)),
    )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
