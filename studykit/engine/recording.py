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

from studykit.questions.model import Answer, Question, answer_from_json, answer_to_json, check_answer
from studykit.store import (
    AnswerRecord,
    SavedSession,
    Store,
    add_bookmark,
    clear_answer,
    finish_session,
    latest_active_session,
    record_answer,
    remove_bookmark,
    save_place,
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
    next save. :meth:`flush` raises if kept saves still cannot be written.
    """

    def __init__(
        self, store: Store, session: SavedSession, now: Callable[[], datetime], *, schedule: bool
    ) -> None:
        self.store = store
        self.session = session
        self.now = now
        self.schedule = schedule
        self.unsaved: list[Callable[[], None]] = []
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
        moment = self.now()
        record = AnswerRecord(
            question.id,
            json.dumps(answer_to_json(answer)),
            correct,
            elapsed_seconds,
            question.domain or None,
            question.concepts,
            guessed,
        )

        def save() -> None:
            record_answer(
                self.store,
                self.session.id,
                record,
                moment,
                remaining_seconds=remaining_seconds,
                position=position,
            )
            if self.schedule:
                self.review(question, correct, elapsed_seconds, moment, guessed=guessed)

        self._save(save, answer=True)

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
        from studykit.engine.review import Rating, review_and_save

        moment = self.now()
        self._save(
            lambda: review_and_save(
                self.store,
                question.id,
                Rating(rating),
                moment,
                domain=question.domain or None,
                concepts=question.concepts,
                duration_ms=int(elapsed_seconds * 1000),
            )
        )

    def flagged(self, question: Question, flagged: bool) -> None:
        """Keep or drop the question's bookmark: a flag in a quiz or an exam outlives the session."""
        moment = self.now()

        def save() -> None:
            if flagged:
                add_bookmark(
                    self.store,
                    question.id,
                    moment,
                    domain=question.domain or None,
                    concepts=question.concepts,
                )
            else:
                remove_bookmark(self.store, question.id)

        self._save(save)

    def cleared(self, question: Question, remaining_seconds: float) -> None:
        """Forget an exam answer the learner took back."""
        moment = self.now()

        def save() -> None:
            clear_answer(self.store, self.session.id, question.id, moment)
            save_place(self.store, self.session.id, moment, remaining_seconds=remaining_seconds)

        self._save(save)

    def place(self, progress: ExamProgress, remaining_seconds: float) -> None:
        """Commit where the learner is in an exam: position, flags and time left."""
        moment, position, flagged = self.now(), progress.position, sorted(progress.flagged)
        self._save(
            lambda: save_place(
                self.store,
                self.session.id,
                moment,
                position=position,
                flagged=flagged,
                remaining_seconds=remaining_seconds,
            )
        )

    def save_time(self, remaining_seconds: float) -> None:
        """Commit the time left while the learner is still on a question."""
        moment = self.now()
        self._save(
            lambda: save_place(self.store, self.session.id, moment, remaining_seconds=remaining_seconds)
        )

    def finish(self, remaining_seconds: float | None = None) -> None:
        """Close the session, with any saves still kept; raises if they cannot be written."""
        moment = self.now()
        self._save(
            lambda: finish_session(self.store, self.session.id, moment, remaining_seconds=remaining_seconds)
        )
        self.flush()

    def flush(self) -> None:
        """Commit the saves kept after a failure; raises :class:`ProgressUnavailable` if that still fails."""
        if not self.unsaved:
            return
        try:
            self._commit()
        except ProgressUnavailable as failure:
            count = self.unsaved_answers
            raise ProgressUnavailable(
                f"{count} answer{'' if count == 1 else 's'} could not be saved: {failure.reason}",
                path=failure.path,
                hint=f"{failure.hint}; {continue_hint(self.session, count)}",
                exit_code=failure.exit_code,
                failure=failure.failure,
                reason=failure.reason,
            ) from None

    def _save(self, save: Callable[[], None], *, answer: bool = False) -> None:
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
                save()
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
