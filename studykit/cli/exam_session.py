"""Wiring for ``studykit exam``: pool → blueprint → drawn exam → loop → scored, stored, shown.

Kept apart from :mod:`studykit.cli.exam` so ``studykit --help`` imports no more than click.
Every answer, move and flag is committed as it happens; Ctrl-C or a killed process
leaves an exam that ``--resume`` continues with the same questions, answers and time left.
"""

from __future__ import annotations

import random
import secrets
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console, RenderableType
from rich.text import Text

from studykit.cli.environment import Environment, environment, open_progress
from studykit.engine.adaptive import PracticeHistory, load_history
from studykit.engine.blueprint import Blueprint
from studykit.engine.exam import ExamProgress
from studykit.engine.exam_forms import ExamForm, draw_form
from studykit.engine.exam_loop import ENDED_INPUT, PAUSED, TIMED_OUT, run_exam
from studykit.engine.exam_result import score_exam
from studykit.engine.presentation import Presented, present_seeded
from studykit.engine.recording import SessionRecorder, resumable, saved_banks
from studykit.engine.timer import Countdown, SavedEvery, exam_minutes, format_duration
from studykit.errors import StudykitError
from studykit.questions.model import Question
from studykit.questions.pool import question_pool
from studykit.store import (
    UNANSWERED,
    AnswerRecord,
    SavedSession,
    Store,
    exam_history,
    record_exam,
    session_answers,
)
from studykit.ui.console import is_plain, make_console, show
from studykit.ui.line_input import LineInput

RESUME_HINT = "continue with 'studykit exam --resume'"


@dataclass(frozen=True)
class ExamRequest:
    questions: int = 65
    minutes: float | None = None
    """None: the exam's pace for the number of questions drawn (:func:`exam_minutes`)."""
    seed: int | None = None
    banks: tuple[Path, ...] = ()
    generated: bool = True
    content: Path | None = None


@dataclass(frozen=True)
class RunningExam:
    recorder: SessionRecorder
    items: list[Presented]
    progress: ExamProgress
    countdown: Countdown


def draw_exam(
    pool: Sequence[Question], count: int, seed: int, history: PracticeHistory | None = None
) -> tuple[list[Question], Blueprint]:
    """Questions for one exam, per domain as the blueprint says, in a shuffled order."""
    form = draw_exam_form(pool, count, seed, history)
    return form.questions, form.blueprint


def draw_exam_form(
    pool: Sequence[Question], count: int, seed: int, history: PracticeHistory | None = None
) -> ExamForm:
    """The next exam form for ``history`` (:func:`studykit.engine.exam_forms.draw_form`)."""
    try:
        return draw_form(pool, count, random.Random(seed), history)
    except ValueError:
        raise StudykitError("the question banks hold no questions", hint="check --bank") from None


def run_exam_command(request: ExamRequest, *, resume: bool, pager: bool = True) -> None:
    env = environment()
    console = make_console()
    content = request.content.resolve() if request.content else None
    with open_progress(env) as store:
        if resume:
            pool = _resume_pool(store, request, content)
            running = _resume(store, pool, env, console) if pool is not None else None
            if pool is None:
                click.echo("Nothing to resume: there is no unfinished exam. Start one with 'studykit exam'.")
        elif (unfinished := _unfinished(store)) is not None and _wants_to_continue(unfinished):
            pool = _resume_pool(store, request, content)
            running = _resume(store, pool, env, console) if pool is not None else None
        else:
            pool = question_pool(request.banks, generated=request.generated, content=content)
            running = _start(store, pool, request, env, console)
            if unfinished is not None:  # only now: a bank that fails to load leaves it resumable
                _close(store, env, unfinished)
        if running is None:
            return
        reader = LineInput(console)
        display = ExamScreens(console)
        progress, countdown = running.progress, running.countdown
        time_left = SavedEvery(countdown, running.recorder.save_time)
        try:
            how = run_exam(
                running.items,
                progress,
                countdown,
                lambda prompt, _left: reader.read(Text(prompt), time_left=time_left),
                display,
                running.recorder,
            )
        except KeyboardInterrupt:
            running.recorder.place(progress, countdown.remaining())
            click.echo(
                f"\nExam paused with {format_duration(countdown.remaining())} left; {RESUME_HINT}.", err=True
            )
            raise
        if how in (PAUSED, ENDED_INPUT):
            running.recorder.flush()
            answered = f"{len(progress.answers)} of {progress.total} answered"
            display.note(
                f"Exam paused with {format_duration(countdown.remaining())} left, {answered}; {RESUME_HINT}."
            )
            return
        _submit(store, running, env, console, timed_out=how == TIMED_OUT, pager=pager)


