from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.engine.blueprint import EXAM_DOMAIN_WEIGHTS, exam_blueprint

DOMAINS = sorted(EXAM_DOMAIN_WEIGHTS)
availability = st.dictionaries(st.sampled_from(DOMAINS), st.integers(0, 120), min_size=1).filter(
    lambda found: any(found.values())
)


def test_full_exam_over_all_domains_follows_the_official_weights() -> None:
    blueprint = exam_blueprint(65, {domain: 100 for domain in DOMAINS})
    assert dict(blueprint.counts) == {1: 13, 2: 16, 3: 18, 4: 9, 5: 9}
    assert blueprint.total == 65 and not blueprint.short


def test_weights_are_renormalised_over_the_domains_the_pool_covers() -> None:
    blueprint = exam_blueprint(20, {3: 50, 5: 50})
    # 28 : 14 of 20 questions -> 13.33 and 6.67
    assert dict(blueprint.counts) == {3: 13, 5: 7}
    assert dict(blueprint.shares) == {3: Fraction(2, 3), 5: Fraction(1, 3)}


def test_a_thin_domain_gives_what_it_has_and_the_rest_is_shared_out() -> None:
    blueprint = exam_blueprint(65, {1: 2, 2: 100, 3: 100, 4: 100, 5: 100})
    assert blueprint.count(1) == 2
    assert blueprint.total == 65


def test_a_small_pool_gives_every_question_it_has() -> None:
    blueprint = exam_blueprint(65, {3: 30, 4: 5})
    assert dict(blueprint.counts) == {3: 30, 4: 5}
    assert blueprint.short


def test_an_empty_pool_or_zero_questions_is_refused() -> None:
    with pytest.raises(ValueError):
        exam_blueprint(10, {3: 0})
    with pytest.raises(ValueError):
        exam_blueprint(0, {3: 10})


@settings(max_examples=150)
@given(questions=st.integers(1, 200), available=availability)
def test_blueprint_sums_to_the_question_count_and_stays_within_availability(questions, available) -> None:
    blueprint = exam_blueprint(questions, available)
    assert blueprint.total == min(questions, sum(available.values()))
    for domain, count in blueprint.counts:
        assert 0 <= count <= available[domain]


@settings(max_examples=150)
@given(questions=st.integers(1, 200), covered=st.sets(st.sampled_from(DOMAINS), min_size=1))
def test_with_enough_questions_each_domain_is_within_one_of_its_weight(questions, covered) -> None:
    blueprint = exam_blueprint(questions, {domain: questions for domain in covered})
    assert blueprint.total == questions
    shares = dict(blueprint.shares)
    assert set(shares) == covered
    for domain, count in blueprint.counts:
        exact = questions * shares[domain]
        assert math.floor(exact) <= count <= math.ceil(exact)


@settings(max_examples=100)
@given(questions=st.integers(1, 200), available=availability)
def test_a_capped_domain_never_takes_questions_from_the_others(questions, available) -> None:
    blueprint = exam_blueprint(questions, available)
    shares = dict(blueprint.shares)
    for domain, count in blueprint.counts:
        if count < available[domain]:
            assert count >= math.floor(min(questions, sum(available.values())) * shares[domain])
