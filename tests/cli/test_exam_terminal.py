"""The exam in a real pseudo-terminal: flag and go back, time-out, Ctrl-C then --resume, kill -9."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from studykit.cli.exam_session import draw_exam
from studykit.engine.presentation import present_seeded
from studykit.questions.pool import question_pool
from studykit.store import all_answers, exam_history, latest_active_session, open_store, session_answers

REPO = Path(__file__).resolve().parents[2]
BANK = REPO / "tests" / "data" / "exam"
SEED = 11
PROMPT = r"Answer \(\? for commands\): "
EXAM = [
    "-m",
    "studykit",
    "exam",
    "--bank",
    str(BANK),
    "--no-generated",
    "--seed",
    str(SEED),
    "--questions",
    "5",
    "--minutes",
    "90",
]


def items():
    questions, _ = draw_exam(question_pool([BANK], generated=False), 5, SEED)
    return [present_seeded(question, SEED) for question in questions]


def spawn(*args: str, home: Path) -> pexpect.spawn:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "STUDYKIT_HOME": str(home),
        "NO_COLOR": "1",
        "TERM": "xterm",
        "PAGER": "cat",  # the report is paged on a terminal: let it run to the end
    }
    child = pexpect.spawn(
        sys.executable, [*args], env=env, encoding="utf-8", timeout=20, dimensions=(60, 100)
    )
    child.logfile_read = None
    return child


@pytest.fixture
def home(studykit_home: Path) -> Path:
    return studykit_home


def test_flag_go_back_and_submit_in_a_terminal(home: Path) -> None:
    shown = items()
    child = spawn(*EXAM, home=home)
    child.expect("Question 1 of 5")
    child.expect(PROMPT)
    child.sendline(shown[0].correct_typed)
    child.expect("Question 2 of 5")
    child.expect(PROMPT)
    child.sendline(":f")
    child.expect("Question 2 flagged for review.")
    child.expect(PROMPT)
    child.sendline(":b")
    child.expect("Question 1 of 5")
    child.expect("Your answer: " + shown[0].correct_typed)
    child.expect(PROMPT)
    child.sendline(":r")
    child.expect("Unanswered: 2 3 4 5")
    child.expect("Flagged:    2")
    child.expect("submit, or q to pause: ")
    child.sendline("submit")
    child.expect("Scaled score 271 of 1000")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def on_question_two_with_a_movable_clock(home: Path, tmp_path: Path) -> tuple[pexpect.spawn, Path]:
    """An exam whose clock moves when the test writes seconds to ``offset``, waiting on question 2."""
    shown = items()
    offset = tmp_path / "clock-offset"
    child = spawn(str(REPO / "tests" / "cli" / "moved_clock.py"), str(offset), *EXAM[2:], home=home)
    child.expect(PROMPT)
    child.sendline(shown[0].correct_typed)
    child.expect("Question 2 of 5")
    child.expect(PROMPT)
    return child, offset


def test_time_running_out_while_waiting_submits_the_exam(home: Path, tmp_path: Path) -> None:
    child, offset = on_question_two_with_a_movable_clock(home, tmp_path)
    offset.write_text(str(90 * 60))  # the learner sits on question 2 until time is up
    child.expect("Time ran out: the exam was submitted with the answers given so far.")
    child.expect("1 of 5 right")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with open_store(home / "progress.sqlite3") as store:
        [exam] = exam_history(store)
        assert (exam.correct, exam.total) == (1, 5)
        assert latest_active_session(store, "exam") is None


def test_ctrl_c_mid_exam_then_resume_keeps_questions_answers_and_time(home: Path) -> None:
    shown = items()
    child = spawn(*EXAM, home=home)
    child.expect(PROMPT)
    child.sendline(shown[0].correct_typed)
    child.expect(PROMPT)
    child.sendline(":f")
    child.expect(PROMPT)
    child.sendintr()
    child.expect(r"Exam paused with 1:(\d\d:\d\d) left")
    paused_at = child.match.group(1)
    child.expect("Interrupted.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    with open_store(home / "progress.sqlite3") as store:
        saved = latest_active_session(store, "exam")
        assert saved is not None
        assert saved.question_ids == tuple(item.question.id for item in shown)
        assert saved.flagged == {shown[1].question.id}
        assert set(session_answers(store, saved.id)) == {shown[0].question.id}
        left = saved.remaining_seconds
    assert 89 * 60 < left < 90 * 60
    resumed = spawn(*EXAM[:3], "--resume", home=home)
    resumed.expect(r"1 answered, 1 flagged, 1:(\d\d:\d\d) left\.")
    assert resumed.match.group(1) == paused_at
    resumed.expect(r"Question 2 of 5  ·  single choice  ·  1:\d\d:\d\d left  ·  flagged")
    resumed.expect(PROMPT)
    resumed.sendline(":b")
    resumed.expect("Your answer: " + shown[0].correct_typed)
    resumed.expect(PROMPT)
    resumed.sendline("submit")
    resumed.expect("submit, or q to pause: ")
    resumed.sendline("submit")
    resumed.expect(r"1 of 5 right")
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 0


def test_starting_an_exam_in_a_terminal_offers_the_unfinished_one(home: Path) -> None:
    shown = items()
    child = spawn(*EXAM, home=home)
    child.expect(PROMPT)
    child.sendline(shown[0].correct_typed)
    child.expect(PROMPT)
    child.sendline("q")
    child.expect("Exam paused")
    child.expect(pexpect.EOF)
    again = spawn(*EXAM[:3], home=home)
    again.expect(r"You have an unfinished exam from .* \(1 of 5 answered, 1:29:\d\d left\)\. Continue it\?")
    again.sendline("")
    again.expect(r"Practice exam resumed: 5 questions")
    again.expect("Question 2 of 5")
    again.expect(PROMPT)
    again.sendline("q")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0


def test_kill_9_mid_exam_loses_no_committed_answer(home: Path) -> None:
    shown = items()
    child = spawn(*EXAM, home=home)
    for item in shown[:3]:
        child.expect(PROMPT)
        child.sendline(item.correct_typed)
    child.expect("Question 4 of 5")
    child.expect(PROMPT)
    child.kill(signal.SIGKILL)
    child.close()
    with open_store(home / "progress.sqlite3") as store:
        assert store.notices == []
        assert {a.question_id for a in all_answers(store)} == {item.question.id for item in shown[:3]}
        assert latest_active_session(store, "exam").position == 3


def test_kill_9_while_the_learner_thinks_keeps_the_time_used(home: Path, tmp_path: Path) -> None:
    child, offset = on_question_two_with_a_movable_clock(home, tmp_path)
    offset.write_text("600")  # ten minutes on question 2, no answer yet
    time.sleep(1.0)  # a few of the prompt's quarter-second looks at the clock
    child.kill(signal.SIGKILL)
    child.close()
    with open_store(home / "progress.sqlite3") as store:
        saved = latest_active_session(store, "exam")
        assert saved is not None and saved.remaining_seconds is not None
        assert 90 * 60 - 600 - 30 < saved.remaining_seconds <= 90 * 60 - 600
