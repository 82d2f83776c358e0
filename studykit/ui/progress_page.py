"""The page ``studykit progress`` shows: accuracy, a trend chart, exams, reviews, weak spots, readiness.

The trend is a bar per session drawn with rich text: block characters on a
terminal, ``#`` and ``.`` when piped, with ``|`` marking the 70 % pass fraction.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studykit.concepts import DOMAINS
from studykit.engine.next_step import NextStep
from studykit.engine.progress_report import Accuracy, ProgressReport, SessionPoint, study_commands
from studykit.engine.scaled_score import PASS_FRACTION, PASS_MARK
from studykit.ui.blocks import heading, indented, title
from studykit.ui.console import table_box
from studykit.ui.text import first_words, literal, one_line

BAR_WIDTH = 30


def progress_page(
    report: ProgressReport,
    titles: Mapping[str, str],
    *,
    plain: bool = False,
    stems: Mapping[str, str] | None = None,
    next_step: NextStep | None = None,
) -> Group:
    """The whole page; ``titles`` maps concept ids to their titles (unknown ids are shown as ids),
    ``stems`` question ids to their stems, to name flagged questions."""
    if not report.answered and not report.exams:
        return Group(
            title("Progress", plain),
            Text("\nNo answers yet. Start with 'studykit study': new questions, sized to your time."),
        )
    noun = "question" if report.unanswered else "answer"
    parts: list[RenderableType] = [
        title(
            f"Progress: {report.answered} {noun}{'s' if report.answered != 1 else ''},"
            f" {_percent(report.correct, report.answered)} right",
            plain,
        )
    ]
    if report.unanswered:
        blank = report.unanswered
        parts.append(
            Text(
                f"{blank} exam question{'s' if blank != 1 else ''} left blank or not reached"
                f" {'count' if blank != 1 else 'counts'} as wrong, as on the real exam."
            )
        )
    parts += [heading("By exam domain", plain), indented(_domain_table(report.domains, plain))]
    parts += [
        heading("By concept (weakest first)", plain),
        indented(_concept_table(report.concepts, titles, plain)),
    ]
    if report.trend:
        parts += [
            heading(
                "Trend (last session)"
                if len(report.trend) == 1
                else f"Trend (last {len(report.trend)} sessions)",
                plain,
            ),
            indented(_trend(report.trend, plain)),
        ]
    if report.exams:
        parts += [heading("Exams", plain), indented(_exam_table(report, plain))]
    parts += [heading("Reviews", plain), indented(_reviews(report.due))]
    if report.bookmarks:
        parts += [
            heading(f"Flagged questions ({len(report.bookmarks)})", plain),
            indented(_bookmarks(report, titles, stems or {}, plain)),
        ]
    if report.weakest:
        parts += [heading("Study next", plain), indented(_weakest(report.weakest, titles, plain))]
    parts += [heading("Readiness", plain), indented(_readiness(report))]
    if next_step is not None:
        parts += [heading("Next step", plain), indented(next_step_view(next_step, plain))]
    return Group(*parts)


def next_step_view(step: NextStep, plain: bool) -> Group:
    """The command on a line of its own, then why, wrapped beneath it."""
    reason = step.reason[0].upper() + step.reason[1:] + "."
    return Group(literal(step.command, "" if plain else "bold green"), indented(literal(reason)))


def _percent(correct: int, total: int) -> str:
    return f"{round(100 * correct / total)} %" if total else "-"


def _table(plain: bool, *headers: tuple[str, str]) -> Table:
    table = Table(box=table_box(plain), show_edge=False, pad_edge=False, header_style="" if plain else "bold")
    for name, justify in headers:
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    return table


def _domain_table(domains: tuple[Accuracy, ...], plain: bool) -> Table:
    table = _table(
        plain, ("Domain", "left"), ("Right", "right"), ("Answered", "right"), ("Accuracy", "right")
    )
    for item in domains:
        name = f"{item.key} {DOMAINS.get(int(item.key), '')}".strip()
        table.add_row(name, str(item.correct), str(item.answered), _percent(item.correct, item.answered))
    return table


def _concept_table(concepts: tuple[Accuracy, ...], titles: Mapping[str, str], plain: bool) -> Table:
    table = _table(
        plain, ("Concept", "left"), ("Right", "right"), ("Answered", "right"), ("Accuracy", "right")
    )
    for item in concepts:
        table.add_row(
            literal(one_line(titles.get(str(item.key), str(item.key)))),
            str(item.correct),
            str(item.answered),
            _percent(item.correct, item.answered),
        )
    return table


def _trend(points: tuple[SessionPoint, ...], plain: bool) -> Group:
    grid = Table.grid(padding=(0, 1))
    for justify in ("left", "left", "left", "right", "left"):
        grid.add_column(justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for point in points:
        score = f"{point.scaled_score}" if point.scaled_score is not None else ""
        grid.add_row(
            point.started_at.astimezone().strftime("%m-%d %H:%M"),
            point.kind,
            _bar(point.fraction, plain),
            _percent(point.correct, point.answered),
            f"{point.correct}/{point.answered}" + (f"  scaled {score}" if score else ""),
        )
    zone = points[0].started_at.astimezone().strftime("%Z") if points else ""
    return Group(grid, Text(f"| marks the pass mark (70 % right). Times in {zone}."))


def _bar(fraction: float, plain: bool) -> Text:
    filled = round(BAR_WIDTH * fraction)
    mark = int(BAR_WIDTH * PASS_FRACTION)
    full, empty = ("#", ".") if plain else ("█", "░")
    style = "" if plain else ("green" if fraction >= PASS_FRACTION else "yellow")
    bar = Text()
    for index in range(BAR_WIDTH):
        if index == mark:
            bar.append("|", style="" if plain else "bold")
        elif index < filled:
            bar.append(full, style=style)
        else:
            bar.append(empty, style="" if plain else "dim")
    return bar


def _exam_table(report: ProgressReport, plain: bool) -> Table:
    table = _table(plain, ("Date", "left"), ("Score", "right"), ("Result", "left"), ("Right", "right"))
    for exam in report.exams:
        result = Text(
            "PASS" if exam.passed else "FAIL", style="" if plain else ("green" if exam.passed else "red")
        )
        table.add_row(
            exam.finished_at.astimezone().strftime("%Y-%m-%d"),
            str(exam.scaled_score),
            result,
            f"{exam.correct}/{exam.total}",
        )
    return table


def _reviews(due: Mapping[str, int]) -> Text:
    if not due.get("total"):
        return Text("No review cards yet: every question you answer becomes one.")
    text = Text(
        f"{due['now']} due now, {due['today']} within a day, {due['week']} within a week"
        f" ({due['total']} cards)."
    )
    if due["now"]:
        text.append("\nRun: studykit review")
    return text


def _bookmarks(
    report: ProgressReport, titles: Mapping[str, str], stems: Mapping[str, str], plain: bool
) -> Group:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for bookmark in report.bookmarks:
        stem = stems.get(bookmark.question_id)
        about = first_words(stem, 60) if stem else bookmark.question_id
        concept = titles.get(bookmark.concepts[0], bookmark.concepts[0]) if bookmark.concepts else ""
        line = literal(one_line(about))
        if concept:
            line.append(literal(f"  ({one_line(concept)})", "" if plain else "dim"))
        grid.add_row(f"{bookmark.flagged_at.astimezone():%m-%d}", line)
    return Group(
        grid,
        Text("Practise them: studykit quiz --flagged (type :f on one to unflag it)."),
    )


def _weakest(weakest: tuple[Accuracy, ...], titles: Mapping[str, str], plain: bool) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for number, item in enumerate(weakest, start=1):
        name = literal(one_line(titles.get(str(item.key), str(item.key))), "" if plain else "bold")
        name.append(f"  {item.correct}/{item.answered} right")
        grid.add_row(f"{number}.", name)
        for command in study_commands(str(item.key)):
            grid.add_row("", literal(command))
    return grid


def _readiness(report: ProgressReport) -> Text:
    readiness = report.readiness
    if readiness is None:
        return Text("Answer at least 20 questions for a readiness estimate.")
    if readiness.low >= PASS_MARK:
        verdict = "likely to pass"
    elif readiness.predicted >= PASS_MARK:
        verdict = "above the pass mark, though the range reaches below it"
    else:
        verdict = "below the pass mark"
    text = Text(
        f"Predicted scaled score {readiness.predicted} (90 % range {readiness.low}-{readiness.high}),"
        f" {verdict}; chance of passing about {round(100 * readiness.pass_probability)} %."
        f"\nFrom your last {readiness.answers_used} answers."
    )
    if readiness.unmeasured:
        unmeasured = ", ".join(str(domain) for domain in readiness.unmeasured)
        label = "domain" if len(readiness.unmeasured) == 1 else "domains"
        text.append(f" Not measured: {label} {unmeasured} (no answers).")
    text.append(" Method: see README, 'How exam scores and readiness are estimated'.")
    return text
