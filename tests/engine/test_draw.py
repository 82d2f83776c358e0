from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_pool import fixture_pool

from studykit.engine.draw import Filters, balanced_weight, draw_session, similarity_key
from studykit.questions.model import Kind

POOL = fixture_pool()
CONCEPTS = sorted({concept for question in POOL for concept in question.concepts})

filters = st.builds(
    Filters,
    topics=st.frozensets(st.sampled_from(CONCEPTS), max_size=2),
    domains=st.frozensets(st.sampled_from([2, 3]), max_size=1),
    kinds=st.frozensets(st.sampled_from(list(Kind)), max_size=2),
)


@settings(max_examples=80, deadline=None)
@given(filters, st.integers(1, 60), st.integers(0, 2**32))
def test_drawn_sessions_respect_filters_and_never_repeat(chosen, count, seed):
    drawn = draw_session(POOL, count, random.Random(seed), chosen)
    available = [q for q in POOL if chosen.accepts(q)]
    assert len(drawn) == min(count, len(available))
    assert len({q.id for q in drawn}) == len(drawn)
    assert all(chosen.accepts(q) for q in drawn)


def test_same_seed_draws_the_same_session():
    first = draw_session(POOL, 8, random.Random(42))
    assert draw_session(POOL, 8, random.Random(42)) == first
    assert any(draw_session(POOL, 8, random.Random(seed)) != first for seed in range(5))


def test_one_question_per_claim_family_while_others_remain():
    for seed in range(20):
        drawn = draw_session(POOL, 6, random.Random(seed))
        keys = [similarity_key(q) for q in drawn if similarity_key(q)]
        assert len(keys) == len(set(keys))


def test_weights_steer_the_draw():
    heavy = draw_session(
        POOL, 5, random.Random(1), weight=lambda q: 1000.0 if q.kind is Kind.MATCHING else 0.001
    )
    assert heavy[0].kind is Kind.MATCHING
    never = draw_session(POOL, len(POOL), random.Random(1), weight=lambda q: 0.0 if q.generated else 1.0)
    assert all(not q.generated for q in never[: sum(not q.generated for q in POOL)])


def test_balanced_weight_gives_every_kind_an_equal_share():
    weight = balanced_weight(POOL)
    shares = {kind: sum(weight(q) for q in POOL if q.kind is kind and q.domain == 3) for kind in Kind}
    assert max(shares.values()) / min(shares.values()) < 1.0001
