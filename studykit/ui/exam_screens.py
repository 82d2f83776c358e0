"""What the learner sees during an exam: the header with the blueprint, each question, the review screen.

No feedback appears until the exam is submitted. Question text goes through the
quiz's question view, so markup and escape codes in a bank print literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studykit.concepts import DOMAINS
from studykit.engine.blueprint import EXAM_DOMAIN_WEIGHTS, Blueprint
from studykit.engine.commands import keys_line
from studykit.engine.exam import ExamProgress
from studykit.engine.exam_forms import ExamForm
from studykit.engine.presentation import Presented
from studykit.engine.timer import format_duration
from studykit.ui.blocks import indented, title
from studykit.ui.console import table_box
from studykit.ui.quiz_question import question_header, question_view
from studykit.ui.text import first_words, literal

STEM_WIDTH = 48
"""How much of each stem the review screen shows: enough to recognise the question."""


def form_notes(form: ExamForm, requested: int, *, custom: bool) -> Text | None:
    """What the banks lack for the AIF-C01 blueprint, said before the exam starts (None: nothing).

    When generated questions make up what the authored ones lack, the note says so too: an
    instructor's bank that cannot fill the blueprint on its own is told what it is missing.
    """
    banks = "These banks" if custom else "The question banks"
    if form.shortfall:
        missing = "; ".join(
            f"domain {gap.domain} needs {gap.needed} and has {gap.available}" for gap in form.shortfall
        )
        return Text(
            f"{banks} cannot fill the AIF-C01 blueprint for {requested} questions: {missing}."
            " This exam follows the domain weights over what they hold (below); add questions to those"
            " domains for a full blueprint."
        )
    if form.authored_shortfall:
        missing = "; ".join(
            f"domain {gap.domain} has {gap.available} of the {gap.needed} it needs"
            for gap in form.authored_shortfall
        )
        return Text(
            f"{banks} cannot fill the AIF-C01 blueprint for {requested} questions on their own:"
            f" {missing}. Questions generated from the concept notes"
            " fill the rest ('--no-generated' leaves them out); add questions to those domains for an exam"
            " of authored questions."
        )
    return None


def exam_header(
    blueprint: Blueprint,
    minutes: float,
    seed: int,
    plain: bool,
    *,
    reused: int = 0,
    fresh_after: int | None = None,
) -> Group:
    """Title, length and time, the blueprint per domain, whether the form is fresh (and how many
    fresh forms are left after it, when ``fresh_after`` is given), and the commands."""
    heading = f"Practice exam (AIF-C01 style): {blueprint.total} questions, {_minutes(minutes)}"
    lines = [Text("Blueprint: AIF-C01 domain weights over the domains the question banks cover.")]
    shares = dict(blueprint.shares)
    for domain in sorted(EXAM_DOMAIN_WEIGHTS):
        name = f"  Domain {domain} {DOMAINS.get(domain, '')}: "
        if domain in shares:
            lines.append(Text(f"{name}{blueprint.count(domain)} ({round(100 * float(shares[domain]))} %)"))
        else:
            lines.append(Text(f"{name}0 (no questions in the banks)"))
    if blueprint.short:
        lines.append(
            Text(f"The banks hold only {blueprint.total} questions, not the {blueprint.requested} asked for.")
        )
    if reused:
        lines.append(
            Text(
                f"The banks have run out of fresh exam forms: {reused} of these {blueprint.total} questions"
                f" {'was' if reused == 1 else 'were'} in an earlier exam of yours (least used first)."
            )
        )
    else:
        lines.append(Text("A fresh form: none of these questions was in an earlier exam of yours."))
        if fresh_after == 0:
            lines.append(Text("It is the last fresh form: your next exam will repeat earlier questions."))
        elif fresh_after is not None:
            more = "1 more exam" if fresh_after == 1 else f"{fresh_after} more exams"
            lines.append(Text(f"Questions no exam of yours has used are left for about {more} like it."))
    lines.append(Text(f"No feedback until you submit. Seed {seed}."))
    lines.append(Text(keys_line(exam=True), style="" if plain else "dim"))
    return Group(title(heading, plain), *lines)


def resumed_header(progress: ExamProgress, seconds_left: float, plain: bool) -> Group:
    answered = len(progress.answers)
    return Group(
        title(f"Practice exam resumed: {progress.total} questions", plain),
        Text(f"{answered} answered, {len(progress.flagged)} flagged, {format_duration(seconds_left)} left."),
        Text(keys_line(exam=True), style="" if plain else "dim"),
    )


def exam_question(
    item: Presented, progress: ExamProgress, seconds_left: float, plain: bool
) -> RenderableType:
    """Question n of N with its kind, the time left, whether it is flagged, and the answer so far.

    The domain and concept are not shown: on an exam they would be a hint.
    """
    number = progress.position + 1
    header = question_header(item, number, progress.total, plain, details=False)
    header.append(f"  ·  {format_duration(seconds_left)} left", style="" if plain else "bold")
    if progress.current in progress.flagged:
        header.append("  ·  flagged", style="" if plain else "bold yellow")
    parts: list[RenderableType] = [question_view(item, number, progress.total, plain, header=header)]
    answer = progress.answers.get(progress.current)
    if answer is not None:
        guess = " (a guess)" if progress.current in progress.guessed else ""
        parts.append(
            Text(f"Your answer: {item.typed(answer)}{guess} (type another to change it, :x to clear)")
        )
    return Group(*parts)


def review_screen(
    items: Sequence[Presented], progress: ExamProgress, seconds_left: float, plain: bool
) -> RenderableType:
    """Every question by number with its first words, the answer given and its flag; then the totals."""
    unanswered = progress.unanswered()
    flagged = progress.flagged_positions()
    table = Table(box=table_box(plain), show_edge=False, pad_edge=False, header_style="" if plain else "bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Question", no_wrap=True, overflow="ellipsis", max_width=STEM_WIDTH)
    table.add_column("Answer", no_wrap=True)
    table.add_column("Flag", no_wrap=True)
    for number, item in enumerate(items, start=1):
        qid = item.question.id
        answer = progress.answers.get(qid)
        table.add_row(
            str(number),
            literal(first_words(item.question.stem, STEM_WIDTH), keep_newlines=False),
            Text("-" if answer is None else item.typed(answer) + ("?" if qid in progress.guessed else "")),
            Text("flagged" if qid in progress.flagged else "", style="" if plain else "bold yellow"),
        )
    lines: list[RenderableType] = [
        Text(""),
        Text(
            f"Review before submitting  ·  {format_duration(seconds_left)} left",
            style="" if plain else "bold",
        ),
        indented(table),
        Text(f"Answered {progress.total - len(unanswered)} of {progress.total}."),
        indented(Text(f"Unanswered: {_numbers(unanswered)}")),
        indented(Text(f"Flagged:    {_numbers(flagged)}")),
    ]
    if unanswered:
        lines.append(Text("Unanswered questions count as wrong; there is no penalty for guessing."))
    return Group(*lines)


def _numbers(positions: list[int]) -> str:
    return " ".join(str(position + 1) for position in positions) if positions else "none"


def _minutes(minutes: float) -> str:
    return f"{minutes:g} minutes"
