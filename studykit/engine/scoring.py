"""Scoring a practice session and choosing what to study next.

Stable API:

- :class:`AnsweredQuestion` — a question, the answer given, whether it was right, seconds taken.
- :func:`score_session(answered) <score_session>` → :class:`SessionScore`: totals and tallies
  by concept, domain and kind. The result does not depend on the order of ``answered``.
- :func:`study_next(score, limit=3) <study_next>` → concept ids to study, weakest first.

A question counts for every concept it lists; all-or-nothing checking happens before
(:func:`studykit.questions.model.check_answer`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from studykit.questions.model import Answer, Kind, Question


@dataclass(frozen=True)
class AnsweredQuestion:
    question: Question
    answer: Answer
    correct: bool
    elapsed_seconds: float = 0.0
    guessed: bool = False


@dataclass(frozen=True)
class Tally:
    """Right answers out of those given, for one concept, domain or kind."""

    key: str
    right: int
    total: int

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def wrong(self) -> int:
        return self.total - self.right


@dataclass(frozen=True)
class SessionScore:
    right: int
    total: int
    by_concept: tuple[Tally, ...]
    by_domain: tuple[Tally, ...]
    by_kind: tuple[Tally, ...]
    by_main_concept: tuple[Tally, ...] = ()
    """Tallies by the concept each question mainly tests (its first), to rank what to study."""

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 0.0


def _tallies(pairs: Iterable[tuple[str, bool]]) -> tuple[Tally, ...]:
    counts: dict[str, list[int]] = {}
    for key, correct in pairs:
        entry = counts.setdefault(key, [0, 0])
        entry[0] += int(correct)
        entry[1] += 1
    return tuple(Tally(key, right, total) for key, (right, total) in sorted(counts.items()))


def score_session(answered: Iterable[AnsweredQuestion]) -> SessionScore:
    items = list(answered)
    kinds = {kind.value: kind for kind in Kind}
    by_kind = _tallies((item.question.kind.value, item.correct) for item in items)
    return SessionScore(
        right=sum(item.correct for item in items),
        total=len(items),
        by_concept=_tallies((concept, item.correct) for item in items for concept in item.question.concepts),
        by_domain=_tallies((str(item.question.domain), item.correct) for item in items),
        by_kind=tuple(sorted(by_kind, key=lambda tally: list(kinds).index(tally.key))),
        by_main_concept=_tallies((item.question.concept, item.correct) for item in items),
    )


def study_next(score: SessionScore, limit: int = 3) -> list[str]:
    """Concepts with a wrong answer, lowest accuracy first, then most misses, then by id.

    A miss counts twice for the concept the question mainly tested, so among equals it comes
    before a concept the question only touched:
    missing "Put the steps of serving through Provisioned Throughput in order" sends the learner
    to Provisioned Throughput before the customization workflow it also lists.
    """
    main_misses = {tally.key: tally.wrong for tally in score.by_main_concept}
    weak = [tally for tally in score.by_concept if tally.wrong]
    weak.sort(key=lambda tally: (tally.fraction, -tally.wrong - main_misses.get(tally.key, 0), tally.key))
    return [tally.key for tally in weak[:limit]]
