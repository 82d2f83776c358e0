"""From questions answered correctly to a 100–1000 scaled score with the pass mark at 700.

How this is approximated: AWS reports AIF-C01 results on a 100–1000 scale with 700
to pass, but it does not publish how raw scores map to that scale; it equates each
exam form so that harder forms need fewer correct answers. studykit cannot equate,
so it assumes that answering 70 % of the questions correctly is exactly the pass
mark and maps the raw fraction linearly on each side of it: 0 % → 100, 70 % → 700,
100 % → 1000. It also scores every question, whereas the real exam leaves 15 of its
65 unscored. Treat the number as a guide to how far you are from passing, not as a
prediction of your official score.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

LOWEST_SCORE = 100
PASS_MARK = 700
HIGHEST_SCORE = 1000
PASS_FRACTION = Fraction(7, 10)
"""The raw fraction assumed to sit exactly at the pass mark."""


@dataclass(frozen=True)
class ScaledScore:
    correct: int
    total: int
    score: int

    @property
    def passed(self) -> bool:
        return self.score >= PASS_MARK


def scaled_score(correct: int, total: int) -> ScaledScore:
    """Scale ``correct`` out of ``total`` (unanswered questions count as wrong, as on the exam)."""
    if total < 1 or not 0 <= correct <= total:
        raise ValueError(f"cannot scale {correct} correct out of {total}")
    return ScaledScore(correct, total, scale_fraction(Fraction(correct, total)))


def scale_fraction(fraction: Fraction | float) -> int:
    """The scaled score for a raw fraction correct in [0, 1]; rounded down, so 700 means passed."""
    fraction = Fraction(fraction)
    if not 0 <= fraction <= 1:
        raise ValueError(f"a raw fraction must be between 0 and 1, not {fraction}")
    if fraction <= PASS_FRACTION:
        value = LOWEST_SCORE + (PASS_MARK - LOWEST_SCORE) * fraction / PASS_FRACTION
    else:
        value = PASS_MARK + (HIGHEST_SCORE - PASS_MARK) * (fraction - PASS_FRACTION) / (1 - PASS_FRACTION)
    return int(value)  # Fraction → floor for non-negative values


def meets_competencies(correct: int, total: int) -> bool:
    """A domain "meets competencies" when its own raw fraction reaches the pass fraction."""
    return total > 0 and Fraction(correct, total) >= PASS_FRACTION
