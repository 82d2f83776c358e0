"""``studykit exam``: a timed practice exam shaped like AIF-C01, with no feedback until the end;
``exam --history`` lists past exams and ``exam show N`` rereads one.

Thin layer: options here, wiring in :mod:`studykit.cli.exam_session` and :mod:`studykit.cli.exam_review`.
"""

from __future__ import annotations

from pathlib import Path

import click

from studykit.cli.options import (
    bank_option,
    content_option,
    generated_option,
    no_pager_option,
    seed_option,
)


@click.group(invoke_without_command=True)
@click.option(
    "--questions", default=65, show_default=True, type=click.IntRange(1, 500), help="Number of questions."
)
@click.option(
    "--minutes",
    default=None,
    type=click.FloatRange(0.5, 600),
    help="Time limit in minutes (default: the exam's pace, 90 minutes for 65 questions).",
)
@seed_option()
@bank_option
@generated_option
@click.option(
    "--resume", is_flag=True, help="Continue the unfinished exam: same questions, answers and time left."
)
@click.option("--history", is_flag=True, help="List your past exams (reread one with 'exam show N').")
@content_option
@no_pager_option
@click.pass_context
def exam(
    ctx: click.Context,
    questions: int,
    minutes: float | None,
    seed: int | None,
    banks: tuple[Path, ...],
    generated: bool,
    resume: bool,
    history: bool,
    content: Path | None,
    no_pager: bool,
) -> None:
    """Sit a timed practice exam: 65 questions in 90 minutes by default, drawn to the AIF-C01 domain weights.

    Answer with letters (B · A,C · C A B D · 1b 2a 3c; B? marks a guess). Enter goes to the
    next question, :b back, :g 12 to question 12, :f flags, :x clears an answer, :r shows
    the review screen, submit ends the exam, q pauses it (continue with --resume), ? lists
    the commands. Successive exams draw questions not used in an earlier exam until the
    banks run out of them.
    At the end: a scaled score (100-1000, pass mark 700), pass or fail, a report per
    domain and concept, and a walk-through of every question answered wrongly, left
    blank or flagged. 'studykit exam show N' rereads it later.
    """
    if ctx.invoked_subcommand is not None:
        return
    if history:
        from studykit.cli.exam_review import run_history_command

        run_history_command(pager=not no_pager)
        return
    from studykit.cli.exam_session import ExamRequest, run_exam_command

    run_exam_command(
        ExamRequest(questions, minutes, seed, banks, generated, content), resume=resume, pager=not no_pager
    )


@exam.command("show")
@click.argument("number", type=int, metavar="N")
@bank_option
@content_option
@no_pager_option
def show(number: int, banks: tuple[Path, ...], content: Path | None, no_pager: bool) -> None:
    """Reread past exam N (from 'studykit exam --history'): score, domains, concepts, and the
    walk-through of every question answered wrongly, left blank or flagged."""
    from studykit.cli.exam_review import run_show_command

    run_show_command(number, banks, content, pager=not no_pager)
