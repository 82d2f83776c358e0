"""studykit review: due cards first, rated by answer or by the learner, then when the next are due."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.engine.presentation import present_seeded
from studykit.engine.review import new_card
from studykit.questions.pool import question_pool
from studykit.store import all_cards, load_card, open_store, save_card

BANK = Path(__file__).resolve().parent.parent / "data" / "exam"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
POOL = {q.id: q for q in question_pool([BANK], generated=False)}


def review(*args: str, input: str = "", now: datetime = NOW):
    clock = iter(range(0, 10_000, 5))
    env = Environment(now=lambda: now, clock=lambda: float(next(clock)))
    return CliRunner().invoke(
        cli, ["review", "--bank", str(BANK), "--no-generated", "--seed", "3", *args], obj=env, input=input
    )


def add_cards(*due: tuple[str, timedelta]) -> None:
    with open_store() as store:
        for qid, offset in due:
            question = POOL[qid]
            save_card(store, new_card(qid, NOW + offset, question.domain, question.concepts), NOW)


def answer_for(qid: str, right: bool) -> str:
    """The letter that is right (or a wrong one) for ``qid`` as shuffled with ``--seed 3``."""
    correct = present_seeded(POOL[qid], 3).correct_typed
    return correct if right else next(letter for letter in "ABC" if letter != correct)


def test_nothing_due_says_when_the_next_card_is() -> None:
    add_cards(("exam-kms-key", timedelta(hours=3)))
    result = review()
    assert result.exit_code == 0
    assert "Nothing is due for review. Next card due in 3 hours (2026-11-20 12:00 UTC)" in result.output


def test_due_cards_come_longest_overdue_first_and_limit_applies() -> None:
    add_cards(
        ("exam-kms-key", -timedelta(hours=1)),
        ("exam-pt-inference", -timedelta(days=2)),
        ("exam-bedrock-managed", timedelta(days=1)),
    )
    result = review("--limit", "1", input="q\n")
    assert "Review: 1 due card of 2." in result.output
    assert POOL["exam-pt-inference"].stem in result.output
    assert POOL["exam-kms-key"].stem not in result.output


def test_topic_keeps_only_cards_on_that_concept_and_unknown_topics_suggest() -> None:
    add_cards(("exam-kms-key", -timedelta(hours=1)), ("exam-pt-inference", -timedelta(hours=2)))
    result = review("--topic", "data-security", input="q\n")
    assert "Review: 1 due card." in result.output and POOL["exam-kms-key"].stem in result.output
    bad = review("--topic", "data-securty")
    assert bad.exit_code == 2 and "did you mean 'data-security'" in bad.output


def test_a_right_answer_moves_the_card_later_and_a_wrong_one_brings_it_back_soon() -> None:
    add_cards(("exam-kms-key", -timedelta(hours=1)), ("exam-pt-inference", -timedelta(hours=2)))
    right, wrong = answer_for("exam-pt-inference", True), answer_for("exam-kms-key", False)
    result = review(input=f"{right}\n{wrong}\n")
    assert "Reviewed 2: 1 right." in result.output
    assert "Next card due in" in result.output
    with open_store() as store:
        assert load_card(store, "exam-pt-inference").due > load_card(store, "exam-kms-key").due > NOW


def test_rate_asks_for_1_to_4_after_a_right_answer_and_re_prompts_on_nonsense() -> None:
    add_cards(("exam-pt-inference", -timedelta(hours=2)))
    easy = review("--rate", input=f"{answer_for('exam-pt-inference', True)}\n7\n4\n")
    assert "How well did you know it? Each rating brings the question back in:" in easy.output
    assert re.search(r"\n  1 again 1 min · 2 hard \d+ min · 3 good 10 min · 4 easy \d+ days\n", easy.output)
    assert "Rating (Enter: 3 good): 7" in easy.output
    assert "Type 1, 2, 3 or 4" in easy.output
    with open_store() as store:
        assert store.connection.execute("SELECT rating FROM review_log").fetchall() == [(4,)]
        assert len(all_cards(store)) == 1


def test_a_right_answer_is_rated_good_and_a_right_guess_hard_however_long_either_took() -> None:
    add_cards(("exam-pt-inference", -timedelta(days=2)), ("exam-kms-key", -timedelta(hours=1)))
    answers = f"{answer_for('exam-pt-inference', True)}?\n{answer_for('exam-kms-key', True)}\n"
    result = review(input=answers)
    assert result.exit_code == 0, result.output
    with open_store() as store:
        logged = store.connection.execute("SELECT question_id, rating FROM review_log ORDER BY id").fetchall()
        guessed = store.connection.execute("SELECT question_id FROM answers WHERE guessed = 1").fetchall()
    assert logged == [("exam-pt-inference", 2), ("exam-kms-key", 3)]
    assert guessed == [("exam-pt-inference",)]


def test_help_in_a_review_says_what_q_does_there() -> None:
    add_cards(("exam-kms-key", -timedelta(hours=1)))
    result = review(input="?\nq\n")
    assert "stop; what is still due stays due for 'studykit review'" in result.output
    assert "--resume" not in result.output  # review has no --resume
    assert "1 still due: run 'studykit review' again." in result.output
    assert "No cards are scheduled" not in result.output


def test_help_says_ratings_follow_correctness_and_guesses_not_speed() -> None:
    text = " ".join(CliRunner().invoke(cli, ["review", "--help"]).output.split())
    assert "sooner when you marked it as a guess (B?)" in text and "quickly" not in text
    assert "Rate each answer yourself (1 again … 4 easy), seeing when each rating brings it back." in text
