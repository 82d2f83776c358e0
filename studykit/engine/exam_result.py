"""Scoring a submitted exam the way AWS reports it: a scaled score, pass or fail, per domain.

Unanswered questions count as wrong (there is no penalty for guessing). Scoring is
compensatory: only the total decides pass or fail; each domain is reported as
"meets competencies" or "needs improvement" for guidance. Per-concept rows count a
question under every concept it tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studykit.engine.scaled_score import ScaledScore, meets_competencies, scaled_score
from studykit.questions.model import Answer, Question, check_answer


@dataclass(frozen=True)
class Tally:
    """Right answers out of questions asked, for a domain or a concept."""

    key: int | str  # an exam domain number or a concept id
    correct: int
    total: int

    @property
    def fraction(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def meets_competencies(self) -> bool:
        return meets_competencies(self.correct, self.total)


@dataclass(frozen=True)
class ExamResult:
    """Everything the results screen shows; ``wrong`` lists questions answered wrongly or not at all."""

    score: ScaledScore
    domains: tuple[Tally, ...]
    concepts: tuple[Tally, ...]
    wrong: tuple[str, ...]
    unanswered: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.score.passed


def score_exam(questions: Sequence[Question], answers: Mapping[str, Answer]) -> ExamResult:
    """Score ``answers`` (by question id) to ``questions``, in exam order."""
    if not questions:
        raise ValueError("cannot score an exam without questions")
    domain_counts: dict[int, list[int]] = {}
    concept_counts: dict[str, list[int]] = {}
    wrong: list[str] = []
    unanswered: list[str] = []
    correct_total = 0
    for question in questions:
        answer = answers.get(question.id)
        right = answer is not None and check_answer(question, answer)
        correct_total += right
        if answer is None:
            unanswered.append(question.id)
        if not right:
            wrong.append(question.id)
        for counts in [domain_counts.setdefault(question.domain, [0, 0])] + [
            concept_counts.setdefault(concept, [0, 0]) for concept in question.concepts
        ]:
            counts[0] += right
            counts[1] += 1
    return ExamResult(
        score=scaled_score(correct_total, len(questions)),
        domains=tuple(Tally(d, c, t) for d, (c, t) in sorted(domain_counts.items())),
        concepts=tuple(
            Tally(concept, c, t)
            for concept, (c, t) in sorted(
                concept_counts.items(), key=lambda item: (item[1][0] / item[1][1], item[0])
            )
        ),
        wrong=tuple(wrong),
        unanswered=tuple(unanswered),
    )
