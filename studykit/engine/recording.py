"""Keeping a quiz, exam or review session in the progress file as it happens, and resuming it.

:class:`SessionRecorder` is what a session loop calls: ``answered`` (the quiz loop's
``on_answer`` hook has the same shape) commits the answer at once; ``finish`` closes
the session. :func:`resumable` finds the session ``--resume`` continues and rebuilds
its questions from the current pool, dropping any that are gone with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studykit.engine.kept_saves import Save, apply_save, keep_in_file
from studykit.questions.model import Answer, Question, answer_from_json, answer_to_json, check_answer
from studykit.store import (
    SavedSession,
    Store,
    latest_active_session,
    session_answers,
    start_session,
)
from studykit.store.failures import ProgressUnavailable

if TYPE_CHECKING:
    from studykit.engine.exam import ExamProgress


class SessionRecorder:
    """Commits one session's answers to ``store`` as they are given.

    ``schedule`` (quiz, review) also turns each answer into a review rating at once;
    an exam schedules its answers when it is submitted, since they may change until then.

    A save that fails (the file stayed locked, the disk is full) is not lost: it is kept,
    the learner is told through ``store.notify``, and it is committed together with the
    next save. If saves are still waiting when the session ends, :meth:`flush` writes
    them beside the progress file for the next run (:mod:`studykit.engine.kept_saves`)
    and raises to say so.
    """

    def __init__(
        self, store: Store, session: SavedSession, now: Callable[[], datetime], *, schedule: bool
    ) -> None:
        self.store = store
        self.session = session
        self.now = now
        self.schedule = schedule
        self.unsaved: list[Save] = []
        self.unsaved_answers = 0

    @classmethod
    def start(
        cls,
        store: Store,
        kind: str,
        questions: Sequence[Question],
        now: Callable[[], datetime],
        *,
        seed: int | None = None,
        settings: Mapping[str, object] | None = None,
        time_limit_seconds: float | None = None,
        schedule: bool | None = None,
    ) -> SessionRecorder:
        """Start a session; ``schedule`` defaults to True except for exams."""
        session = start_session(
            store,
            kind,
            [question.id for question in questions],
            now(),
            seed=seed,
            settings=settings,
            time_limit_seconds=time_limit_seconds,
        )
        return cls(store, session, now, schedule=kind != "exam" if schedule is None else schedule)

    @property
    def session_id(self) -> int:
        return self.session.id

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
    ) -> None:
        """Commit an answer; ``guessed`` when the learner marked it as a guess."""
        self._save(
            {
                "op": "answer",
                **self._about(question),
                "session": self.session.id,
                "answer": json.dumps(answer_to_json(answer)),
                "correct": correct,
                "elapsed": elapsed_seconds,
                "guessed": guessed,
                "remaining": remaining_seconds,
                "position": position,
                "schedule": self.schedule,
            },
            answer=True,
        )

    def review(
        self,
        question: Question,
        correct: bool,
        elapsed_seconds: float,
        moment: datetime | None = None,
        *,
        guessed: bool = False,
    ) -> None:
        """Update the question's review card from an answer rated by correctness (and a guess)."""
        # Imported here: FSRS is needed once an answer is in, not before the first question.
        from studykit.engine.review import rating_for, review_and_save

        review_and_save(
            self.store,
            question.id,
            rating_for(correct, guessed),
            moment or self.now(),
            domain=question.domain or None,
            concepts=question.concepts,
            duration_ms=int(elapsed_seconds * 1000),
        )

    def rated(self, question: Question, rating: int, elapsed_seconds: float) -> None:
        """Commit a review rating the learner chose for ``question`` (``review --rate``)."""
        self._save({"op": "rating", **self._about(question), "rating": rating, "elapsed": elapsed_seconds})

    def flagged(self, question: Question, flagged: bool) -> None:
        """Keep or drop the question's bookmark: a flag in a quiz or an exam outlives the session."""
        self._save({"op": "bookmark", **self._about(question), "flagged": flagged})

    def cleared(self, question: Question, remaining_seconds: float) -> None:
        """Forget an exam answer the learner took back."""
        self._save(
            {
                "op": "clear",
                **self._about(question),
                "session": self.session.id,
                "remaining": remaining_seconds,
            }
        )

    def place(self, progress: ExamProgress, remaining_seconds: float) -> None:
        """Commit where the learner is in an exam: position, flags and time left."""
        self._save(
            {
                "op": "place",
                "at": self.now().isoformat(),
                "session": self.session.id,
                "position": progress.position,
                "flagged": sorted(progress.flagged),
                "remaining": remaining_seconds,
            }
        )

    def save_time(self, remaining_seconds: float) -> None:
        """Commit the time left while the learner is still on a question."""
        self._save(
            {
                "op": "place",
                "at": self.now().isoformat(),
                "session": self.session.id,
                "remaining": remaining_seconds,
            }
        )

    def finish(self, remaining_seconds: float | None = None) -> None:
        """Close the session, with any saves still kept; raises if they cannot be written."""
        self._save(
            {
                "op": "finish",
                "at": self.now().isoformat(),
                "session": self.session.id,
                "remaining": remaining_seconds,
            }
        )
        self.flush()

    def flush(self) -> None:
        """Commit the saves kept after a failure; if that still fails, keep them in a file and raise.

        The file beside the progress file is committed the next time studykit opens it for
        writing; only if even that file cannot be written does the learner have to answer again.
        """
        if not self.unsaved:
            return
        try:
            self._commit()
        except ProgressUnavailable as failure:
            count = self.unsaved_answers
            answers = f"{count} answer{'' if count == 1 else 's'}"
            try:
                kept = keep_in_file(self.store.path, self.session.id, self.unsaved)
            except OSError:
                raise ProgressUnavailable(
                    f"{answers} could not be saved: {failure.reason}",
                    path=failure.path,
                    hint=f"{failure.hint}; {continue_hint(self.session, count)}",
                    exit_code=failure.exit_code,
                    failure=failure.failure,
                    reason=failure.reason,
                ) from None
            self.unsaved.clear()
            self.unsaved_answers = 0
            raise ProgressUnavailable(
                f"{answers} could not be saved yet: {failure.reason}",
                path=failure.path,
                hint=(
                    f"{failure.hint}; they are kept in {kept} and saved the next time studykit"
                    " can write the progress file"
                ),
                exit_code=failure.exit_code,
                failure=failure.failure,
                reason=failure.reason,
            ) from None

    def _about(self, question: Question) -> Save:
        return {
            "at": self.now().isoformat(),
            "question": question.id,
            "domain": question.domain or None,
            "concepts": list(question.concepts),
        }

    def _save(self, save: Save, *, answer: bool = False) -> None:
        """Commit ``save`` with any kept before it, all in one transaction, or keep them all."""
        self.unsaved.append(save)
        self.unsaved_answers += answer
        earlier = self.unsaved_answers - answer
        try:
            self._commit()
        except ProgressUnavailable as failure:
            if answer:
                count = self.unsaved_answers
                what = "this answer" if count == 1 else f"the last {count} answers"
                self.store.notify(
                    f"Could not save {what} ({failure.reason}); kept, to be saved with the next one."
                )
            return
        if earlier:
            self.store.notify(f"Saved {earlier} earlier answer{'' if earlier == 1 else 's'} that had waited.")

    def _commit(self) -> None:
        with self.store.write():
            for save in self.unsaved:
                apply_save(self.store, save)
        self.unsaved.clear()
        self.unsaved_answers = 0


