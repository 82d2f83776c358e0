"""What ``studykit progress`` reports, computed from the progress file's contents.

Pure functions over answers, sessions, exams and cards, so the report is tested
without a terminal or a database; the command only loads, calls and renders.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from studykit.engine.readiness import Readiness, estimate_readiness
from studykit.engine.review import due_counts
from studykit.store import UNANSWERED, Bookmark, CardRecord, ExamRecord, SavedAnswer, SavedSession

TREND_SESSIONS = 12
WEAKEST = 3
"""How many concepts "study next" names: those with a wrong answer, least likely right first."""


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of answers given, for an exam domain (int) or a concept id (str)."""

    key: int | str
    correct: int
    answered: int

    @property
    def fraction(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    @property
    def estimate(self) -> float:
        """(correct + 1) / (answered + 2): one lucky answer does not make a concept strong."""
        return (self.correct + 1) / (self.answered + 2)


@dataclass(frozen=True)
class SessionPoint:
    """One session on the trend chart; ``scaled_score`` only for exams."""

    session_id: int
    kind: str
    started_at: datetime
    correct: int
    answered: int
    scaled_score: int | None = None

    @property
    def fraction(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class ProgressReport:
    """``answered`` counts every question asked, blank exam questions included (``unanswered``)."""

    generated_at: datetime
    answered: int
    correct: int
    domains: tuple[Accuracy, ...]
    concepts: tuple[Accuracy, ...]
    trend: tuple[SessionPoint, ...]
    exams: tuple[ExamRecord, ...]
    due: Mapping[str, int]
    weakest: tuple[Accuracy, ...]
    readiness: Readiness | None
    unanswered: int = 0
    bookmarks: tuple[Bookmark, ...] = ()


def build_report(
    answers: Sequence[SavedAnswer],
    sessions: Iterable[SavedSession],
    exams: Sequence[ExamRecord],
    cards: Iterable[CardRecord],
    now: datetime,
    *,
    trend_sessions: int = TREND_SESSIONS,
    bookmarks: Sequence[Bookmark] = (),
) -> ProgressReport:
    """The whole report; ``answers`` oldest first, as the store returns them.

    Exam questions left blank or not reached count as wrong answers, as on the real exam.
    """
    answers = with_blank_exam_questions(answers, exams)
    domains = _tally((answer.domain, answer.correct) for answer in answers if answer.domain is not None)
    concepts = _tally((concept, answer.correct) for answer in answers for concept in answer.concepts)
    missed = [item for item in concepts if item.correct < item.answered]
    weakest = sorted(missed, key=lambda item: (item.estimate, -item.answered, str(item.key)))[:WEAKEST]
    return ProgressReport(
        generated_at=now,
        answered=len(answers),
        correct=sum(answer.correct for answer in answers),
        domains=tuple(sorted(domains, key=lambda item: int(item.key))),
        concepts=tuple(sorted(concepts, key=lambda item: (item.fraction, str(item.key)))),
        trend=_trend(answers, sessions, exams)[-trend_sessions:] if trend_sessions else (),
        exams=tuple(exams),
        due=due_counts(cards, now),
        weakest=tuple(weakest),
        readiness=estimate_readiness((answer.domain, answer.correct) for answer in answers),
        unanswered=sum(answer.unanswered for answer in answers),
        bookmarks=tuple(bookmarks),
    )


def with_blank_exam_questions(
    answers: Sequence[SavedAnswer], exams: Sequence[ExamRecord]
) -> list[SavedAnswer]:
    """``answers`` plus a wrong answer for each blank question of an exam scored before blanks were stored.

    Newer exams store their blank questions as answers; for older ones the per-domain totals
    of the exam record say how many questions of each domain went unanswered.
    """
    given: dict[tuple[int, int | None], int] = {}
    for answer in answers:
        key = (answer.session_id, answer.domain)
        given[key] = given.get(key, 0) + 1
    blanks: list[SavedAnswer] = []
    for exam in exams:
        for tally in exam.domains:
            domain, total = tally.get("domain"), tally.get("total")
            if not isinstance(domain, int) or not isinstance(total, int):
                continue
            for number in range(total - given.get((exam.session_id, domain), 0)):
                blanks.append(
                    SavedAnswer(
                        exam.session_id,
                        f"blank-{exam.session_id}-{domain}-{number}",
                        UNANSWERED,
                        False,
                        0.0,
                        domain,
                        (),
                        exam.finished_at,
                    )
                )
    if not blanks:
        return list(answers)
    return sorted([*answers, *blanks], key=lambda answer: answer.answered_at)


def _tally(pairs: Iterable[tuple[int | str, bool]]) -> list[Accuracy]:
    counts: dict[int | str, list[int]] = {}
    for key, correct in pairs:
        tally = counts.setdefault(key, [0, 0])
        tally[0] += int(correct)
        tally[1] += 1
    return [Accuracy(key, correct, answered) for key, (correct, answered) in counts.items()]


def _trend(
    answers: Sequence[SavedAnswer], sessions: Iterable[SavedSession], exams: Sequence[ExamRecord]
) -> tuple[SessionPoint, ...]:
    per_session: dict[int, list[int]] = {}
    for answer in answers:
        tally = per_session.setdefault(answer.session_id, [0, 0])
        tally[0] += int(answer.correct)
        tally[1] += 1
    scaled = {exam.session_id: exam for exam in exams}
    points = []
    for session in sorted(sessions, key=lambda s: (s.started_at, s.id)):
        exam = scaled.get(session.id)
        if exam is not None:
            # An exam counts unanswered questions as wrong.
            points.append(
                SessionPoint(
                    session.id, "exam", session.started_at, exam.correct, exam.total, exam.scaled_score
                )
            )
        elif session.kind != "exam" and session.id in per_session:  # an exam counts once scored
            correct, answered = per_session[session.id]
            points.append(SessionPoint(session.id, session.kind, session.started_at, correct, answered))
    return tuple(points)


def report_to_json(report: ProgressReport, titles: Mapping[str, str] | None = None) -> dict[str, object]:
    """The report as plain JSON data (``--json`` and ``--export FILE.json``)."""
    titles = titles or {}
    readiness = report.readiness
    return {
        "generated_at": report.generated_at.isoformat(),
        "answered": report.answered,
        "unanswered": report.unanswered,
        "correct": report.correct,
        "domains": [_accuracy_json(item, "domain") for item in report.domains],
        "concepts": [
            {**_accuracy_json(item, "concept"), "title": titles.get(str(item.key))}
            for item in report.concepts
        ],
        "trend": [
            {
                "session": point.session_id,
                "kind": point.kind,
                "started_at": point.started_at.isoformat(),
                "correct": point.correct,
                "answered": point.answered,
                "scaled_score": point.scaled_score,
            }
            for point in report.trend
        ],
        "exams": [
            {
                "session": exam.session_id,
                "finished_at": exam.finished_at.isoformat(),
                "correct": exam.correct,
                "total": exam.total,
                "scaled_score": exam.scaled_score,
                "passed": exam.passed,
                "domains": list(exam.domains),
            }
            for exam in report.exams
        ],
        "due_reviews": dict(report.due),
        "flagged": [
            {
                "question": bookmark.question_id,
                "domain": bookmark.domain,
                "concepts": list(bookmark.concepts),
                "flagged_at": bookmark.flagged_at.isoformat(),
            }
            for bookmark in report.bookmarks
        ],
        "weakest": [
            {
                **_accuracy_json(item, "concept"),
                "title": titles.get(str(item.key)),
                "study": study_commands(str(item.key)),
            }
            for item in report.weakest
        ],
        "readiness": None
        if readiness is None
        else {
            "predicted_scaled_score": readiness.predicted,
            "range_90": [readiness.low, readiness.high],
            "pass_probability": round(readiness.pass_probability, 3),
            "answers_used": readiness.answers_used,
            "unmeasured_domains": list(readiness.unmeasured),
        },
    }


def study_commands(concept: str) -> list[str]:
    """What to run to work on a weak concept: read the note, then practise it."""
    return [f"studykit learn {concept}", f"studykit quiz --topic {concept}"]


def answers_to_csv(answers: Iterable[SavedAnswer], sessions: Iterable[SavedSession]) -> str:
    """Every answer as one CSV row (``--export FILE.csv``)."""
    kinds = {session.id: session.kind for session in sessions}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["answered_at", "session", "kind", "question", "domain", "concepts", "correct", "seconds", "answer"]
    )
    for answer in answers:
        writer.writerow(
            [
                answer.answered_at.isoformat(),
                answer.session_id,
                kinds.get(answer.session_id, ""),
                answer.question_id,
                "" if answer.domain is None else answer.domain,
                " ".join(answer.concepts),
                int(answer.correct),
                round(answer.elapsed_seconds, 1),
                answer.answer,
            ]
        )
    return buffer.getvalue()


def _accuracy_json(item: Accuracy, name: str) -> dict[str, object]:
    return {
        name: item.key,
        "correct": item.correct,
        "answered": item.answered,
        "accuracy": round(item.fraction, 3),
    }
