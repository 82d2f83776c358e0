"""The practice-quiz loop, free of any terminal: ask, check, give feedback, pause on ``q``, stop at EOF.

Stable API: :func:`run_quiz(items, ask, feedback, on_answer=None, clock=time.monotonic,
on_flag=None, pause=PAUSE_TO_RESUME) <run_quiz>` → :class:`QuizOutcome`.

- ``ask(item, number, total, note)`` returns the learner's text for question ``number`` (1-based),
  or ``None`` at end of input; ``note`` is None the first time a question is asked, else a
  :class:`Note` to show before asking again (a hint after an unreadable answer, the help,
  what a command did).
- ``feedback(answered, item)`` shows the verdict (not called for a skipped question).
- ``on_answer(answered)`` is called as soon as an answer is checked — the hook a progress store
  uses to commit each answer the moment it is given.
- ``on_flag(question)`` flags or unflags a question (a bookmark) and returns whether it is now flagged.
- ``pause`` is what the help says ``q`` does: a study session or a review goes on differently from a quiz.

Typed lines are read with :func:`studykit.engine.commands.read_input`, the scheme exams use
too. The clock is passed in so tests control elapsed times.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studykit.engine.answer_text import InvalidAnswer, parse_answer
from studykit.engine.commands import (
    PAUSE_TO_RESUME,
    AnswerText,
    Command,
    InputProblem,
    help_text,
    not_an_answer,
    read_input,
)
from studykit.engine.presentation import Presented
from studykit.engine.scoring import AnsweredQuestion
from studykit.questions.model import Question, check_answer

FINISHED, PAUSED, ENDED_INPUT = "finished", "paused", "eof"


@dataclass(frozen=True)
class Note:
    """Something to show before the question is asked again; ``invalid`` for an unreadable answer."""

    text: str
    invalid: bool = False


Ask = Callable[[Presented, int, int, "Note | None"], "str | None"]
Feedback = Callable[[AnsweredQuestion, Presented], None]
OnAnswer = Callable[[AnsweredQuestion], None]
OnFlag = Callable[[Question], bool]


@dataclass(frozen=True)
class QuizOutcome:
    """What was answered, what was skipped, and why the quiz ended: ``finished``, ``paused`` or ``eof``."""

    answered: tuple[AnsweredQuestion, ...]
    ended: str
    total: int
    skipped: tuple[str, ...] = ()


def run_quiz(
    items: Sequence[Presented],
    ask: Ask,
    feedback: Feedback,
    on_answer: OnAnswer | None = None,
    clock: Callable[[], float] = time.monotonic,
    on_flag: OnFlag | None = None,
    pause: str = PAUSE_TO_RESUME,
) -> QuizOutcome:
    answered: list[AnsweredQuestion] = []
    skipped: list[str] = []

    def outcome(ended: str) -> QuizOutcome:
        return QuizOutcome(tuple(answered), ended, len(items), tuple(skipped))

    for number, item in enumerate(items, start=1):
        started = clock()
        note: Note | None = None
        while True:
            text = ask(item, number, len(items), note)
            if text is None:
                return outcome(ENDED_INPUT)
            meant = read_input(text, exam=False, total=len(items))
            if isinstance(meant, AnswerText):
                try:
                    answer = parse_answer(item, meant.text)
                except InvalidAnswer as problem:
                    note = Note(not_an_answer(problem.hint, meant.text, exam=False), invalid=True)
                    continue
                result = AnsweredQuestion(
                    item.question,
                    answer,
                    check_answer(item.question, answer),
                    max(clock() - started, 0.0),
                    meant.guessed,
                )
                answered.append(result)
                if on_answer is not None:
                    on_answer(result)
                feedback(result, item)
                break
            if isinstance(meant, InputProblem):
                note = Note(f"{meant.message[0].upper()}{meant.message[1:]}.")
                continue
            if meant.name == "pause":
                return outcome(PAUSED)
            if meant.name == "next":
                skipped.append(item.question.id)
                break
            note = Note(_carry_out(meant, item.question, on_flag, pause))
    return outcome(FINISHED)


def _carry_out(command: Command, question: Question, on_flag: OnFlag | None, pause: str) -> str:
    """Flag or help: what to tell the learner before asking the same question again."""
    if command.name == "flag" and on_flag is not None:
        if on_flag(question):
            return (
                "Flagged: kept as a bookmark until you unflag it ('studykit quiz --flagged' practises them)."
            )
        return "Unflagged: removed from your bookmarks."
    return help_text(exam=False, pause=pause)
