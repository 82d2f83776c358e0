"""The whole study loop in a real pseudo-terminal, as a learner types it: topics → learn → compare →
quiz (with a flag) → exam → exam --history → exam show → review → progress → study (paused, continued).

Pages longer than the terminal go through $PAGER; here it is a ``sed`` that marks each line, so the
test sees both that a page was paged and what it said.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import pexpect
import pytest

from studykit.cli.exam_session import draw_exam_form
from studykit.cli.quiz_session import QuizRequest, prepare_quiz
from studykit.engine.adaptive import load_history
from studykit.engine.presentation import present_seeded
from studykit.questions.pool import question_pool
from studykit.store import open_store

REPO = Path(__file__).resolve().parents[2]
BANK = REPO / "tests" / "data" / "exam"
OWN_BANK = ["--bank", str(BANK), "--no-generated"]
PAGED = "PAGED:"


class Learner:
    """Runs studykit commands in a pseudo-terminal of 40 rows and 100 columns."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "STUDYKIT_HOME": str(home),
            "TERM": "xterm",
            "NO_COLOR": "1",
            "PAGER": f"sed s/^/{PAGED}/",
        }

    def run(self, *args: str) -> pexpect.spawn:
        return pexpect.spawn(
            sys.executable,
            ["-m", "studykit", *args],
            env=self.env,
            encoding="utf-8",
            timeout=60,
            dimensions=(40, 100),
        )

    def read(self, *args: str) -> str:
        """Run a command that needs no input; its whole output."""
        child = self.run(*args)
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, child.before
        return child.before.replace("\r\n", "\n")


@pytest.fixture
def learner(studykit_home: Path) -> Learner:
    return Learner(studykit_home)


ANSWER = r"Answer \([^\n]*\): "


def test_the_whole_study_loop_in_a_terminal(learner: Learner) -> None:
    topics = learner.read("topics")
    assert f"{PAGED}Domain 3: Applications of Foundation Models" in topics  # taller than the terminal: paged

    note = learner.read("learn", "fine-tuning")
    assert f"{PAGED}Fine-tuning a foundation model" in note and "Sources" in note

    table = learner.read("compare", "transfer-learning", "distillation", "--no-pager")
    assert PAGED not in table and "Training data" in table and "prompts only" in table

    # A quiz: three new questions, the first flagged, each answered right.
    items = prepare_quiz(QuizRequest(count=3, seed=1, banks=(BANK,), generated=False)).items
    quiz = learner.run("quiz", *OWN_BANK, "--count", "3", "--seed", "1")
    quiz.expect("Quiz: 3 questions, 3 new to you")
    quiz.expect(ANSWER)
    quiz.sendline(":f")
    quiz.expect("Flagged: kept as a bookmark")
    for item in items:
        quiz.expect(ANSWER)
        quiz.sendline(item.correct_typed)
        quiz.expect("Right.")
    quiz.expect("Score: 3 of 3")
    quiz.expect(pexpect.EOF)

    # An exam: a fresh form (what the quiz just asked comes last); one right, one guessed, one blank.
    with open_store(learner.home / "progress.sqlite3") as store:
        history = load_history(store, datetime.now(timezone.utc))
    form = draw_exam_form(question_pool([BANK], generated=False), 3, 2, history)
    shown = [present_seeded(question, 2) for question in form.questions]
    exam = learner.run("exam", *OWN_BANK, "--questions", "3", "--seed", "2")
    exam.expect("A fresh form")
    exam.expect("Question 1 of 3")
    exam.expect(ANSWER)
    exam.sendline(shown[0].correct_typed)
    exam.expect("Question 2 of 3")
    exam.expect(ANSWER)
    exam.sendline(":f")
    exam.expect("flagged for review")
    exam.expect(ANSWER)
    exam.sendline("A?")
    exam.expect("Question 3 of 3")
    exam.expect(ANSWER)
    exam.sendline("")
    exam.expect("Review before submitting")
    exam.expect("q to pause: ")
    exam.sendline("submit")
    exam.expect(f"{PAGED}Exam result")
    exam.expect("1 unanswered")
    exam.expect("This is exam 1")
    exam.expect(pexpect.EOF)

    history_page = learner.read("exam", "--history")
    assert "Past exams (1)" in history_page
    reread = learner.read("exam", "show", "1")
    assert f"{PAGED}Exam 1: result" in reread and "flagged" in reread

    review = learner.read("review", *OWN_BANK)
    assert "Nothing is due for review." in review or "Review:" in review

    progress = learner.read("progress", "--no-pager")
    assert "Flagged questions (2)" in progress  # one from the quiz, one from the exam
    assert "1 exam question left blank or not reached counts as wrong" in " ".join(progress.split())
    assert "Next step" in progress

    study = learner.run("study", *OWN_BANK, "--minutes", "3")
    study.expect("Today's study session: 3 minutes")
    study.expect(ANSWER)
    study.sendline("q")
    study.expect("Study session paused; 'studykit study' continues it.")
    study.expect(pexpect.EOF)
    again = learner.run("study", *OWN_BANK, "--minutes", "3")
    again.expect("Continuing today's study session: 0 of ")
    again.expect(ANSWER)
    again.sendline("?")
    again.expect(":f")
    again.expect(ANSWER)
    again.sendline("q")
    again.expect(pexpect.EOF)
