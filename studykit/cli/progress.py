"""``studykit progress``: what the learner has done and how ready they are; export and reset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from studykit.cli.environment import environment, open_progress
from studykit.cli.options import force_option, json_option, no_pager_option

if TYPE_CHECKING:
    from studykit.store import SavedAnswer, Store

EXPORT_FORMATS = ("json", "csv")


@click.command()
@json_option
@click.option(
    "--export",
    "export_to",
    metavar="FILE",
    help="Write your progress to FILE: a .csv gets every answer, a .json the report too ('-': stdout).",
)
@click.option(
    "--format",
    "export_format",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="With --export: json or csv (default: from FILE's extension; json for '-').",
)
@force_option("With --export, replace FILE if it exists.")
@click.option("--reset", is_flag=True, help="Delete all progress (asks first).")
@click.option("--yes", "-y", is_flag=True, help="With --reset, do not ask.")
@no_pager_option
def progress(
    as_json: bool,
    export_to: str | None,
    export_format: str | None,
    force: bool,
    reset: bool,
    yes: bool,
    no_pager: bool,
) -> None:
    """Accuracy by domain and concept, trend, exams, due reviews, weakest concepts and readiness."""
    env = environment()
    chosen = _export_format(export_to, export_format) if export_to is not None else None
    with open_progress(env, read_only_ok=not reset) as store:
        if reset:
            _reset(store, yes)
            return
        from studykit.engine.progress_report import answers_to_csv, build_report, report_to_json
        from studykit.store import all_answers, all_cards, bookmarks, exam_history, list_sessions

        answers = all_answers(store)
        sessions = list_sessions(store)
        report = build_report(
            answers, sessions, exam_history(store), all_cards(store), env.now(), bookmarks=bookmarks(store)
        )
        titles = _concept_titles()
        if export_to is not None:
            from studykit.atomic_write import write_output

            # Blank exam questions count in the report (as wrong) but are not answers to list.
            answers = [answer for answer in answers if not answer.unanswered]
            if chosen == "csv":
                text = answers_to_csv(answers, sessions)
            else:
                from studykit.analysis.exports import learner_key

                learner = learner_key(
                    (a.answered_at.isoformat(), a.session_id, a.question_id) for a in answers
                )
                data = {
                    **report_to_json(report, titles),
                    "learner": learner,
                    "answers": [_answer_json(a) for a in answers],
                }
                text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
                if export_to == "-":
                    from studykit.cli.standard_streams import print_json_exactly

                    print_json_exactly()
            write_output(export_to, text, force=force)
            if export_to != "-":
                click.echo(f"Wrote {len(answers)} answers to {export_to}.", err=True)
            return
        from studykit.engine.next_step import next_step

        step = next_step(report, titles)
        if as_json:
            data = {
                **report_to_json(report, titles),
                "next_step": {"command": step.command, "reason": step.reason},
            }
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        from studykit.ui.console import is_plain, make_console
        from studykit.ui.pager import show_paged
        from studykit.ui.progress_page import progress_page

        console = make_console()
        stems = _stems({bookmark.question_id for bookmark in report.bookmarks})
        page = progress_page(report, titles, plain=is_plain(console), stems=stems, next_step=step)
        show_paged(console, page, pager=not no_pager)


def _export_format(target: str, chosen: str | None) -> str:
    """``json`` or ``csv``: as chosen, else from the file's extension (JSON for stdout)."""
    if chosen is not None:
        return chosen
    if target == "-":
        return "json"
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix in EXPORT_FORMATS:
        return suffix
    from studykit.errors import StudykitError

    raise StudykitError(
        "cannot tell the export format from the file name",
        path=target,
        hint="name it .json or .csv, or add --format json or --format csv",
    )


def _reset(store: Store, yes: bool) -> None:
    from studykit.store import all_answers, all_cards, exam_history, reset_progress

    answers = _count(len(all_answers(store)), "answer")
    exams = _count(len(exam_history(store)), "exam")
    cards = _count(len(all_cards(store)), "review card")
    if not yes:
        import shutil
        import textwrap

        width = min(shutil.get_terminal_size().columns, 80)
        # Wrapped here, at spaces, so no terminal breaks a number or a word across lines.
        click.echo(textwrap.fill(f"This deletes all your progress: {answers}, {exams} and {cards}.", width))
        click.echo(f"Progress file: {store.path}")
        try:
            confirmed = click.confirm("Delete it all?")
        except click.Abort:  # Ctrl-C or end of input at the question
            confirmed = False
            click.echo()
        if not confirmed:
            click.echo("Nothing was deleted.")
            raise click.exceptions.Exit(1)
    reset_progress(store)
    click.echo(f"Deleted {answers}, {exams} and {cards}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _stems(question_ids: set[str]) -> dict[str, str]:
    """The stems of flagged questions, from the shipped banks; an id not found is shown as it is."""
    if not question_ids:
        return {}
    from studykit.errors import StudykitError
    from studykit.questions.pool import question_pool

    try:
        return {question.id: question.stem for question in question_pool() if question.id in question_ids}
    except StudykitError:
        return {}


def _concept_titles() -> dict[str, str]:
    """Concept titles for display; progress still shows ids if the content cannot be loaded."""
    from studykit.concepts import load_concepts
    from studykit.errors import StudykitError

    try:
        return {concept.id: concept.title for concept in load_concepts()}
    except StudykitError:
        return {}


def _answer_json(answer: SavedAnswer) -> dict[str, object]:
    try:
        given: object = json.loads(answer.answer)
    except ValueError:
        given = answer.answer
    return {
        "answered_at": answer.answered_at.isoformat(),
        "session": answer.session_id,
        "question": answer.question_id,
        "domain": answer.domain,
        "concepts": list(answer.concepts),
        "correct": answer.correct,
        "seconds": round(answer.elapsed_seconds, 1),
        "answer": given,
    }