def continue_hint(session: SavedSession, unsaved: int) -> str:
    """How the learner gets back to the questions whose answers could not be saved.

    The session stays unfinished in the progress file, so the command that continues it
    asks those questions again once the file can be written.
    """
    questions = "the question" if unsaved == 1 else f"the {unsaved} questions"
    if session.kind == "review":
        stay, them = ("stays", "it") if unsaved == 1 else ("stay", "them")
        return f"{questions} not saved {stay} due, and 'studykit review' asks {them} again"
    if session.kind == "exam":
        return f"the exam is kept for --resume: 'studykit exam --resume' asks {questions} not saved again"
    if session.settings.get("study"):
        return f"the session is kept: 'studykit study' asks {questions} not saved again"
    return f"the quiz is kept for --resume: 'studykit quiz --resume' asks {questions} not saved again"


def saved_banks(session: SavedSession) -> list[Path]:
    """The bank paths a session was drawn from (none, meaning the shipped banks, if unreadable)."""
    banks = session.settings.get("banks", [])
    if not isinstance(banks, list) or not all(isinstance(path, str) for path in banks):
        return []
    return [Path(path) for path in banks]


@dataclass(frozen=True)
class Resumed:
    """A saved session rebuilt against today's pool: its questions, earlier answers and what was dropped."""

    session: SavedSession
    questions: tuple[Question, ...]
    answers: Mapping[str, Answer]
    dropped: tuple[str, ...]
    seconds: Mapping[str, float] = field(default_factory=dict)
    """Seconds the learner spent on each answer in ``answers``, so a resumed timer carries on."""
    guessed: frozenset[str] = frozenset()
    """Questions whose answer in ``answers`` the learner marked as a guess."""

    @property
    def warning(self) -> str | None:
        """What to tell the learner when the banks changed since the session was saved."""
        if not self.dropped:
            return None
        count = len(self.dropped)
        listed = ", ".join(self.dropped[:5]) + (" …" if count > 5 else "")
        return (
            f"{count} question{'s' if count != 1 else ''} of this {self.session.kind} no longer exist"
            f"{'s' if count == 1 else ''} in the question banks and {'was' if count == 1 else 'were'}"
            f" dropped: {listed}"
        )


def resumable(store: Store, kind: str, pool: Sequence[Question]) -> Resumed | None:
    """The latest unfinished session of ``kind``, rebuilt from ``pool``; None if there is none."""
    session = latest_active_session(store, kind)
    if session is None:
        return None
    by_id = {question.id: question for question in pool}
    questions = tuple(by_id[qid] for qid in session.question_ids if qid in by_id)
    dropped = tuple(qid for qid in session.question_ids if qid not in by_id)
    answers: dict[str, Answer] = {}
    seconds: dict[str, float] = {}
    guessed: set[str] = set()
    for qid, saved in session_answers(store, session.id).items():
        if qid not in by_id:
            continue
        try:
            answer = answer_from_json(json.loads(saved.answer))
            check_answer(by_id[qid], answer)  # the question may have changed shape since
        except ValueError:
            continue
        answers[qid] = answer
        seconds[qid] = saved.elapsed_seconds
        if saved.guessed:
            guessed.add(qid)
    return Resumed(session, questions, answers, dropped, seconds, frozenset(guessed))
