"""The exam loop, free of any terminal: show, read, navigate, record, until submitted or out of time.

:func:`run_exam` drives an :class:`~studykit.engine.exam.ExamProgress` with
callables passed in: ``ask`` reads a line (None at end of input), ``display``
draws screens, ``events`` commits each change to the progress file. The
countdown reads an injected clock, so a test moves time by advancing a number.
No feedback is given until the exam ends, as on the real exam. What the learner
types is read with :mod:`studykit.engine.commands`, the scheme quizzes use too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from studykit.engine.answer_text import InvalidAnswer, parse_answer
from studykit.engine.commands import AnswerText, Command, InputProblem, help_text, not_an_answer, read_input
from studykit.engine.exam import ExamProgress
from studykit.engine.presentation import Presented
from studykit.engine.timer import Countdown
from studykit.questions.model import Answer, Question, check_answer

Ask = Callable[[str, float], "str | None"]
"""``ask(prompt, seconds_left)`` → the line typed, or None at end of input."""

SUBMITTED, TIMED_OUT, PAUSED, ENDED_INPUT = "submitted", "timeout", "paused", "eof"

QUESTION_PROMPT = "Answer (? for commands): "
REVIEW_PROMPT = "Question number to revisit, Enter to go back, submit, or q to pause: "


class ExamDisplay(Protocol):
    def question(self, item: Presented, progress: ExamProgress, seconds_left: float) -> None: ...

    def review(self, items: Sequence[Presented], progress: ExamProgress, seconds_left: float) -> None: ...

    def note(self, text: str) -> None: ...


class ExamEvents(Protocol):
    def answered(
        self,
        question: Question,
        answer: Answer,
        correct: bool,
        elapsed_seconds: float,
        *,
        remaining_seconds: float | None = None,
        position: int | None = None,
        guessed: bool = False,
    ) -> None: ...

    def cleared(self, question: Question, remaining_seconds: float) -> None: ...

    def flagged(self, question: Question, flagged: bool) -> None: ...

    def place(self, progress: ExamProgress, remaining_seconds: float) -> None: ...


def run_exam(
    items: Sequence[Presented],
    progress: ExamProgress,
    countdown: Countdown,
    ask: Ask,
    display: ExamDisplay,
    events: ExamEvents,
) -> str:
    """Run until the learner submits (``"submitted"``), time runs out (``"timeout"``), the learner
    pauses (``"paused"``) or input ends (``"eof"``). ``items`` follow ``progress.question_ids``."""
    if [item.question.id for item in items] != list(progress.question_ids):
        raise ValueError("items and progress must list the same questions in the same order")
    on_review = False
    shown: tuple[bool, int] | None = None
    shown_at = countdown.clock()
    while True:
        if countdown.expired:
            return TIMED_OUT
        if shown != (on_review, progress.position):
            if on_review:
                display.review(items, progress, countdown.remaining())
            else:
                display.question(items[progress.position], progress, countdown.remaining())
                shown_at = countdown.clock()
            shown = (on_review, progress.position)
        text = ask(REVIEW_PROMPT if on_review else QUESTION_PROMPT, countdown.remaining())
        if text is None:
            events.place(progress, countdown.remaining())
            return ENDED_INPUT
        if countdown.expired:
            return TIMED_OUT  # what was typed after time ran out does not count
        if on_review:
            outcome = _on_review_screen(text, progress, display)
            if outcome in (SUBMITTED, PAUSED):
                events.place(progress, countdown.remaining())
                return outcome
            on_review = outcome == "stay"
            if not on_review:
                shown = None  # show the question again, even the same one
            events.place(progress, countdown.remaining())
            continue
        item = items[progress.position]
        meant = read_input(text, exam=True, total=progress.total)
        if isinstance(meant, InputProblem):
            display.note(_sentence(meant.message))
            continue
        if isinstance(meant, AnswerText):
            try:
                answer = parse_answer(item, meant.text)
            except InvalidAnswer as problem:
                display.note(not_an_answer(problem.hint, meant.text, exam=True))
                continue
            progress.answer(answer, guessed=meant.guessed)
            events.answered(
                item.question,
                answer,
                check_answer(item.question, answer),
                max(0.0, countdown.clock() - shown_at),
                remaining_seconds=countdown.remaining(),
                position=progress.position,
                guessed=meant.guessed,
            )
            on_review = not progress.forward()
        else:
            result = _command(meant, item, progress, countdown, display, events)
            if result == PAUSED:
                events.place(progress, countdown.remaining())
                return PAUSED
            on_review = result == "review"
        events.place(progress, countdown.remaining())


def _command(
    command: Command,
    item: Presented,
    progress: ExamProgress,
    countdown: Countdown,
    display: ExamDisplay,
    events: ExamEvents,
) -> str:
    """Carry out a command on a question; returns ``"review"``, ``"paused"`` or ``"question"``."""
    name = command.name
    number = progress.position + 1
    if name == "next":
        return "question" if progress.forward() else "review"
    if name == "go" and command.number is not None:
        progress.go(command.number)
        return "question"
    if name == "back":
        if not progress.back():
            display.note("This is the first question: there is none before it.")
        return "question"
    if name == "flag":
        flagged = progress.toggle_flag()
        events.flagged(item.question, flagged)
        display.note(
            f"Question {number} flagged for review (and kept as a bookmark)."
            if flagged
            else f"Question {number} unflagged (and removed from your bookmarks)."
        )
        return "question"
    if name == "clear":
        if progress.clear():
            events.cleared(item.question, countdown.remaining())
            display.note(f"Answer to question {number} cleared.")
        else:
            display.note(f"Question {number} has no answer to clear.")
        return "question"
    if name in ("review", "submit"):
        return "review"
    if name == "pause":
        return PAUSED
    display.note(help_text(exam=True))
    return "question"


def _on_review_screen(text: str, progress: ExamProgress, display: ExamDisplay) -> str:
    """``"submitted"``, ``"paused"``, ``"stay"`` on the review screen, or ``"question"`` to leave it."""
    typed = text.strip()
    if typed.isdigit():
        typed = f":g {typed}"
    meant = read_input(typed, exam=True, total=progress.total)
    if isinstance(meant, Command):
        if meant.name == "submit":
            return SUBMITTED
        if meant.name == "pause":
            return PAUSED
        if meant.name in ("next", "back"):
            return "question"
        if meant.name == "go" and meant.number is not None:
            progress.go(meant.number)
            return "question"
        if meant.name == "help":
            display.note(
                "On the review screen: a question number to go to it, Enter to go back to the question"
                " you were on, 'submit' to end the exam and see your score, q to pause."
            )
            return "stay"
    if isinstance(meant, InputProblem):
        display.note(_sentence(meant.message))
        return "stay"
    display.note("Type a question number, Enter to go back, 'submit' to finish, or q to pause.")
    return "stay"


def _sentence(message: str) -> str:
    return f"{message[0].upper()}{message[1:]}."
