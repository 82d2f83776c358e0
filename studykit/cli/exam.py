"""``studykit exam``: a timed practice exam shaped like AIF-C01, with no feedback until the end.

Thin layer: options here, wiring in :mod:`studykit.cli.exam_session`.
"""

from __future__ import annotations

from pathlib import Path

import click

from studykit.cli.options import bank_option, content_option, generated_option, seed_option


@click.command()
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
@content_option
def exam(
    questions: int,
    minutes: float | None,
    seed: int | None,
    banks: tuple[Path, ...],
    generated: bool,
    resume: bool,
    content: Path | None,
) -> None:
    """Sit a timed practice exam: 65 questions in 90 minutes by default, drawn to the AIF-C01 domain weights.

    Answer with letters (B · A,C · C A B D · 1b 2a 3c). Enter skips, b goes back, f flags,
    g 12 jumps to question 12, x clears an answer, r shows the review screen, submit ends
    the exam, q pauses it (continue with --resume). A single-letter answer B or F is typed
    as a capital.
    At the end: a scaled score (100-1000, pass mark 700), pass or fail, a report per
    domain and concept, and a walk-through of every wrong answer.
    """
    from studykit.cli.exam_session import ExamRequest, run_exam_command

    run_exam_command(ExamRequest(questions, minutes, seed, banks, generated, content), resume=resume)
