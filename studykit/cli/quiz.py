"""``studykit quiz``: a practice quiz, one question at a time, with instant feedback.

Thin layer: build the pool (:mod:`studykit.questions.pool`), draw (:mod:`studykit.engine.draw`),
run the loop (:mod:`studykit.engine.quiz`) with renderers from :mod:`studykit.ui`. ``--json``
turns the session into JSON lines for scripts: a ``question`` event, then ``invalid`` or
``feedback``, and a final ``summary``; answers are still read one per line from stdin.
"""

from __future__ import annotations

from pathlib import Path

import click

from studykit.cli.options import (
    bank_option,
    content_option,
    generated_option,
    json_option,
    seed_option,
    topic_option,
)

KINDS = ("single", "multiple", "true_false", "ordering", "matching", "case_study")
"""The question kinds; ``case_study`` draws whole case studies, each question in its case's order."""


@click.command()
@topic_option("Only questions on this concept (repeatable).")
@click.option(
    "--domain", "domains", multiple=True, type=click.IntRange(1, 5), help="Only this exam domain, 1-5."
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Only this kind of question (repeatable); case_study: whole case studies, scenario first.",
)
@click.option(
    "--count", default=10, show_default=True, type=click.IntRange(1, 500), help="Number of questions."
)
@seed_option("Draw and shuffle the same way every time, given the same progress (see --draw).")
@bank_option
@generated_option
@click.option("--resume", is_flag=True, help="Continue the paused quiz: same questions, same answers.")
@click.option("--flagged", is_flag=True, help="Practise your flagged questions (flag one with :f).")
@click.option(
    "--draw",
    type=click.Choice(("adaptive", "random")),
    default="adaptive",
    show_default=True,
    help="adaptive: new questions first, then weak concepts and due reviews, recent ones last;"
    " random: the seed alone decides.",
)
@json_option
@content_option
def quiz(
    topics: tuple[str, ...],
    domains: tuple[int, ...],
    kinds: tuple[str, ...],
    count: int,
    seed: int | None,
    banks: tuple[Path, ...],
    generated: bool,
    resume: bool,
    flagged: bool,
    draw: str,
    as_json: bool,
    content: Path | None,
) -> None:
    """Practise with exam-style questions, new ones first; see a score by concept at the end.

    Answers: B (one choice) · A,C (several) · C A B D (order) · 1b 2a 3c (matching); B? marks
    a guess. Enter skips, :f flags (a bookmark), q pauses (continue with --resume), ? lists
    the commands. Answers can be piped in, one per line.
    """
    from studykit.cli.quiz_session import QuizRequest, run_quiz_command

    request = QuizRequest(topics, domains, kinds, count, seed, banks, generated, content, flagged, draw)
    run_quiz_command(request, as_json=as_json, resume=resume)
