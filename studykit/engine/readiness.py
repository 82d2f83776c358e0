"""How ready the learner is: a predicted scaled score with an uncertainty range.

Method (also in the README): take the learner's most recent answers (200 by
default). For each exam domain with answers, estimate the chance of answering one
of its questions right as a Beta posterior with a uniform prior, i.e.
(correct + 1) / (answered + 2), whose variance shrinks as answers accumulate.
Combine the domains with the exam weights, renormalised over the domains that
have answers, into one expected fraction correct. Its uncertainty adds the
estimate's own variance to the luck of a 65-question exam (binomial variance
p(1 − p)/65). The range is the central 90 % of a normal approximation, clipped to
[0, 1]; every fraction is turned into a scaled score with the same approximate
mapping as the exam simulator (:mod:`studykit.engine.scaled_score`). Domains with
no answers are left out and listed, because nothing can be said about them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from studykit.engine.blueprint import EXAM_DOMAIN_WEIGHTS
from studykit.engine.scaled_score import PASS_FRACTION, scale_fraction

RECENT_ANSWERS = 200
MINIMUM_ANSWERS = 20
EXAM_QUESTIONS = 65
Z_90 = 1.6448536269514722


@dataclass(frozen=True)
class DomainEstimate:
    domain: int
    answered: int
    correct: int
    estimate: float


@dataclass(frozen=True)
class Readiness:
    """A predicted scaled score, a 90 % range around it, and the chance of passing."""

    predicted: int
    low: int
    high: int
    pass_probability: float
    expected_fraction: float
    answers_used: int
    domains: tuple[DomainEstimate, ...]
    unmeasured: tuple[int, ...]


def estimate_readiness(
    answers: Iterable[tuple[int | None, bool]],
    *,
    recent: int = RECENT_ANSWERS,
    minimum: int = MINIMUM_ANSWERS,
    exam_questions: int = EXAM_QUESTIONS,
    weights: Mapping[int, int] = EXAM_DOMAIN_WEIGHTS,
) -> Readiness | None:
    """Readiness from ``(domain, correct)`` pairs, oldest first; None when fewer than ``minimum``."""
    usable = [(domain, correct) for domain, correct in answers if domain in weights]
    window = usable[-recent:] if recent > 0 else usable
    if len(window) < minimum:
        return None
    tallies: dict[int, list[int]] = {}
    for domain, correct in window:
        tally = tallies.setdefault(domain, [0, 0])  # type: ignore[arg-type]
        tally[0] += 1
        tally[1] += int(correct)
    weight_sum = sum(weights[domain] for domain in tallies)
    expected = 0.0
    variance = 0.0
    estimates = []
    for domain in sorted(tallies):
        answered, correct = tallies[domain]
        mean = (correct + 1) / (answered + 2)
        share = weights[domain] / weight_sum
        expected += share * mean
        variance += share**2 * mean * (1 - mean) / (answered + 3)
        estimates.append(DomainEstimate(domain, answered, correct, mean))
    spread = math.sqrt(variance + expected * (1 - expected) / exam_questions)
    low = max(0.0, expected - Z_90 * spread)
    high = min(1.0, expected + Z_90 * spread)
    pass_probability = 0.5 * math.erfc((float(PASS_FRACTION) - expected) / (spread * math.sqrt(2)))
    return Readiness(
        predicted=scale_fraction(_fraction(expected)),
        low=scale_fraction(_fraction(low)),
        high=scale_fraction(_fraction(high)),
        pass_probability=pass_probability,
        expected_fraction=expected,
        answers_used=len(window),
        domains=tuple(estimates),
        unmeasured=tuple(domain for domain in sorted(weights) if domain not in tallies),
    )


def _fraction(value: float) -> Fraction:
    return Fraction(min(1.0, max(0.0, value))).limit_denominator(10_000)
