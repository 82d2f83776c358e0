"""The quiz draws questions the learner has not answered first, and says how many are new."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli

BANK = Path(__file__).resolve().parent.parent / "data" / "exam"
QUIZ = ["quiz", "--bank", str(BANK), "--no-generated", "--count", "4"]


def asked(*args: str, answers: int = 4) -> list[str]:
    """The ids a JSON quiz asks, answering each with A (right or wrong does not matter)."""
    result = CliRunner().invoke(cli, [*QUIZ, "--json", *args], input="A\n" * answers)
    assert result.exit_code == 0, result.output
    return [
        event["id"] for event in map(json.loads, result.stdout.splitlines()) if event["event"] == "question"
    ]


def test_the_next_quiz_asks_what_the_last_one_did_not_until_the_pool_runs_out() -> None:
    first = asked("--seed", "1")
    second = asked("--seed", "1")
    assert len(first) == len(second) == 4 and not set(first) & set(second)
    header = CliRunner().invoke(cli, [*QUIZ, "--seed", "1"], input="q\n").output
    assert header.startswith("Quiz: 4 questions, 0 new to you (new questions first, then weak concepts")


def test_a_new_learner_is_told_every_question_is_new() -> None:
    result = CliRunner().invoke(cli, [*QUIZ, "--seed", "2"], input="q\n")
    assert result.output.startswith("Quiz: 4 questions, 4 new to you")


def test_draw_random_ignores_progress_so_the_seed_alone_decides() -> None:
    first = asked("--seed", "3", "--draw", "random")
    again = asked("--seed", "3", "--draw", "random")
    assert first == again
