from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.engine.readiness import estimate_readiness


def test_too_few_answers_give_no_estimate() -> None:
    assert estimate_readiness([(3, True)] * 19) is None


def test_strong_recent_answers_predict_a_pass_with_a_range_around_it() -> None:
    answers = [(3, i % 10 != 0) for i in range(100)]  # 90 % right
    readiness = estimate_readiness(answers)
    assert readiness is not None
    assert readiness.low < readiness.predicted < readiness.high
    assert readiness.predicted > 800
    assert readiness.pass_probability > 0.9
    assert readiness.unmeasured == (1, 2, 4, 5)


def test_only_the_most_recent_answers_count() -> None:
    old_wrong = [(3, False)] * 300
    new_right = [(3, True)] * 200
    readiness = estimate_readiness(old_wrong + new_right)
    assert readiness is not None and readiness.answers_used == 200
    assert readiness.predicted > 900


def test_more_answers_narrow_the_range() -> None:
    few = estimate_readiness([(3, i % 4 != 0) for i in range(20)])
    many = estimate_readiness([(3, i % 4 != 0) for i in range(200)])
    assert few is not None and many is not None
    assert many.high - many.low < few.high - few.low


def test_domains_are_weighted_like_the_exam() -> None:
    # domain 3 (28 %) all right, domain 4 (14 %) all wrong: expected leans to domain 3
    readiness = estimate_readiness([(3, True)] * 50 + [(4, False)] * 50)
    assert readiness is not None
    assert 0.55 < readiness.expected_fraction < 0.7


@settings(max_examples=80)
@given(st.lists(st.tuples(st.sampled_from([1, 2, 3, 4, 5]), st.booleans()), min_size=20, max_size=150))
def test_prediction_lies_inside_its_range_on_the_scaled_scale(answers) -> None:
    readiness = estimate_readiness(answers)
    assert readiness is not None
    assert 100 <= readiness.low <= readiness.predicted <= readiness.high <= 1000
    assert 0.0 <= readiness.pass_probability <= 1.0
