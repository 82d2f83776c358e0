"""``studykit quiz`` options against the shipped pool, read back from ``--json`` question events."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from studykit.cli import cli


def drawn(*args: str) -> list[dict]:
    """Every question a quiz would ask, found by answering one more question on each run.

    ``--draw random``: the seed alone decides, though each run adds to the learner's progress.
    """
    runner = CliRunner()
    args = ("--draw", "random", *args)
    result = runner.invoke(cli, ["quiz", "--json", *args], input="")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    total = first["total"]
    questions = [first]
    for number in range(2, total + 1):  # end of input after n-1 answers shows question n
        answers = "\n".join(_skip_answer(q) for q in questions) + "\n"
        result = runner.invoke(cli, ["quiz", "--json", *args], input=answers)
        events = [json.loads(line) for line in result.stdout.splitlines()]
        questions = [event for event in events if event["event"] == "question"]
        assert len(questions) == number
    return questions


def _skip_answer(event: dict) -> str:
    """A well-formed answer of the shown shape (whether right or wrong does not matter here)."""
    return event["expected"].split("e.g. ", 1)[1] if "e.g. " in event["expected"] else "A"


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--topic", "distillation"], lambda q: "distillation" in q["concepts"]),
        (["--domain", "2"], lambda q: q["domain"] == 2),
        (["--kind", "matching"], lambda q: q["kind"] == "matching"),
        (["--kind", "ordering", "--kind", "true_false"], lambda q: q["kind"] in ("ordering", "true_false")),
        (["--no-generated"], lambda q: not q["id"].startswith("gen-")),
    ],
)
def test_every_question_drawn_passes_the_filters(args, check):
    questions = drawn(*args, "--count", "6", "--seed", "3")
    assert len(questions) == 6
    assert len({q["id"] for q in questions}) == 6
    assert all(check(q) for q in questions), [q["id"] for q in questions]


def test_generated_questions_are_drawn_unless_turned_off():
    with_generated = drawn("--kind", "true_false", "--count", "12", "--seed", "1")
    assert any(q["id"].startswith("gen-") for q in with_generated)


def test_count_sets_the_number_of_questions_and_seed_makes_it_repeatable():
    first = drawn("--count", "3", "--seed", "8")
    assert [q["total"] for q in first] == [3, 3, 3]
    again = drawn("--count", "3", "--seed", "8")
    assert first == again
    assert drawn("--count", "3", "--seed", "9") != first
