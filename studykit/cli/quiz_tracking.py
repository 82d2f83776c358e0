"""Keeping ``studykit quiz`` in the progress file, and ``studykit quiz --resume``.

The quiz loop's ``on_answer`` hook commits each answer the moment it is checked,
and turns it into a review card; ``on_flag`` keeps a flagged question as a bookmark.
A quiz paused with ``q``, Ctrl-C or a killed process stays open, and ``--resume``
continues it with the same questions, shuffled the same way; one that ends, or whose
piped input runs out, is closed. Only one quiz waits at a time: a new one offers to
continue it (in a terminal) or closes it.
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
from studykit.questions.model import Question, check_answer
from studykit.questions.pool import question_pool
from studykit.store import SavedSession
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
        self.flagged: set[str] | None = None
        self.paused_message = SAVED

    def __enter__(self) -> QuizTracking:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.store.close()
        if kind is None and self.unsaved is not None:
            raise self.unsaved  # after the summary: the learner sees the score, then what was not saved

    def start(
        self,
        items: Sequence[Presented],
        seed: int,
        banks: Sequence[Path],
        generated: bool,
        *,
        study: bool = False,
    ) -> None:
        """Record a new quiz (a ``study`` session is a quiz that ``studykit study`` continues)."""
        settings: dict[str, object] = {"banks": [str(path) for path in banks], "generated": generated}
        if study:
            settings["study"] = True
            self.paused_message = STUDY_SAVED
        self.recorder = SessionRecorder.start(
            self.store, "quiz", [item.question for item in items], self.env.now, seed=seed, settings=settings
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
        if found.session.settings.get("study"):
            self.paused_message = STUDY_SAVED
        seed = found.session.seed if found.session.seed is not None else 0
        earlier = tuple(
            AnsweredQuestion(
                question,
                found.answers[question.id],
                check_answer(question, found.answers[question.id]),
                found.seconds.get(question.id, 0.0),
                question.id in found.guessed,
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

    def on_answer(self, answered: AnsweredQuestion) -> None:
        """The quiz loop's hook: commit the answer now."""
        if self.recorder is not None:
            self.recorder.answered(
                answered.question,
                answered.answer,
                answered.correct,
                answered.elapsed_seconds,
                guessed=answered.guessed,
            )

    def on_flag(self, question: Question) -> bool:
        """The quiz loop's hook for ``:f``: flag or unflag the question as a bookmark; True when flagged."""
        if self.flagged is None:
            from studykit.store import bookmarks

            self.flagged = {bookmark.question_id for bookmark in bookmarks(self.store)}
        now_flagged = question.id not in self.flagged
        (self.flagged.add if now_flagged else self.flagged.discard)(question.id)
        if self.recorder is not None:
            self.recorder.flagged(question, now_flagged)
        return now_flagged

    def paused(self) -> tuple[SavedSession, str] | None:
        """The quiz waiting for ``--resume``, if any, and how to name it to the learner."""
        from studykit.store import latest_active_session, session_answers

        saved = latest_active_session(self.store, "quiz")
        if saved is None:
            return None
        answered = len(session_answers(self.store, saved.id))
        return saved, (
            f"a paused quiz from {saved.started_at:%Y-%m-%d %H:%M} UTC"
            f" ({answered} of {len(saved.question_ids)} answered)"
        )

    def close_paused(self) -> None:
        """Close the paused quiz a new one replaces, so only one quiz ever waits for ``--resume``.

        Called once the new quiz is drawn, so options or a bank that fail leave it resumable.
        """
        found = self.paused()
        if found is not None:
            saved, described = found
            SessionRecorder(self.store, saved, self.env.now, schedule=False).finish()
            click.echo(f"Closed {described}; its answers are kept.", err=True)

    def end(self, outcome: QuizOutcome) -> None:
        """Close the session, unless the learner paused it (then ``--resume`` continues it)."""
        if self.recorder is None:
            return
        try:
            if outcome.ended == "paused":
                self.recorder.flush()
                click.echo(self.paused_message, err=True)
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
        return self.paused_message


SAVED = "Quiz paused; continue it with 'studykit quiz --resume'."
STUDY_SAVED = "Study session paused; 'studykit study' continues it."


def combined(resumed: ResumedQuiz | None, outcome: QuizOutcome) -> QuizOutcome:
    """The outcome of a whole quiz, counting the answers given before it was resumed."""
    if resumed is None:
        return outcome
    return QuizOutcome(resumed.earlier + outcome.answered, outcome.ended, resumed.total, outcome.skipped)


def numbered(resumed: ResumedQuiz | None, number: int, total: int) -> tuple[int, int]:
    """Question ``number`` of ``total`` as the learner counts it: a resumed quiz carries on its numbering."""
    if resumed is None:
        return number, total
    return len(resumed.earlier) + number, resumed.total
