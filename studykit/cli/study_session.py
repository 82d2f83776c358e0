"""Wiring for ``studykit study``: progress → plan (reviews, then new questions) → the quiz loop →
what to do next.

A study session is recorded as a quiz marked ``study``: its answers schedule review cards as
they are given, ``q`` pauses it, and the next ``studykit study`` continues it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click
from rich.console import Group

from studykit.cli.quiz_tracking import QuizTracking
from studykit.concepts import ConceptSet, load_concepts
from studykit.engine.adaptive import load_history
from studykit.engine.presentation import present_seeded
from studykit.engine.study import StudyPlan, domain_estimates, plan_study, study_pace
from studykit.errors import StudykitError
from studykit.questions.pool import question_pool
from studykit.store import Store, all_answers, all_cards


@dataclass(frozen=True)
class StudyRequest:
    minutes: float = 20.0
    seed: int | None = None
    banks: tuple[Path, ...] = ()
    generated: bool = True
    content: Path | None = None


def run_study_command(request: StudyRequest) -> None:
    from studykit.cli.quiz_session import run_tracked

    content = request.content.resolve() if request.content else None
    with QuizTracking() as tracking:
        paused = tracking.paused()
        if paused is not None and paused[0].settings.get("study"):
            resumed = tracking.resume(request.banks, request.generated, content)
            if resumed is not None:
                click.echo(
                    f"Continuing today's study session: {len(resumed.earlier)} of {resumed.total} done."
                )
                concepts = load_concepts(content)
                run_tracked(
                    resumed.items, concepts, resumed.seed, tracking, resumed, as_json=False, draw="study"
                )
                _say_next(tracking.store, tracking.env.now, concepts)
                return
        concepts = load_concepts(content)
        seed = request.seed if request.seed is not None else _fresh_seed()
        plan = _plan(tracking.store, request, content, seed, tracking.env.now)
        if not plan.questions:
            raise StudykitError(
                "there is nothing to study: the question banks hold no questions", hint="check --bank"
            )
        items = [present_seeded(question, seed) for question in plan.questions]
        tracking.close_paused()
        tracking.start(items, seed, request.banks, request.generated, study=True)
        click.echo(_header(plan, request.minutes, measured=bool(all_answers(tracking.store))))
        outcome = run_tracked(items, concepts, seed, tracking, None, as_json=False, draw="study")
        if outcome.ended != "paused":
            _say_next(tracking.store, tracking.env.now, concepts)


def _plan(
    store: Store, request: StudyRequest, content: Path | None, seed: int, now: Callable[[], datetime]
) -> StudyPlan:
    from studykit.engine.review import due_cards

    moment = now()
    answers = all_answers(store)
    pool = question_pool(request.banks, generated=request.generated, content=content)
    return plan_study(
        pool,
        request.minutes,
        random.Random(seed),
        load_history(store, moment),
        due_cards(all_cards(store), moment),
        domain_estimates(answers),
        study_pace(answers),
    )


def _header(plan: StudyPlan, minutes: float, *, measured: bool) -> str:
    reviews, new = len(plan.reviews), len(plan.new)
    parts = []
    if reviews:
        parts.append(f"{reviews} due review{'s' if reviews != 1 else ''} first")
    if new:
        domains = " and ".join(str(domain) for domain in plan.weakest_domains)
        label = "domains" if len(plan.weakest_domains) > 1 else "domain"
        where = f"most from {label} {domains} (your weakest)" if measured else "across the exam's domains"
        parts.append(f"{new} new question{'s' if new != 1 else ''}, {where}")
    return (
        f"Today's study session: {minutes:g} minutes at about {plan.seconds_per_question:.0f} s a question.\n"
        f"  {', then '.join(parts)}."
    )


def _say_next(store: Store, now: Callable[[], datetime], concepts: ConceptSet) -> None:
    from studykit.engine.next_step import next_step
    from studykit.engine.progress_report import build_report
    from studykit.store import bookmarks, exam_history, list_sessions
    from studykit.ui.blocks import heading, indented
    from studykit.ui.console import is_plain, make_console, show
    from studykit.ui.progress_page import next_step_view

    report = build_report(
        all_answers(store),
        list_sessions(store),
        exam_history(store),
        all_cards(store),
        now(),
        bookmarks=bookmarks(store),
    )
    step = next_step(report, {concept.id: concept.title for concept in concepts})
    console = make_console()
    show(
        console,
        Group(heading("Next step", is_plain(console)), indented(next_step_view(step, is_plain(console)))),
    )


def _fresh_seed() -> int:
    import secrets

    return secrets.randbelow(1_000_000)
