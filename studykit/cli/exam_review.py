"""Wiring for ``studykit exam --history`` and ``studykit exam show N``: past exams, reread."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from studykit.cli.environment import environment, open_progress


def run_history_command(*, pager: bool) -> None:
    from studykit.engine.exam_history import past_exams
    from studykit.ui.console import is_plain, make_console
    from studykit.ui.exam_history import history_view
    from studykit.ui.pager import show_paged

    console = make_console()
    with open_progress(environment()) as store:
        exams = past_exams(store)
    show_paged(console, history_view(exams, is_plain(console)), pager=pager)


def run_show_command(number: int, banks: Sequence[Path], content: Path | None, *, pager: bool) -> None:
    from studykit.concepts import load_concepts
    from studykit.engine.exam_history import describe, find_exam, past_exams, replay
    from studykit.engine.recording import saved_banks
    from studykit.errors import StudykitError
    from studykit.questions.pool import question_pool
    from studykit.ui.console import is_plain, make_console
    from studykit.ui.exam_report import exam_report
    from studykit.ui.pager import show_paged

    console = make_console()
    folder = content.resolve() if content else None
    with open_progress(environment()) as store:
        past = find_exam(past_exams(store), number)
        generated = bool(past.session.settings.get("generated", True))
        pool = question_pool(list(banks) or saved_banks(past.session), generated=generated, content=folder)
        replayed = replay(store, past, pool)
    if replayed.missing:
        count = len(replayed.missing)
        click.echo(
            f"Warning: {count} question{'s' if count != 1 else ''} of exam {number} no longer"
            f" {'exist' if count != 1 else 'exists'} in the question banks and"
            f" {'are' if count != 1 else 'is'} left out of the walk-through.",
            err=True,
        )
    try:
        titles = {concept.id: concept.title for concept in load_concepts(folder)}
    except StudykitError:
        titles = {}
    report = exam_report(
        replayed.result,
        replayed.items,
        replayed.answers,
        titles,
        timed_out=past.timed_out,
        plain=is_plain(console),
        flagged=past.session.flagged,
        heading_text=f"Exam {number}: result",
        about=[describe(past)],
    )
    show_paged(console, report, pager=pager)