@dataclass(frozen=True)
class Unfinished:
    """An exam left unfinished, and how to name it to the learner."""

    session: SavedSession
    description: str


def _unfinished(store: Store) -> Unfinished | None:
    from studykit.store import latest_active_session

    saved = latest_active_session(store, "exam")
    if saved is None:
        return None
    answered = len(session_answers(store, saved.id))
    left = format_duration(saved.remaining_seconds or 0.0)
    return Unfinished(
        saved,
        f"an unfinished exam from {saved.started_at:%Y-%m-%d %H:%M} UTC"
        f" ({answered} of {len(saved.question_ids)} answered, {left} left)",
    )


def _wants_to_continue(unfinished: Unfinished) -> bool:
    """In a terminal, ask whether to continue the unfinished exam instead of starting another."""
    return sys.stdin.isatty() and click.confirm(
        f"You have {unfinished.description}. Continue it?", default=True
    )


def _close(store: Store, env: Environment, unfinished: Unfinished) -> None:
    """Close an exam replaced by a new one, so ``--resume`` finds the new one.

    Its answers stay in the progress file; it gets no score. Called only once the new
    exam has started, so a bank that fails to load leaves the old exam resumable.
    """
    SessionRecorder(store, unfinished.session, env.now, schedule=False).finish()
    click.echo(f"Closed {unfinished.description} without a score.", err=True)


def _start(
    store: Store, pool: Sequence[Question], request: ExamRequest, env: Environment, console: Console
) -> RunningExam:
    """Draw and start a new exam, saying first what the banks lack for the blueprint, if anything."""
    from studykit.ui.exam_screens import exam_header, form_notes

    seed = request.seed if request.seed is not None else secrets.randbelow(1_000_000)
    form = draw_exam_form(pool, request.questions, seed, load_history(store, env.now()))
    questions, blueprint = form.questions, form.blueprint
    notes = form_notes(form, request.questions, custom=bool(request.banks))
    if notes is not None:
        show(console, notes)
    minutes = request.minutes if request.minutes is not None else exam_minutes(len(questions))
    seconds = minutes * 60
    recorder = SessionRecorder.start(
        store,
        "exam",
        questions,
        env.now,
        seed=seed,
        settings={
            "questions": request.questions,
            "minutes": minutes,
            "blueprint": [list(pair) for pair in blueprint.counts],
            "banks": [str(path) for path in request.banks],
            "generated": request.generated,
        },
        time_limit_seconds=seconds,
    )
    header = exam_header(
        blueprint, minutes, seed, is_plain(console), reused=form.reused, fresh_after=form.fresh_after
    )
    show(console, header)
    items = [present_seeded(question, seed) for question in questions]
    return RunningExam(
        recorder, items, ExamProgress(tuple(q.id for q in questions)), Countdown(seconds, env.clock)
    )


def _resume_pool(store: Store, request: ExamRequest, content: Path | None) -> list[Question] | None:
    """The pool the unfinished exam was drawn from: its saved banks, unless --bank names others."""
    from studykit.store import latest_active_session

    saved = latest_active_session(store, "exam")
    if saved is None:
        return None
    banks = list(request.banks) or saved_banks(saved)
    generated = bool(saved.settings.get("generated", request.generated))
    return list(question_pool(banks, generated=generated, content=content))


