"""Learners sharing one progress file lose no review-card update (issue case 3).

A card is read and written in the answer's write transaction, so a second writer
cannot read the card between the first one's read and write and then overwrite it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

from studykit.engine import review as review_module
from studykit.engine.review import review_and_save
from studykit.store import all_cards, open_store
from studykit.store.failures import Failure, ProgressUnavailable
from tests.hardening.process import studykit_env

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def test_no_one_writes_a_card_between_its_read_and_its_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.sqlite3"
    first = open_store(path)
    second = open_store(path, wait_seconds=0.1)
    scheduled = review_module.review
    refused: list[Failure] = []

    def review_while_another_learner_answers(*args: object, **kwargs: object) -> object:
        monkeypatch.setattr(review_module, "review", scheduled)
        try:
            review_and_save(second, "q1", review_module.Rating.Good, NOW)
        except ProgressUnavailable as busy:
            refused.append(busy.failure)
        return scheduled(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review_module, "review", review_while_another_learner_answers)
    review_and_save(first, "q1", review_module.Rating.Good, NOW)
    assert refused == [Failure.BUSY]  # the card was locked from its read to its write
    review_and_save(second, "q1", review_module.Rating.Good, NOW)
    first.close()
    with second:
        assert [card.reviews for card in all_cards(second)] == [2]
        assert second.connection.execute("SELECT count(*) FROM review_log").fetchone()[0] == 2


LEARNER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from studykit.engine.review import Rating, review_and_save
    from studykit.store import open_store
    with open_store(sys.argv[1]) as store:
        for round in range(int(sys.argv[2])):
            for question in range(3):
                review_and_save(store, f"q{question}", Rating.Good, datetime.now(timezone.utc))
    """
)


def test_eight_learners_at_once_lose_no_review(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    open_store(path).close()
    learners = [
        subprocess.Popen([sys.executable, "-c", LEARNER, str(path), "10"], env=studykit_env(tmp_path))
        for _ in range(8)
    ]
    for learner in learners:
        assert learner.wait(timeout=120) == 0
    connection = sqlite3.connect(path)
    try:
        reviews = connection.execute("SELECT sum(reviews) FROM cards").fetchone()[0]
        logged = connection.execute("SELECT count(*) FROM review_log").fetchone()[0]
    finally:
        connection.close()
    assert (reviews, logged) == (240, 240)
