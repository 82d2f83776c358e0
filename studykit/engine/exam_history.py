"""Past exams: the list ``exam --history`` shows, and one exam rebuilt for ``exam show N``.

An exam is numbered by when it was finished, from 1. Rebuilding it takes its questions
from today's pool by id (the banks it was drawn from), its answers and flags from the
progress file, and its seed for the same lettering as on the day; questions no longer in
the banks are named, and the score stays the one recorded when the exam was submitted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from studykit.engine.exam_result import ExamResult, Tally, score_exam
from studykit.engine.presentation import Presented, present_seeded
from studykit.engine.scaled_score import ScaledScore
from studykit.engine.timer import spoken_duration
from studykit.errors import StudykitError
from studykit.questions.model import Answer, Question, answer_from_json, check_answer
from studykit.store import ExamRecord, SavedSession, Store, exam_history, load_session, session_answers


@dataclass(frozen=True)
class PastExam:
    """One finished exam: its number, its record and session, and how long it took."""

    number: int
    record: ExamRecord
    session: SavedSession

    @property
    def time_used(self) -> str | None:
        """``12 min 5 s of 14 min``, ``30 s of 30 s``: the time used of the limit, as a reader says it
        (None for an exam saved without its times)."""
        limit, left = self.session.time_limit_seconds, self.session.remaining_seconds
        if limit is None or left is None:
            return None
        return f"{spoken_duration(min(limit, max(0.0, limit - left)))} of {spoken_duration(limit)}"

    @property
    def timed_out(self) -> bool:
        return self.session.remaining_seconds is not None and self.session.remaining_seconds <= 0

    @property
    def flagged(self) -> int:
        return len(self.session.flagged)


@dataclass(frozen=True)
class ReplayedExam:
    """A past exam as its report needs it: the questions still in the banks, answers, flags."""

    past: PastExam
    items: tuple[Presented, ...]
    answers: dict[str, Answer]
    missing: tuple[str, ...]
    result: ExamResult


def past_exams(store: Store) -> list[PastExam]:
    """Every finished exam whose session is still readable, numbered from 1 in the order taken."""
    exams = []
    for record in exam_history(store):
        session = load_session(store, record.session_id)
        if session is not None:
            exams.append(PastExam(len(exams) + 1, record, session))
    return exams


def find_exam(exams: Sequence[PastExam], number: int) -> PastExam:
    """Exam ``number``; a :class:`StudykitError` that says which numbers exist otherwise."""
    for past in exams:
        if past.number == number:
            return past
    if not exams:
        raise StudykitError("you have not finished an exam yet", hint="start one with 'studykit exam'")
    choose = "the only one is exam 1" if len(exams) == 1 else f"choose 1–{len(exams)}"
    raise StudykitError(
        f"there is no exam {number}: you have finished {len(exams)}",
        hint=f"{choose}; 'studykit exam --history' lists them",
    )


def replay(store: Store, past: PastExam, pool: Sequence[Question]) -> ReplayedExam:
    """Rebuild ``past`` from ``pool``: same questions, order, lettering, answers and flags."""
    by_id = {question.id: question for question in pool}
    questions = [by_id[qid] for qid in past.session.question_ids if qid in by_id]
    missing = tuple(qid for qid in past.session.question_ids if qid not in by_id)
    seed = past.session.seed if past.session.seed is not None else 0
    answers: dict[str, Answer] = {}
    for qid, saved in session_answers(store, past.session.id).items():
        if qid not in by_id or saved.unanswered:
            continue
        try:
            answer = answer_from_json(json.loads(saved.answer))
            check_answer(by_id[qid], answer)
        except ValueError:
            continue
        answers[qid] = answer
    if not questions:
        raise StudykitError(
            f"none of exam {past.number}'s questions are in the question banks any more",
            hint="give the banks it was drawn from with --bank",
        )
    result = _as_recorded(score_exam(questions, answers), past.record)
    items = tuple(present_seeded(question, seed) for question in questions)
    return ReplayedExam(past, items, answers, missing, result)


def _as_recorded(result: ExamResult, record: ExamRecord) -> ExamResult:
    """The recomputed result with the score and domains recorded at submission (banks may have changed)."""
    domains = tuple(
        Tally(entry["domain"], entry["correct"], entry["total"])
        for entry in record.domains
        if all(isinstance(entry.get(key), int) for key in ("domain", "correct", "total"))
    )
    score = ScaledScore(record.correct, record.total, record.scaled_score)
    return ExamResult(score, domains or result.domains, result.concepts, result.wrong, result.unanswered)


def describe(past: PastExam, taken: datetime | None = None) -> str:
    """``Exam 2, finished 2026-11-20 09:41: 65 questions, 1 h 22 min of 1 h 30 min used.``"""
    moment = (taken or past.record.finished_at).astimezone()
    text = f"Exam {past.number}, finished {moment:%Y-%m-%d %H:%M %Z}: {past.record.total} questions"
    if past.time_used is not None:
        text += f", {past.time_used} used"
    return text + "."
