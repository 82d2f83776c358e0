"""The practice-quiz loop, free of any terminal: ask, check, give feedback, stop on ``q`` or EOF.

Stable API: :func:`run_quiz(items, ask, feedback, on_answer=None, clock=time.monotonic) <run_quiz>`
→ :class:`QuizOutcome`.

- ``ask(item, number, total, hint)`` returns the learner's text for question ``number`` (1-based),
  or ``None`` at end of input; ``hint`` is set after an invalid answer and says what to type.
- ``feedback(answered, item)`` shows the verdict (it is not called for ``q`` or EOF).
- ``on_answer(question, answer, correct, elapsed_seconds)`` is called as soon as an answer is
  checked — the hook a progress store uses to commit each answer the moment it is given.

The clock is passed in so tests control elapsed times.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studykit.engine.answer_text import InvalidAnswer, parse_answer
from studykit.engine.presentation import Presented
from studykit.engine.scoring import AnsweredQuestion
from studykit.questions.model import Answer, Question, check_answer

QUIT_WORDS = frozenset({"q", "quit", "exit"})

Ask = Callable[[Presented, int, int, "str | None"], "str | None"]
Feedback = Callable[[AnsweredQuestion, Presented], None]
OnAnswer = Callable[[Question, Answer, bool, float], None]


@dataclass(frozen=True)
class QuizOutcome:
    """What was answered, and why the quiz ended: ``finished``, ``quit`` or ``eof``."""

    answered: tuple[AnsweredQuestion, ...]
    ended: str
    total: int


def run_quiz(
    items: Sequence[Presented],
    ask: Ask,
    feedback: Feedback,
    on_answer: OnAnswer | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> QuizOutcome:
    answered: list[AnsweredQuestion] = []
    for number, item in enumerate(items, start=1):
        started = clock()
        hint: str | None = None
        while True:
            text = ask(item, number, len(items), hint)
            if text is None:
                return QuizOutcome(tuple(answered), "eof", len(items))
            if text.strip().lower() in QUIT_WORDS:
                return QuizOutcome(tuple(answered), "quit", len(items))
            try:
                answer = parse_answer(item, text)
            except InvalidAnswer as problem:
                hint = problem.hint
                continue
            break
        correct = check_answer(item.question, answer)
        result = AnsweredQuestion(item.question, answer, correct, max(clock() - started, 0.0))
        answered.append(result)
        if on_answer is not None:
            on_answer(item.question, answer, correct, result.elapsed_seconds)
        feedback(result, item)
    return QuizOutcome(tuple(answered), "finished", len(items))
