"""Scripted quizzes of every question kind, answered the way a learner types, through the CLI.

For each kind: a right answer, a wrong one, an invalid answer then a valid one, ``q`` and end
of input — in text and in ``--json`` — with the feedback a learner needs: the verdict, the
correct answer, the explanation and every part's why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.quiz_session import QuizRequest, prepare_session
from studykit.engine.answer_text import InvalidAnswer, parse_answer
from studykit.questions.model import Kind, check_answer

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
BANKS = (DATA / "good", DATA / "kinds")
KINDS = [kind.value for kind in Kind]
INVALID = {
    "single": ("E", "'E' is not one of the letters A–"),
    "multiple": ("A", "got 1 letter; type 2 letters"),
    "true_false": ("C", "not one of the letters A–B"),
    "ordering": ("A B", "got 2 letters; type all 4 letters in order"),
    "matching": ("1a", "match all 3"),
}


def quiz(kind: str, answers: str, *extra: str):
    args = ["quiz", "--content", str(DATA / "content"), "--bank", str(DATA / "good"), "--no-generated"]
    args += ["--bank", str(DATA / "kinds")]
    args += ["--seed", "11", "--kind", kind, "--count", "2", *extra]
    return CliRunner().invoke(cli, args, input=answers)


def drawn(kind: str):
    request = QuizRequest(
        kinds=(kind,), count=2, seed=11, banks=BANKS, generated=False, content=DATA / "content"
    )
    items, _, _ = prepare_session(request)
    return items


def wrong(item) -> str:
    """A well-formed answer that is not the right one: the correct answer with two parts swapped."""
    right = item.correct_typed
    if item.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return next(letter for letter in "ABCD" if letter != right)
    if item.kind is Kind.MULTIPLE:
        candidates = ["A, B", "A, C", "B, C", "C, D", "A, D"]
    elif item.kind is Kind.ORDERING:
        parts = right.split()
        candidates = [" ".join([parts[1], parts[0], *parts[2:]])]
    else:
        parts = right.split()
        candidates = [" ".join([parts[0][0] + parts[1][1], parts[1][0] + parts[0][1], *parts[2:]])]
    for text in candidates:
        try:
            if not check_answer(item.question, parse_answer(item, text)):
                return text
        except InvalidAnswer:
            continue
    raise AssertionError(f"no wrong answer for {item.question.id}")


def flat(text: str) -> str:
    """The output with line wrapping undone, so wrapped sentences can be found."""
    return " ".join(text.split())


def parts_why(item) -> list[str]:
    question = item.question
    return [part.why for part in question.options or question.steps or question.pairs]


@pytest.mark.parametrize("kind", KINDS)
def test_right_then_wrong_answer_give_feedback_with_every_why(kind):
    first, second = drawn(kind)
    result = quiz(kind, f"{first.correct_typed}\n{wrong(second)}\n")
    assert result.exit_code == 0, result.output
    output = flat(result.output)
    assert "Right." in output
    assert f"Wrong. You answered {wrong(second)}; the answer is {second.correct_typed}." in output
    for item in (first, second):
        assert flat(item.question.explanation) in output
        for why in parts_why(item):
            assert flat(why) in output, why
    assert "Score: 1 of 2 (50%)" in output
    assert f"studykit learn {second.question.concept}" in output


@pytest.mark.parametrize("kind", KINDS)
def test_invalid_answer_reprompts_with_a_hint_then_a_valid_one_counts(kind):
    first, _ = drawn(kind)
    text, hint = INVALID[kind]
    result = quiz(kind, f"{text}\n{first.correct_typed}\nq\n")
    assert result.exit_code == 0, result.output
    output = flat(result.output)
    assert "Not an answer: " in output and hint in output
    assert output.count("Question 1 of 2") == 1  # the question is not printed again
    assert "Right." in output and "Score: 1 of 1 (100%) — paused; 1 of 2 questions answered" in output


@pytest.mark.parametrize("kind", KINDS)
def test_q_ends_early_without_feedback(kind):
    result = quiz(kind, "q\n")
    assert result.exit_code == 0, result.output
    assert "Right." not in result.output and "Wrong." not in result.output
    assert "Question 2 of 2" not in result.output
    assert "Score: 0 of 0 (–) — paused; 0 of 2 questions answered" in result.output


@pytest.mark.parametrize("kind", KINDS)
def test_end_of_input_after_one_answer_ends_cleanly(kind):
    first, _ = drawn(kind)
    result = quiz(kind, f"{first.correct_typed}\n")
    assert result.exit_code == 0, result.output
    assert "Question 2 of 2" in result.output
    assert "Score: 1 of 1 (100%)" in result.output and "1 of 2 questions answered" in result.output
    assert result.exception is None


@pytest.mark.parametrize("kind", KINDS)
def test_json_events_carry_the_parts_and_every_why(kind):
    first, second = drawn(kind)
    text, _ = INVALID[kind]
    result = quiz(kind, f"{text}\n{first.correct_typed}\n{wrong(second)}\n", "--json")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    names = [event["event"] for event in events]
    assert names == ["question", "invalid", "feedback", "question", "feedback", "summary"]
    question = events[0]
    assert question["kind"] == kind and question["id"] == first.question.id
    shown = question.get("options") or question.get("matches")
    assert len(shown) == first.question.size
    right, mistaken = events[2], events[4]
    assert right["correct"] is True and mistaken["correct"] is False
    assert mistaken["answer"] == wrong(second) and mistaken["correct_answer"] == second.correct_typed
    assert [part["why"] for part in mistaken["why"]] == _why_in_event_order(second)
    summary = events[-1]
    assert (summary["ended"], summary["answered"], summary["right"]) == ("finished", 2, 1)
    assert {"concept": second.question.concept, "command": f"studykit learn {second.question.concept}"} in (
        summary["study_next"]
    )


def _why_in_event_order(item) -> list[str]:
    """Options as shown; steps in the right order; pairs by prompt number."""
    question = item.question
    if question.kind in (Kind.ORDERING, Kind.MATCHING):
        return parts_why(item)
    return [question.options[index].why for index in item.order]


def test_a_wrong_order_shows_where_each_misplaced_step_was_put():
    first, _ = drawn("ordering")
    steps = first.question.steps
    typed = " ".join(reversed(first.correct_typed.split()))  # last step first, and so on
    output = flat(quiz("ordering", f"{typed}\nq\n").output)
    last = len(steps)
    assert f"{flat(steps[0].text)} [you put it {last}th] — {flat(steps[0].why)}" in output
    assert f"{flat(steps[-1].text)} [you put it 1st] — {flat(steps[-1].why)}" in output
