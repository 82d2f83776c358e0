"""Case-study questions in quiz, exam and review: the scenario, the case title and the question's
place in the case are shown above each of its questions, in text and in quiz ``--json``."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.engine.presentation import present_seeded
from studykit.engine.review import new_card
from studykit.questions.pool import question_pool
from studykit.store import open_store, save_card
from studykit.ui.console import make_console
from studykit.ui.quiz_question import question_view

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
SOURCES = ["--content", str(DATA / "content"), "--bank", str(DATA / "cases"), "--no-generated"]
POOL = {q.id: q for q in question_pool([DATA / "cases"], generated=False, content=DATA / "content")}
PARTS = ["cs-support-assistant-method", "cs-support-assistant-hosting", "cs-support-assistant-order"]
ANSWERS = "A B C\nA\n" * 10  # every kind here takes one of the two lines
SCENARIO_START = "An insurer has 80,000 past support chats"
TITLE = "Case study: A support assistant for an insurer"


def _blocks(output: str) -> dict[str, str]:
    """Each question's block of the output (from its header to the next), by question id."""
    blocks = output.split("\nQuestion ")
    found = {}
    for question_id, question in POOL.items():
        found[question_id] = next(block for block in blocks if question.stem in block)
    return found


def _assert_shown_with_its_case(block: str, question_id: str) -> None:
    question = POOL[question_id]
    number = PARTS.index(question_id) + 1
    assert f"{TITLE}  ·  question {number} of 3 of this case" in block
    assert block.index(TITLE) < block.index(SCENARIO_START) < block.index(question.stem)


def io_text(renderable) -> str:
    out = io.StringIO()
    make_console(out, terminal=False, width=100, environ={}).print(renderable)
    return out.getvalue()


def test_a_question_of_a_case_study_shows_the_scenario_between_header_and_stem():
    out = io_text(question_view(present_seeded(POOL[PARTS[1]], 1), 4, 9, plain=True))
    lines = out.splitlines()
    assert lines[1].startswith("Question 4 of 9  ·  true/false")
    assert lines[2] == f"{TITLE}  ·  question 2 of 3 of this case"
    assert lines[3].startswith(f"  {SCENARIO_START}")
    assert "Case study" not in io_text(question_view(present_seeded(POOL["after-the-case"], 1), 1, 1, True))


def test_quiz_shows_each_part_of_a_case_with_its_scenario():
    result = CliRunner().invoke(cli, ["quiz", *SOURCES, "--seed", "1", "--count", "5"], input=ANSWERS)
    assert result.exit_code == 0, result.output
    blocks = _blocks(result.output)
    for question_id in PARTS:
        _assert_shown_with_its_case(blocks[question_id], question_id)
    assert result.output.count(SCENARIO_START) == 3
    assert "Case study" not in blocks["before-the-case"] + blocks["after-the-case"]


def test_quiz_json_names_the_case_of_each_part():
    result = CliRunner().invoke(
        cli, ["quiz", "--json", *SOURCES, "--seed", "1", "--count", "5"], input=ANSWERS
    )
    events = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    cases = {event["id"]: event.get("case") for event in events if event["event"] == "question"}
    for number, question_id in enumerate(PARTS, start=1):
        case = cases[question_id]
        assert (case["id"], case["title"], case["number"], case["of"]) == (
            "cs-support-assistant",
            "A support assistant for an insurer",
            number,
            3,
        )
        assert case["scenario"].startswith(SCENARIO_START)
    assert cases["before-the-case"] is None and cases["after-the-case"] is None


def test_exam_shows_the_case_while_answering_and_in_the_walk_through():
    runner = CliRunner()
    args = ["exam", *SOURCES, "--seed", "1", "--questions", "5"]
    result = runner.invoke(cli, args, input="\n" * 5 + "submit\ny\n")
    assert result.exit_code == 0, result.output
    answering, report = result.output.split("Exam result", 1)
    for part in (answering, report.split("Questions to learn from", 1)[1]):
        blocks = _blocks(part)
        for question_id in PARTS:
            _assert_shown_with_its_case(blocks[question_id], question_id)


def test_review_shows_the_case_of_a_due_question():
    now = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    question = POOL[PARTS[2]]
    with open_store() as store:
        save_card(store, new_card(question.id, now, question.domain, question.concepts), now)
    clock = iter(range(0, 10_000, 5))
    env = Environment(now=lambda: now, clock=lambda: float(next(clock)))
    result = CliRunner().invoke(cli, ["review", *SOURCES, "--seed", "3"], obj=env, input="q\n")
    assert result.exit_code == 0, result.output
    _assert_shown_with_its_case(result.output, PARTS[2])


def test_quiz_kind_case_study_asks_only_whole_case_studies_in_their_order():
    result = CliRunner().invoke(
        cli, ["quiz", *SOURCES, "--kind", "case_study", "--count", "5", "--seed", "2"], input=ANSWERS
    )
    assert result.exit_code == 0, result.output
    headers = [line for line in result.output.splitlines() if line.startswith("Question ")]
    assert [header.split("  ·  ")[0] for header in headers] == [f"Question {n} of 3" for n in (1, 2, 3)]
    blocks = result.output.split("\nQuestion ")[1:]
    for block, question_id in zip(blocks, PARTS, strict=True):
        assert POOL[question_id].stem in block
        _assert_shown_with_its_case(block, question_id)
    assert POOL["before-the-case"].stem not in result.output
    assert POOL["after-the-case"].stem not in result.output
