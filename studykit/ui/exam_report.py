"""The results of a submitted exam: scaled score, pass or fail, per domain and concept, wrong answers.

The per-domain wording follows the AWS score report ("meets competencies" or
"needs improvement"). The walk-through shows every question answered wrongly, not
at all, or flagged (right or not), with the explanation and why each option is
right or wrong. ``exam show`` prints the same report for a past exam.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studykit.concepts import DOMAINS
from studykit.engine.exam_result import ExamResult
from studykit.engine.presentation import Presented
from studykit.engine.scaled_score import PASS_MARK
from studykit.engine.scoring import AnsweredQuestion
from studykit.questions.model import Answer
from studykit.ui.blocks import heading, indented, title
from studykit.ui.console import table_box
from studykit.ui.quiz_feedback import feedback_view
from studykit.ui.quiz_question import question_header, question_view
from studykit.ui.text import literal, one_line


def exam_report(
    result: ExamResult,
    items: Sequence[Presented],
    answers: Mapping[str, Answer],
    titles: Mapping[str, str],
    *,
    timed_out: bool,
    plain: bool,
    flagged: Collection[str] = (),
    heading_text: str = "Exam result",
    about: Sequence[str] = (),
) -> Group:
    """The report: score, domains, concepts, then a walk-through of every question answered wrongly,
    left blank or flagged (whatever its result). ``about`` lines follow the title (``exam show``)."""
    score = result.score
    verdict = Text(
        "PASS" if result.passed else "FAIL",
        style="" if plain else ("bold green" if result.passed else "bold red"),
    )
    parts: list[RenderableType] = [title(heading_text, plain), *(Text(line) for line in about)]
    if timed_out:
        parts.append(Text("Time ran out: the exam was submitted with the answers given so far."))
    line = Text(f"Scaled score {score.score} of 1000 (pass mark {PASS_MARK}): ")
    line.append(verdict)
    parts.append(line)
    parts.append(
        Text(
            f"{score.correct} of {score.total} right ({round(100 * score.correct / score.total)} %),"
            f" {len(result.unanswered)} unanswered. The scaled score is an approximation:"
            " AWS does not publish its mapping (see README)."
        )
    )
    parts += [heading("By domain", plain), indented(_domains(result, plain))]
    parts += [heading("By concept (weakest first)", plain), indented(_concepts(result, titles, plain))]
    wrong = set(result.wrong)
    to_learn = [item for item in items if item.question.id in wrong or item.question.id in flagged]
    if to_learn:
        parts.append(heading(f"Questions to learn from ({len(to_learn)}): wrong, blank or flagged", plain))
        number_of = {item.question.id: number for number, item in enumerate(items, start=1)}
        for item in to_learn:
            qid = item.question.id
            parts.append(
                _walk_through(
                    item,
                    number_of[qid],
                    len(items),
                    answers.get(qid),
                    right=qid not in wrong,
                    flagged=qid in flagged,
                    plain=plain,
                )
            )
    else:
        parts.append(Text("\nEvery question right."))
    return Group(*parts)


def _domains(result: ExamResult, plain: bool) -> Table:
    table = Table(box=table_box(plain), show_edge=False, pad_edge=False, header_style="" if plain else "bold")
    table.add_column("Domain", overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Result")
    for tally in result.domains:
        meets = tally.meets_competencies
        table.add_row(
            f"{tally.key} {DOMAINS.get(int(tally.key), '')}",
            f"{tally.correct}/{tally.total}",
            Text(
                "Meets competencies" if meets else "Needs improvement",
                style="" if plain else ("green" if meets else "yellow"),
            ),
        )
    return table


def _concepts(result: ExamResult, titles: Mapping[str, str], plain: bool) -> Table:
    table = Table(box=table_box(plain), show_edge=False, pad_edge=False, header_style="" if plain else "bold")
    table.add_column("Concept", overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Accuracy", justify="right")
    for tally in result.concepts:
        table.add_row(
            literal(one_line(titles.get(str(tally.key), str(tally.key)))),
            f"{tally.correct}/{tally.total}",
            f"{round(100 * tally.fraction)} %",
        )
    return table


def _walk_through(
    item: Presented,
    number: int,
    total: int,
    answer: Answer | None,
    *,
    right: bool,
    flagged: bool,
    plain: bool,
) -> RenderableType:
    answered = AnsweredQuestion(item.question, answer, right) if answer is not None else None
    header = question_header(item, number, total, plain)
    if flagged:
        header.append("  ·  flagged", style="" if plain else "bold yellow")
    return Group(
        question_view(item, number, total, plain, header=header), feedback_view(answered, item, plain)
    )