def _resume(store: Store, pool: Sequence[Question], env: Environment, console: Console) -> RunningExam | None:
    from studykit.ui.exam_screens import resumed_header

    found = resumable(store, "exam", pool)
    if found is None:
        click.echo("Nothing to resume: there is no unfinished exam. Start one with 'studykit exam'.")
        return None
    if found.warning:
        click.echo(f"Warning: {found.warning}.", err=True)
    session = found.session
    recorder = SessionRecorder(store, session, env.now, schedule=False)
    if not found.questions:
        recorder.finish()
        click.echo("Nothing to resume: none of that exam's questions are in the question banks any more.")
        return None
    seed = session.seed if session.seed is not None else 0
    items = [present_seeded(question, seed) for question in found.questions]
    progress = ExamProgress.restore(
        (q.id for q in found.questions),
        found.answers,
        session.flagged,
        _position(session, found.questions),
        found.guessed,
    )
    left = session.remaining_seconds if session.remaining_seconds is not None else 0.0
    show(console, resumed_header(progress, left, is_plain(console)))
    return RunningExam(recorder, items, progress, Countdown(left, env.clock))


def _position(session: SavedSession, questions: Sequence[Question]) -> int:
    """The saved position, kept on the same question when earlier ones were dropped."""
    if 0 <= session.position < len(session.question_ids):
        current = session.question_ids[session.position]
        for index, question in enumerate(questions):
            if question.id == current:
                return index
    return min(session.position, len(questions) - 1)


def _submit(
    store: Store, running: RunningExam, env: Environment, console: Console, *, timed_out: bool, pager: bool
) -> None:
    """Score, store the result, schedule every answered question for review, and show the report."""
    from studykit.concepts import load_concepts
    from studykit.ui.exam_report import exam_report

    questions = [item.question for item in running.items]
    result = score_exam(questions, running.progress.answers)
    running.recorder.flush()
    blank = [
        AnswerRecord(question.id, UNANSWERED, False, 0.0, question.domain, question.concepts)
        for question in questions
        if question.id not in running.progress.answers
    ]
    record_exam(
        store,
        running.recorder.session_id,
        correct=result.score.correct,
        total=result.score.total,
        scaled_score=result.score.score,
        passed=result.passed,
        domains=[
            {"domain": t.key, "correct": t.correct, "total": t.total, "meets": t.meets_competencies}
            for t in result.domains
        ],
        now=env.now(),
        remaining_seconds=running.countdown.remaining(),
        unanswered=blank,
    )
    saved = session_answers(store, running.recorder.session_id)
    for question in questions:
        answer = saved.get(question.id)
        if answer is not None and not answer.unanswered:
            running.recorder.review(question, answer.correct, answer.elapsed_seconds, guessed=answer.guessed)
    try:
        titles = {concept.id: concept.title for concept in load_concepts()}
    except StudykitError:
        titles = {}
    report = exam_report(
        result,
        running.items,
        running.progress.answers,
        titles,
        timed_out=timed_out,
        plain=is_plain(console),
        flagged=running.progress.flagged,
    )
    from studykit.ui.pager import show_paged

    show_paged(console, report, pager=pager)
    number = len(exam_history(store))
    show(console, Text(f"\nThis is exam {number}: reread it any time with 'studykit exam show {number}'."))


class ExamScreens:
    """The exam loop's display, drawing with :mod:`studykit.ui.exam_screens`."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.plain = is_plain(console)

    def question(self, item: Presented, progress: ExamProgress, seconds_left: float) -> None:
        from studykit.ui.exam_screens import exam_question

        self._show(exam_question(item, progress, seconds_left, self.plain))

    def review(self, items: Sequence[Presented], progress: ExamProgress, seconds_left: float) -> None:
        from studykit.ui.exam_screens import review_screen

        self._show(review_screen(items, progress, seconds_left, self.plain))

    def note(self, text: str) -> None:
        self._show(Text(text))

    def _show(self, renderable: RenderableType) -> None:
        show(self.console, renderable)
