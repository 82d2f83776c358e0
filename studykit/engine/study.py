"""Today's study session: due reviews first, then new questions from the weakest domains, sized to
the time the learner has.

:func:`study_pace` estimates seconds per question from the learner's recent answers (feedback
reading included); :func:`plan_study` fills the time with the cards due now, longest overdue
first, then questions never answered, drawn more from the domains where the learner is weakest
(weighted by the exam's domain weights, a domain never practised counting as half known).
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from studykit.engine.adaptive import PracticeHistory, adaptive_weight
from studykit.engine.blueprint import EXAM_DOMAIN_WEIGHTS
from studykit.engine.draw import draw_session
from studykit.questions.model import Question
from studykit.store import CardRecord, SavedAnswer

DEFAULT_SECONDS = 60.0
"""Seconds per question for a learner with no answers yet: answering plus reading the feedback."""
FEEDBACK_SECONDS = 20.0
"""Reading the explanation after each answer, added to the measured answering time."""
PACE_RANGE = (30.0, 180.0)
RECENT_PACE_ANSWERS = 50


@dataclass(frozen=True)
class StudyPlan:
    """The questions of today's session: reviews (due cards) first, then new questions."""

    reviews: list[Question]
    new: list[Question]
    seconds_per_question: float
    weakest_domains: tuple[int, ...]

    @property
    def questions(self) -> list[Question]:
        return [*self.reviews, *self.new]


def study_pace(answers: Iterable[SavedAnswer]) -> float:
    """Seconds a question takes this learner: the median of their last answers, plus feedback time."""
    times = [
        answer.elapsed_seconds for answer in answers if not answer.unanswered and answer.elapsed_seconds > 0
    ]
    if not times:
        return DEFAULT_SECONDS
    median = statistics.median(times[-RECENT_PACE_ANSWERS:])
    low, high = PACE_RANGE
    return min(high, max(low, median + FEEDBACK_SECONDS))


def domain_need(domain_estimates: Mapping[int, float]) -> dict[int, float]:
    """How much each domain needs practice: its exam weight times the chance of a wrong answer."""
    return {
        domain: weight * (1 - domain_estimates.get(domain, 0.5))
        for domain, weight in EXAM_DOMAIN_WEIGHTS.items()
    }


def domain_estimates(answers: Iterable[SavedAnswer]) -> dict[int, float]:
    """Domain → (right + 1) / (answered + 2), for domains with answers."""
    tallies: dict[int, list[int]] = {}
    for answer in answers:
        if answer.domain is not None:
            tally = tallies.setdefault(answer.domain, [0, 0])
            tally[0] += int(answer.correct)
            tally[1] += 1
    return {domain: (right + 1) / (total + 2) for domain, (right, total) in tallies.items()}


def plan_study(
    pool: Sequence[Question],
    minutes: float,
    rng: random.Random,
    history: PracticeHistory,
    due: Sequence[CardRecord],
    estimates: Mapping[int, float],
    seconds_per_question: float = DEFAULT_SECONDS,
) -> StudyPlan:
    """Fill ``minutes`` with the cards in ``due`` (soonest due first) that are in ``pool``, then new
    questions drawn more from the domains that need it most."""
    budget = max(1, int(minutes * 60 // seconds_per_question))
    by_id = {question.id: question for question in pool}
    reviews = [by_id[card.question_id] for card in due if card.question_id in by_id][:budget]
    need = domain_need(estimates)
    left = budget - len(reviews)
    new: list[Question] = []
    if left > 0:
        taken = {question.id for question in reviews}
        fresh = [q for q in by_id.values() if history.is_new(q) and q.id not in taken]
        candidates = fresh or [q for q in by_id.values() if q.id not in taken]
        base = adaptive_weight(candidates, history)
        new = draw_session(
            candidates,
            left,
            rng,
            weight=lambda question: base(question) * (0.1 + need.get(question.domain, 0.0)),
            tier=history.tier,
        )
    weakest = tuple(sorted(need, key=lambda domain: (-need[domain], domain))[:2])
    return StudyPlan(reviews, new, seconds_per_question, weakest)
