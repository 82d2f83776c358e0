from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.engine.scaled_score import meets_competencies, scale_fraction, scaled_score


def test_anchor_points_of_the_scale() -> None:
    assert scaled_score(0, 65).score == 100
    assert scaled_score(65, 65).score == 1000
    assert scaled_score(7, 10).score == 700


def test_just_below_seventy_percent_fails_and_seventy_passes() -> None:
    assert not scaled_score(45, 65).passed  # 69.2 %
    assert scaled_score(46, 65).passed  # 70.8 %
    assert scaled_score(45, 65).score < 700 <= scaled_score(46, 65).score


def test_impossible_raw_scores_are_refused() -> None:
    for correct, total in ((5, 4), (-1, 4), (0, 0)):
        with pytest.raises(ValueError):
            scaled_score(correct, total)


@settings(max_examples=200)
@given(total=st.integers(1, 300), data=st.data())
def test_scaled_score_is_monotonic_in_raw_score(total, data) -> None:
    lower = data.draw(st.integers(0, total))
    higher = data.draw(st.integers(lower, total))
    assert scaled_score(lower, total).score <= scaled_score(higher, total).score
    if higher > lower:
        assert scaled_score(lower, total).score < scaled_score(higher, total).score


@settings(max_examples=200)
@given(fraction=st.fractions(0, 1))
def test_pass_iff_raw_fraction_reaches_seventy_percent(fraction) -> None:
    assert (scale_fraction(fraction) >= 700) == (fraction >= Fraction(7, 10))
    assert 100 <= scale_fraction(fraction) <= 1000


def test_a_domain_meets_competencies_from_seventy_percent() -> None:
    assert meets_competencies(7, 10)
    assert not meets_competencies(6, 10)
    assert not meets_competencies(0, 0)
