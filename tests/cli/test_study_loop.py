"""The whole study loop in a real pseudo-terminal, as a learner types it: topics → learn → compare →
quiz (with a flag) → exam → exam --history → exam show → review → progress → study (paused, continued).

Pages longer than the terminal go through $PAGER; here it is a ``sed`` that marks each line, so the
test sees both that a page was paged and what it said.
"""

from __future__ import annotations

import os
import re
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


CASES = REPO / "tests" / "data" / "questions"


def words(text: str) -> str:
    """A pattern for ``text`` wherever the terminal wrapped it (or padded it) between words."""
    return r"\s+".join(re.escape(word) for word in text.split())


def test_the_keys_in_a_terminal_pause_resume_and_explain_every_mistake(learner: Learner) -> None:
    # A quiz on true/false questions: f and t answer, ? lists the commands, q pauses, --resume finds it.
    quiz = learner.run("quiz", *OWN_BANK, "--count", "2", "--seed", "4")
    quiz.expect("Question 1 of 2")
    quiz.expect(ANSWER)
    quiz.sendline("?")
    quiz.expect(r"q or :q\s+pause; continue later with --resume")
    quiz.expect(ANSWER)
    quiz.sendline("g 2")
    quiz.expect(words("':g' (go to question 12) works in exams only."))
    quiz.expect(ANSWER)
    quiz.sendline("q")
    quiz.expect(words("Quiz paused; continue it with 'studykit quiz --resume'."))
    quiz.expect(pexpect.EOF)
    resumed = learner.run("quiz", "--resume", *OWN_BANK)
    resumed.expect("Resuming a quiz: 0 of 2 already answered.")
    resumed.expect("Question 1 of 2")
    resumed.expect(ANSWER)
    resumed.sendline("q")
    resumed.expect(pexpect.EOF)

    # An exam of 5 questions: 7 minutes (90 for 65, in proportion), the time left on every question.
    exam = learner.run("exam", *OWN_BANK, "--questions", "5", "--seed", "3")
    exam.expect("Practice exam \\(AIF-C01 style\\): 5 questions, 7 minutes")
    exam.expect(r"Question 1 of 5  ·  single choice  ·  \d:\d\d left")
    exam.expect(ANSWER)
    exam.sendline(":b")
    exam.expect(words("This is the first question: there is none before it."))
    exam.expect(ANSWER)
    exam.sendline("x")
    exam.expect(words("Commands start with ':' — ':x': clear your answer."))
    exam.expect(ANSWER)
    exam.sendline(":x")
    exam.expect("Question 1 has no answer to clear.")
    exam.expect(ANSWER)
    exam.sendline(":g five")
    exam.expect(words("'five' is not a question number; type e.g. ':g 12'."))
    exam.expect(ANSWER)
    exam.sendline("")
    exam.expect(r"Question 2 of 5  ·  single choice  ·  \d:\d\d left")
    exam.expect(ANSWER)
    exam.sendline(":r")
    exam.expect("Review before submitting")
    exam.expect("q to pause: ")
    exam.sendline("q")
    exam.expect("Exam paused with")
    exam.expect(pexpect.EOF)
    again = learner.run("exam", "--resume", *OWN_BANK)
    again.expect("0 answered, 0 flagged")
    again.expect(ANSWER)
    again.sendline("q")
    again.expect(pexpect.EOF)

    # Case studies alone: the scenario above each question, the parts in order.
    case_args = ["--content", str(CASES / "content"), "--bank", str(CASES / "cases"), "--no-generated"]
    cases = learner.run("quiz", *case_args, "--kind", "case_study", "--count", "3", "--seed", "1")
    cases.expect(r"You have a paused quiz .* Continue it\? \[Y/n\]: ")  # the one resumed and paused above
    cases.sendline("n")
    for part in (1, 2, 3):
        cases.expect(f"Question {part} of 3")
        cases.expect(
            words(f"Case study: A support assistant for an insurer · question {part} of 3 of this case")
        )
        cases.expect("An insurer has 80,000 past support chats")
        cases.expect(ANSWER)
        cases.sendline("")
    cases.expect(pexpect.EOF)
