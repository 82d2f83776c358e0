from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.engine.review import (
    due_cards,
    due_counts,
    new_card,
    next_due,
    next_intervals,
    rating_for,
    rating_from_choice,
    review,
    review_and_save,
)
from studykit.store import all_cards, load_card, open_store

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
ratings = st.sampled_from([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
correct_ratings = st.sampled_from([Rating.Hard, Rating.Good, Rating.Easy])


def test_the_rating_comes_from_correctness_not_speed() -> None:
    assert rating_for(False) == Rating.Again
    assert rating_for(False, guessed=True) == Rating.Again
    assert rating_for(True) == Rating.Good


def test_a_right_guess_is_rated_lower_so_it_comes_back_sooner() -> None:
    assert rating_for(True, guessed=True) == Rating.Hard
    card = new_card("q1", NOW)
    sure = review(card, rating_for(True), NOW)
    lucky = review(card, rating_for(True, guessed=True), NOW)
    assert lucky.due < sure.due


def test_each_rating_shows_when_the_card_would_come_back() -> None:
    fresh = next_intervals(None, "q1", NOW)
    assert list(fresh) == [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
    assert fresh[Rating.Again] < fresh[Rating.Hard] <= fresh[Rating.Good] < fresh[Rating.Easy]
    seen = review(review(new_card("q1", NOW), Rating.Good, NOW), Rating.Good, NOW + timedelta(days=1))
    later = next_intervals(seen, "q1", NOW + timedelta(days=5))
    assert later[Rating.Good] > fresh[Rating.Good]


def test_learner_can_rate_with_a_digit_or_a_word() -> None:
    assert rating_from_choice(" 3 ") == Rating.Good
    assert rating_from_choice("Again") == Rating.Again
    assert rating_from_choice("5") is None
    assert rating_from_choice("") is None


def test_a_wrong_answer_comes_back_sooner_than_a_right_one() -> None:
    card = new_card("q1", NOW)
    again = review(card, Rating.Again, NOW)
    good = review(card, Rating.Good, NOW)
    assert NOW < again.due < good.due


def test_due_cards_come_longest_overdue_first_and_honour_limit_and_topic() -> None:
    cards = [
        new_card("late", NOW - timedelta(days=3), 3, ("distillation",)),
        new_card("later", NOW - timedelta(days=5), 3, ("continued-pre-training",)),
        new_card("future", NOW + timedelta(days=1), 3, ("distillation",)),
    ]
    assert [c.question_id for c in due_cards(cards, NOW)] == ["later", "late"]
    assert [c.question_id for c in due_cards(cards, NOW, limit=1)] == ["later"]
    assert [c.question_id for c in due_cards(cards, NOW, concepts=["distillation"])] == ["late"]
    assert [c.question_id for c in next_due(cards, NOW)] == ["future"]
    assert due_counts(cards, NOW) == {"now": 2, "today": 3, "week": 3, "total": 3}


def test_reviews_are_saved_with_their_log(tmp_path: Path) -> None:
    with open_store(tmp_path / "p.sqlite3") as store:
        first = review_and_save(store, "q1", Rating.Good, NOW, domain=3, concepts=("distillation",))
        later = review_and_save(store, "q1", Rating.Good, first.due, duration_ms=20_000)
        assert load_card(store, "q1") == later
        assert later.reviews == 2 and later.due > first.due
        assert [c.question_id for c in all_cards(store)] == ["q1"]
        assert store.connection.execute("SELECT count(*) FROM review_log").fetchone()[0] == 2


@settings(max_examples=60, deadline=None)
@given(
    history=st.lists(st.tuples(ratings, st.integers(0, 60 * 24 * 40)), max_size=8),
    rating=correct_ratings,
    wait_minutes=st.integers(0, 60 * 24 * 10),
)
def test_due_date_moves_later_after_a_correct_answer(history, rating, wait_minutes) -> None:
    card = new_card("q", NOW)
    moment = NOW
    for past_rating, gap in history:
        moment = max(moment, card.due) + timedelta(minutes=gap)
        card = review(card, past_rating, moment)
    moment = max(moment, card.due) + timedelta(minutes=wait_minutes)  # answered once due
    after = review(card, rating, moment)
    assert after.due > moment >= card.due
    assert after.due >= review(card, Rating.Again, moment).due
