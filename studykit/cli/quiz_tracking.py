"""Keeping ``studykit quiz`` in the progress file, and ``studykit quiz --resume``.

The quiz loop's ``on_answer`` hook commits each answer the moment it is checked,
and turns it into a review card. A quiz that ends normally or with ``q`` is
closed; one cut off by end of input, Ctrl-C or a killed process stays open, and
``--resume`` continues it with the same questions, shuffled the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from studykit.cli.environment import Environment, environment, open_progress
from studykit.engine.presentation import Presented, present_seeded
from studykit.engine.quiz import QuizOutcome
from studykit.engine.recording import SessionRecorder, resumable, saved_banks
from studykit.engine.scoring import AnsweredQuestion
from studykit.questions.model import Answer, Question, check_answer
from studykit.questions.pool import question_pool
from studykit.store.failures import ProgressUnavailable

if TYPE_CHECKING:
    from studykit.store import Store


@dataclass(frozen=True)
class ResumedQuiz:
    """What is left of a saved quiz, what was answered before, and its seed."""

    items: list[Presented]
    earlier: tuple[AnsweredQuestion, ...]
    total: int
    seed: int


class QuizTracking:
    """Opens the progress file for one quiz; use as a context manager."""

    def __init__(self, env: Environment | None = None) -> None:
        self.env = env or environment()
        self.store: Store = open_progress(self.env)
        self.recorder: SessionRecorder | None = None
        self.unsaved: ProgressUnavailable | None = None

    def __enter__(self) -> QuizTracking:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.store.close()
        if kind is None and self.unsaved is not None:
            raise self.unsaved  # after the summary: the learner sees the score, then what was not saved

    def start(self, items: Sequence[Presented], seed: int, banks: Sequence[Path], generated: bool) -> None:
        self.recorder = SessionRecorder.start(
            self.store,
            "quiz",
            [item.question for item in items],
            self.env.now,
            seed=seed,
            settings={"banks": [str(path) for path in banks], "generated": generated},
        )

    def resume(self, banks: Sequence[Path], generated: bool, content: Path | None) -> ResumedQuiz | None:
        """The unfinished quiz rebuilt from its banks (or ``banks`` when given); None if there is none."""
        from studykit.store import latest_active_session

        saved = latest_active_session(self.store, "quiz")
        if saved is None:
            return None
        pool = question_pool(
            list(banks) or saved_banks(saved),
            generated=bool(saved.settings.get("generated", generated)),
            content=content,
        )
        found = resumable(self.store, "quiz", pool)
        assert found is not None
        if found.warning:
            click.echo(f"Warning: {found.warning}.", err=True)
        self.recorder = SessionRecorder(self.store, found.session, self.env.now, schedule=True)
        seed = found.session.seed if found.session.seed is not None else 0
        earlier = tuple(
            AnsweredQuestion(
                question,
                found.answers[question.id],
                check_answer(question, found.answers[question.id]),
                found.seconds.get(question.id, 0.0),
            )
            for question in found.questions
            if question.id in found.answers
        )
        items = [
            present_seeded(question, seed) for question in found.questions if question.id not in found.answers
        ]
        if not items:
            self.recorder.finish()
        return ResumedQuiz(items, earlier, len(found.questions), seed)

    def on_answer(self, question: Question, answer: Answer, correct: bool, elapsed_seconds: float) -> None:
        """The quiz loop's hook: commit the answer now."""
        if self.recorder is not None:
            self.recorder.answered(question, answer, correct, elapsed_seconds)

    def end(self, outcome: QuizOutcome) -> None:
        """Close the session unless input ran out (then ``--resume`` can continue it)."""
        if self.recorder is None:
            return
        try:
            if outcome.ended == "eof":
                self.recorder.flush()
                click.echo(SAVED, err=True)
            else:
                self.recorder.finish()
        except ProgressUnavailable as failure:
            self.unsaved = failure

    @contextmanager
    def saved_if_interrupted(self) -> Iterator[None]:
        """Ctrl-C or SIGTERM mid-quiz: every answer is already committed, so say how to go on."""
        try:
            yield
        except KeyboardInterrupt:
            if self.recorder is not None:
                click.echo(f"\n{self._saved_or_why_not()}", err=True)
            raise

    def _saved_or_why_not(self) -> str:
        assert self.recorder is not None
        try:
            self.recorder.flush()
        except ProgressUnavailable as failure:
            return f"Error: {failure.format()}"
        return SAVED


SAVED = "Quiz saved; continue it with 'studykit quiz --resume'."


def combined(resumed: ResumedQuiz | None, outcome: QuizOutcome) -> QuizOutcome:
    """The outcome of a whole quiz, counting the answers given before it was resumed."""
    if resumed is None:
        return outcome
    return QuizOutcome(resumed.earlier + outcome.answered, outcome.ended, resumed.total)


def numbered(resumed: ResumedQuiz | None, number: int, total: int) -> tuple[int, int]:
    """Question ``number`` of ``total`` as the learner counts it: a resumed quiz carries on its numbering."""
    if resumed is None:
        return number, total
    return len(resumed.earlier) + number, resumed.total
