"""The adaptive draw: new questions first, then weak and due, recent ones last; case studies whole."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.engine.adaptive import NEW, PRACTISE, RECENT, SEEN, PracticeHistory, adaptive_draw, load_history
from studykit.engine.draw import draw_session
from studykit.questions.model import CaseStudy
from studykit.store import AnswerRecord, open_store, record_answer, start_session
from tests.engine.conftest import make_single

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
POOL = tuple(make_single(f"q{n:02d}", domain=1 + n % 5, concepts=(f"c{n % 4}",)) for n in range(40))


def test_a_learner_without_history_gets_the_plain_weighted_draw() -> None:
    for seed in range(5):
        expected = draw_session(POOL, 10, random.Random(seed))
        drawn = adaptive_draw(POOL, 10, random.Random(seed), PracticeHistory.empty())
        assert drawn.questions == expected and drawn.new == 10


def test_questions_never_answered_come_first_and_are_counted_as_new() -> None:
    answered = {question.id: 1 for question in POOL[:30]}
    drawn = adaptive_draw(POOL, 12, random.Random(1), PracticeHistory(answered=answered))
    ids = [question.id for question in drawn.questions]
    assert set(ids[:10]) == {question.id for question in POOL[30:]}
    assert drawn.new == 10 and drawn.again == 2


def test_recent_questions_wait_until_the_pool_needs_them() -> None:
    recent = frozenset(question.id for question in POOL[:35])
    history = PracticeHistory(answered={qid: 1 for qid in recent}, recent=recent)
    five = adaptive_draw(POOL, 5, random.Random(2), history).questions
    assert {question.id for question in five} == {question.id for question in POOL[35:]}
    every = adaptive_draw(POOL, 40, random.Random(2), history).questions
    assert len(every) == 40 and {question.id for question in every[:5]} == {q.id for q in POOL[35:]}


def test_among_questions_seen_before_due_cards_and_weak_concepts_come_first() -> None:
    answered = {question.id: 2 for question in POOL}
    history = PracticeHistory(
        answered=answered,
        due=frozenset({"q03", "q17"}),
        concept_estimates={"c0": 0.2, "c1": 0.9, "c2": 0.9, "c3": 0.9},
    )
    drawn = adaptive_draw(POOL, 12, random.Random(3), history).questions
    practise = {q.id for q in POOL if q.concept == "c0"} | {"q03", "q17"}
    assert {question.id for question in drawn} == practise
    assert history.tier((POOL[0],)) == PRACTISE and history.tier((POOL[1],)) == SEEN


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), answered=st.sets(st.integers(0, 39), max_size=40))
def test_the_same_history_and_seed_always_draw_the_same_questions(seed, answered) -> None:
    history = PracticeHistory(
        answered={POOL[n].id: 1 for n in answered},
        recent=frozenset(POOL[n].id for n in answered if n % 3 == 0),
        concept_estimates={"c1": 0.3},
    )
    first = adaptive_draw(POOL, 15, random.Random(seed), history)
    again = adaptive_draw(POOL, 15, random.Random(seed), history)
    assert first == again and len({q.id for q in first.questions}) == 15


def test_a_case_study_is_drawn_whole_in_order_and_is_new_until_any_part_is_answered() -> None:
    case = CaseStudy("cs-1", "A case", "The scenario.", questions=("cs-1-a", "cs-1-b", "cs-1-c"))
    parts = [replace(make_single(qid), case=case) for qid in ("cs-1-c", "cs-1-a", "cs-1-b")]
    pool = (*POOL[:6], *parts)
    for seed in range(20):
        drawn = adaptive_draw(pool, 6, random.Random(seed), PracticeHistory.empty()).questions
        ids = [question.id for question in drawn]
        if "cs-1-a" in ids:
            start = ids.index("cs-1-a")
            assert ids[start : start + 3] == ["cs-1-a", "cs-1-b", "cs-1-c"]
        else:
            assert not {"cs-1-b", "cs-1-c"} & set(ids)
        assert len(ids) <= 6
    history = PracticeHistory(answered={"cs-1-b": 1})
    assert history.tier(tuple(parts)) != NEW
    assert PracticeHistory(recent=frozenset({"cs-1-c"})).tier(tuple(parts)) == RECENT


def test_history_is_read_from_the_progress_file(tmp_path: Path) -> None:
    with open_store(tmp_path / "progress.sqlite3") as store:
        for number in range(5):
            session = start_session(store, "quiz", [f"s{number}"], NOW + timedelta(minutes=number))
            record = AnswerRecord(f"s{number}", "{}", number % 2 == 0, 5, 3, ("c0",))
            record_answer(store, session.id, record, NOW + timedelta(minutes=number))
        start_session(store, "exam", ["s0", "e1"], NOW + timedelta(hours=1))
        history = load_history(store, NOW + timedelta(hours=2))
    assert history.answered == {f"s{n}": 1 for n in range(5)}
    assert history.recent == frozenset({"s2", "s3", "s4"})
    assert history.exam_uses == {"s0": 1, "e1": 1}
    assert history.concept_estimates == {"c0": (3 + 1) / (5 + 2)}
