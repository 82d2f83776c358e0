"""The exam loop, free of any terminal: show, read, navigate, record, until submitted or out of time.

:func:`run_exam` drives an :class:`~studykit.engine.exam.ExamProgress` with
callables passed in: ``ask`` reads a line (None at end of input), ``display``
draws screens, ``events`` commits each change to the progress file. The
countdown reads an injected clock, so a test moves time by advancing a number.
No feedback is given until the exam ends, as on the real exam.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from studykit.engine.answer_text import InvalidAnswer, parse_answer
from studykit.engine.exam import (
    EXAM_HELP,
    Action,
    AnswerText,
    ExamProgress,
    InputProblem,
    Jump,
    read_exam_input,
)
from studykit.engine.presentation import Presented
from studykit.engine.timer import Countdown
from studykit.questions.model import Answer, Question, check_answer

Ask = Callable[[str, float], "str | None"]
"""``ask(prompt, seconds_left)`` → the line typed, or None at end of input."""

SUBMITTED, TIMED_OUT, PAUSED, ENDED_INPUT = "submitted", "timeout", "paused", "eof"

QUESTION_PROMPT = "Answer (? for commands): "
REVIEW_PROMPT = "Question number to revisit, Enter to go back, or 'submit': "


class ExamDisplay(Protocol):
    def question(self, item: Presented, progress: ExamProgress, seconds_left: float) -> None: ...

    def review(self, progress: ExamProgress, seconds_left: float) -> None: ...

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
    ) -> None: ...

    def cleared(self, question: Question, remaining_seconds: float) -> None: ...

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
                display.review(progress, countdown.remaining())
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
        meant = read_exam_input(text, progress.total)
        if isinstance(meant, InputProblem):
            display.note(meant.message)
            continue
        if isinstance(meant, Jump):
            progress.go(meant.index)
        elif isinstance(meant, AnswerText):
            try:
                answer = parse_answer(item, meant.text)
            except InvalidAnswer as problem:
                display.note(problem.hint)
                continue
            progress.answer(answer)
            events.answered(
                item.question,
                answer,
                check_answer(item.question, answer),
                max(0.0, countdown.clock() - shown_at),
                remaining_seconds=countdown.remaining(),
                position=progress.position,
            )
            on_review = not progress.forward()
        else:
            result = _action(meant, item, progress, countdown, display, events)
            if result == PAUSED:
                events.place(progress, countdown.remaining())
                return PAUSED
            on_review = result == "review"
        events.place(progress, countdown.remaining())


def _action(
    action: Action,
    item: Presented,
    progress: ExamProgress,
    countdown: Countdown,
    display: ExamDisplay,
    events: ExamEvents,
) -> str:
    """Carry out a navigation command; returns ``"review"``, ``"paused"`` or ``"question"``."""
    name = action.name
    if name == "skip":
        return "question" if progress.forward() else "review"
    if name == "back":
        if not progress.back():
            display.note("This is the first question.")
        return "question"
    if name == "flag":
        flagged = progress.toggle_flag()
        display.note(f"Question {progress.position + 1} {'flagged for review' if flagged else 'unflagged'}.")
        return "question"
    if name == "clear":
        if progress.current in progress.answers:
            progress.clear()
            events.cleared(item.question, countdown.remaining())
            display.note(f"Answer to question {progress.position + 1} cleared.")
        return "question"
    if name in ("review", "submit"):
        return "review"
    if name == "pause":
        return PAUSED
    display.note(EXAM_HELP)
    return "question"


def _on_review_screen(text: str, progress: ExamProgress, display: ExamDisplay) -> str:
    """``"submitted"``, ``"paused"``, ``"stay"`` on the review screen, or ``"question"`` to leave it."""
    typed = text.strip().lower()
    if typed in ("submit", "y", "yes"):
        return SUBMITTED
    if typed in ("q", "quit", "pause"):
        return PAUSED
    if typed in ("", "b", "back"):
        return "question"
    meant = read_exam_input(typed if not typed.isdigit() else f"g {typed}", progress.total)
    if isinstance(meant, Jump):
        progress.go(meant.index)
        return "question"
    display.note(
        meant.message if isinstance(meant, InputProblem) else "Type a question number, Enter, or submit."
    )
    return "stay"
