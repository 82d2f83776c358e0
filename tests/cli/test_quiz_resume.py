"""studykit quiz keeps every answer in the progress file, and --resume continues a cut-off quiz."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.engine.draw import draw_session
from studykit.engine.presentation import present_seeded
from studykit.questions.pool import question_pool
from studykit.store import all_answers, all_cards, latest_active_session, open_store
from tests.cli.typed_lines import FakeClock, TypedLines

BANK = Path(__file__).resolve().parent.parent / "data" / "exam"
ARGS = ["quiz", "--bank", str(BANK), "--no-generated", "--seed", "5", "--count", "4"]


def quiz_items():
    pool = question_pool([BANK], generated=False)
    return [present_seeded(q, 5) for q in draw_session(pool, 4, random.Random(5))]


def test_every_answer_is_stored_and_becomes_a_review_card() -> None:
    items = quiz_items()
    answers = "".join(item.correct_typed + "\n" for item in items)
    result = CliRunner().invoke(cli, ARGS, input=answers)
    assert result.exit_code == 0, result.output
    with open_store() as store:
        stored = all_answers(store)
        assert [a.question_id for a in stored] == [item.question.id for item in items]
        assert all(a.correct for a in stored)
        assert len(all_cards(store)) == 4
        assert latest_active_session(store, "quiz") is None


def test_a_paused_quiz_resumes_with_the_same_questions_and_answers() -> None:
    items = quiz_items()
    first = CliRunner().invoke(cli, ARGS, input=f"{items[0].correct_typed}\nZ\nq\n")
    assert "continue it with 'studykit quiz --resume'" in first.output
    resumed = CliRunner().invoke(
        cli, ["quiz", "--resume"], input="".join(item.correct_typed + "\n" for item in items[1:])
    )
    assert resumed.exit_code == 0, resumed.output
    assert "Resuming a quiz: 1 of 4 already answered." in resumed.output
    assert "Question 2 of 4" in resumed.output and "Question 1 of" not in resumed.output
    assert items[0].question.stem not in resumed.output
    assert items[1].question.stem.split()[0] in resumed.output
    assert "Score: 4 of 4" in resumed.output
    with open_store() as store:
        assert len(all_answers(store)) == 4
        assert latest_active_session(store, "quiz") is None


def test_resume_carries_the_time_already_spent_answering() -> None:
    items = quiz_items()
    clock = FakeClock()
    env = Environment(clock=clock)
    first = CliRunner().invoke(
        cli, ARGS, obj=env, input=TypedLines(clock, [(30, items[0].correct_typed), (0, "q")])
    )
    assert "continue it with 'studykit quiz --resume'" in first.output
    rest = [(20, item.correct_typed) for item in items[1:]]
    resumed = CliRunner().invoke(cli, ["quiz", "--resume"], obj=env, input=TypedLines(clock, rest))
    assert resumed.exit_code == 0, resumed.output
    assert "Score: 4 of 4" in resumed.output
    assert "Time answering: 1 min 30 s, about 22 s a question." in resumed.output


def test_resume_in_json_mode_reports_the_whole_quiz() -> None:
    items = quiz_items()
    CliRunner().invoke(cli, ARGS, input=f"{items[0].correct_typed}\nq\n")
    result = CliRunner().invoke(
        cli, ["quiz", "--resume", "--json"], input="".join(i.correct_typed + "\n" for i in items[1:])
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0]["id"] == items[1].question.id
    assert (events[0]["number"], events[0]["total"]) == (2, 4)
    assert events[-1]["event"] == "summary" and events[-1]["right"] == 4 and events[-1]["asked"] == 4


def test_quiz_resume_with_nothing_to_resume_says_so() -> None:
    result = CliRunner().invoke(cli, ["quiz", "--resume"])
    assert result.exit_code == 0
    assert "Nothing to resume: there is no unfinished quiz." in result.output


def test_a_quiz_whose_piped_input_ends_is_closed_not_left_waiting() -> None:
    items = quiz_items()
    CliRunner().invoke(cli, ARGS, input=f"{items[0].correct_typed}\n")
    with open_store() as store:
        assert latest_active_session(store, "quiz") is None
        assert len(all_answers(store)) == 1


def test_a_new_quiz_closes_the_paused_one_so_only_one_waits() -> None:
    CliRunner().invoke(cli, ARGS, input="q\n")
    second = CliRunner().invoke(cli, [*ARGS[:-4], "--seed", "6", "--count", "2"], input="q\n")
    assert (
        "Closed a paused quiz from " in second.output
        and "(0 of 4 answered); its answers are kept." in second.output
    )
    with open_store() as store:
        sessions = store.connection.execute("SELECT count(*) FROM sessions WHERE state = 'active'").fetchone()
        assert sessions == (1,)
        assert latest_active_session(store, "quiz").seed == 6


def test_a_short_answer_time_reads_the_same_in_total_and_average() -> None:
    items = quiz_items()
    clock = FakeClock()
    result = CliRunner().invoke(
        cli,
        ARGS,
        obj=Environment(clock=clock),
        input=TypedLines(clock, [(4.57, items[0].correct_typed), "q"]),
    )
    assert "Time answering: 4.6 s." in result.output


def test_a_new_quiz_in_a_terminal_offers_to_continue_the_paused_one(studykit_home) -> None:
    import os
    import sys

    import pexpect

    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo), "STUDYKIT_HOME": str(studykit_home), "NO_COLOR": "1"}
    items = quiz_items()
    CliRunner().invoke(cli, ARGS, input=f"{items[0].correct_typed}\nq\n")
    child = pexpect.spawn(sys.executable, ["-m", "studykit", *ARGS], env=env, encoding="utf-8", timeout=60)
    child.expect(r"You have a paused quiz from .* \(1 of 4 answered\)\. Continue it\? \[Y/n\]: ")
    child.sendline("")
    child.expect("Resuming a quiz: 1 of 4 already answered.")
    child.expect("Question 2 of 4")
    child.sendline("q")
    child.expect(pexpect.EOF)
