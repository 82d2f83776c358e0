"""The engine's properties over the real pool a learner draws from: every shipped bank question
and every question generated from the shipped content."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.engine.answer_text import parse_answer
from studykit.engine.draw import Filters, draw_session, question_units
from studykit.engine.presentation import letter, present
from studykit.questions.model import Kind, check_answer
from studykit.questions.pool import question_pool

POOL = question_pool()
CONCEPTS = sorted({concept for question in POOL for concept in question.concepts})

filters = st.builds(
    Filters,
    topics=st.frozensets(st.sampled_from(CONCEPTS), max_size=3),
    domains=st.frozensets(st.integers(1, 5), max_size=2),
    kinds=st.frozensets(st.sampled_from(list(Kind)), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(filters, st.integers(1, 80), st.integers(0, 2**32))
def test_drawn_sessions_respect_filters_and_never_repeat(chosen, count, seed):
    drawn = draw_session(POOL, count, random.Random(seed), chosen)
    available = [question for question in POOL if chosen.accepts(question)]
    longest = max((len(unit) for unit in question_units(available)), default=1)
    # case studies are taken whole: a session falls short only by less than the longest one
    assert min(count, len(available)) - longest < len(drawn) <= max(min(count, len(available)), longest)
    assert len({question.id for question in drawn}) == len(drawn)
    assert all(chosen.accepts(question) for question in drawn)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(POOL), st.integers(0, 2**32))
def test_shuffling_never_changes_which_answer_is_correct(question, seed):
    item = present(question, random.Random(seed))
    assert check_answer(question, parse_answer(item, item.correct_typed))
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        for position, index in enumerate(item.order):
            answer = parse_answer(item, letter(position))
            assert check_answer(question, answer) is question.options[index].correct


def test_the_pool_mixes_authored_and_generated_questions_with_unique_ids():
    assert len({question.id for question in POOL}) == len(POOL)
    generated = [question for question in POOL if question.generated]
    assert generated and len(generated) < len(POOL)
    assert all(question.id.startswith("gen-") for question in generated)
