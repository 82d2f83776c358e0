"""``studykit bank …``: the instructor's tools for question banks.

A thin layer: options are parsed here; linting, coverage, the schema, the starter bank and the
exports live in :mod:`studykit.questions` and :mod:`studykit.export`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from studykit.cli.options import (
    bank_option,
    content_option,
    exact_json_when_chosen,
    force_option,
    generated_option,
    json_option,
)

if TYPE_CHECKING:
    from studykit.concepts import ConceptSet
    from studykit.questions.model import Question
    from studykit.questions.task_coverage import TaskCoverage

_PATHS = click.argument(
    "paths", nargs=-1, type=click.Path(path_type=Path, readable=False), metavar="[PATH]..."
)


def _concepts(content: Path | None) -> ConceptSet:
    from studykit.concepts import load_concepts

    return load_concepts(content)


def _bank_paths(paths: tuple[Path, ...]) -> list[Path]:
    """The banks named, or the shipped ones (shown relative to the working folder when inside it)."""
    from studykit.questions.lint_output import display_path
    from studykit.resources import quizzes_dir

    return list(paths) or [Path(display_path(str(quizzes_dir())))]


@click.group("bank")
def bank() -> None:
    """Lint, measure, scaffold, export and import question banks (quizzes/*.yaml)."""


@bank.command("lint")
@_PATHS
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json", "github")),
    default="text",
    show_default=True,
    callback=exact_json_when_chosen,
    help="text for people, json for scripts, github for GitHub Actions annotations.",
)
@click.option("--ignore", "ignored", multiple=True, metavar="RULE", help="Skip this rule (repeatable).")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--list-rules", is_flag=True, help="List the rules with their severity and stop.")
@content_option
def lint(
    paths: tuple[Path, ...],
    output_format: str,
    ignored: tuple[str, ...],
    strict: bool,
    list_rules: bool,
    content: Path | None,
) -> None:
    """Check bank files (default: the shipped banks) for errors and quality problems.

    Prints file:line:col: RULE message. A question switches a rule off with
    'lint_ignore: [RULE]'. Every file is checked, even when another cannot be read.
    Exit status: 0 clean (warnings allowed unless --strict), 1 findings, 2 a path that
    cannot be read (reported with the other findings) or bad options.
    """
    from studykit.questions.lint import lint_paths
    from studykit.questions.lint_output import github_lines, json_text, rule_lines, text_lines

    if list_rules:
        for line in rule_lines():
            click.echo(line)
        return
    report = lint_paths(_bank_paths(paths), _concepts(content), ignore=ignored)
    if output_format == "json":
        click.echo(json_text(report))
    else:
        for line in github_lines(report) if output_format == "github" else text_lines(report):
            click.echo(line)
    if report.unreadable:
        click.get_current_context().exit(2)
    if report.errors or (strict and report.warnings):
        click.get_current_context().exit(1)


@bank.command("coverage")
@_PATHS
@click.option(
    "--by",
    "by",
    type=click.Choice(["concept", "task"]),
    default="concept",
    show_default=True,
    help="concept: questions per concept and domain; task: per exam task and objective.",
)
@click.option(
    "--threshold",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Flag concepts (or objectives) with fewer questions than this.",
)
@click.option(
    "--minimums",
    metavar="D1,D2,D3,D4,D5",
    help="--by task: authored questions each domain needs (default 65,80,95,50,50).",
)
@click.option("--check", is_flag=True, help="Exit with status 1 when the report flags a gap.")
@json_option
@content_option
def coverage(
    paths: tuple[Path, ...],
    by: str,
    threshold: int,
    minimums: str | None,
    check: bool,
    as_json: bool,
    content: Path | None,
) -> None:
    """Questions per concept (by kind) and exam domain, or per exam task and objective; gaps flagged."""
    import json

    from studykit.questions.bank import load_banks

    concepts = _concepts(content)
    banks = load_banks(_bank_paths(paths), concepts)
    questions = [question for loaded in banks for question in loaded.questions]
    if by == "task":
        report, lines, gaps = _task_report(questions, concepts, content, threshold, minimums)
    else:
        from studykit.questions.coverage import bank_coverage, coverage_lines

        report = bank_coverage(questions, concepts, threshold)
        lines = coverage_lines(report)
        gaps = any(row.low for row in report.concepts) or any(row.under for row in report.domains)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        for line in lines:
            click.echo(line)
    if check and gaps:
        click.get_current_context().exit(1)


def _task_report(
    questions: list[Question],
    concepts: ConceptSet,
    content: Path | None,
    threshold: int,
    minimums: str | None,
) -> tuple[TaskCoverage, list[str], bool]:
    from studykit.concepts.objectives import OBJECTIVES_FILE, load_exam_guide
    from studykit.questions.pool import generated_questions
    from studykit.questions.task_coverage import AUTHORED_MINIMUMS, task_coverage, task_coverage_lines
    from studykit.resources import content_dir

    folder = content or content_dir()
    guide = load_exam_guide(folder)
    if guide is None:
        raise click.UsageError(
            f"{folder} has no {OBJECTIVES_FILE}: --by task needs the exam guide's objectives"
        )
    needed = _minimums(minimums) if minimums else AUTHORED_MINIMUMS
    report = task_coverage(
        questions, generated_questions(content), concepts, guide, threshold=threshold, minimums=needed
    )
    return report, task_coverage_lines(report), bool(report.problems)


def _minimums(text: str) -> dict[int, int]:
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 5 or not all(part.isdigit() for part in parts):
        raise click.BadParameter(
            "give five whole numbers, one per domain: 65,80,95,50,50", param_hint="--minimums"
        )
    return {domain: int(part) for domain, part in enumerate(parts, start=1)}


@bank.command("schema")
@click.option("--out", default="-", show_default=True, metavar="FILE|-", help="Write the schema here.")
@force_option()
def schema(out: str, force: bool) -> None:
    """Print the JSON Schema of the bank format (for editors such as yaml-language-server)."""
    from studykit.atomic_write import write_output
    from studykit.cli.standard_streams import print_json_exactly
    from studykit.questions.schema import schema_text

    print_json_exactly()
    write_output(out, schema_text(), force=force)


@bank.command("new")
@click.argument("file", metavar="FILE|-")
@click.option("--title", help="The bank's title (default: made from the file name).")
@click.option("--name", help="The bank name when writing to - (default: my-bank).")
@force_option()
def new(file: str, title: str | None, name: str | None, force: bool) -> None:
    """Write a commented starter bank with one question of each kind; it lints clean."""
    from studykit.atomic_write import write_output
    from studykit.errors import StudykitError
    from studykit.questions.starter import starter_bank

    if file != "-":
        stem = Path(file).stem
        if name and name != stem:
            raise StudykitError(
                f"--name {name!r} differs from the file name", hint=f"a bank's name is its file name: {stem}"
            )
        name = stem
    write_output(file, starter_bank(name or "my-bank", title), force=force)
    if file != "-":
        click.echo(f"Wrote {file}. Check it with: studykit bank lint {file}", err=True)


@bank.command("export")
@_PATHS
@click.option(
    "--to",
    "to",
    type=click.Choice(("gift", "moodle-xml", "anki", "markdown", "json")),
    required=True,
    help="gift or moodle-xml for Moodle, anki for an .apkg deck, markdown for print, json for scripts.",
)
@click.option("--out", default="-", show_default=True, metavar="FILE|-", help="Write the export here.")
@force_option()
@content_option
def export(paths: tuple[Path, ...], to: str, out: str, force: bool, content: Path | None) -> None:
    """Write banks as Moodle GIFT or Moodle XML, an Anki deck, Markdown or JSON.

    Exports the banks named (default: the shipped banks), checked as the loader checks
    them. Anki notes keep their ids from one export to the next, so importing a newer
    deck updates the cards instead of duplicating them.
    """
    import sys
    import time

    from studykit.atomic_write import write_output
    from studykit.errors import StudykitError
    from studykit.export import SUFFIXES, export_banks
    from studykit.questions.bank import load_banks

    if to == "anki" and out == "-" and sys.stdout.isatty():
        raise StudykitError(
            "an Anki deck is binary and would garble the terminal", hint="give --out FILE.apkg"
        )
    if to == "json":
        from studykit.cli.standard_streams import print_json_exactly

        print_json_exactly()
    concepts = _concepts(content)
    banks = load_banks(_bank_paths(paths), concepts)
    from studykit.concepts.sources import source_titles

    titles = source_titles(content.resolve() if content else None)
    write_output(out, export_banks(banks, to, concepts, timestamp=time.time(), titles=titles), force=force)
    if out != "-":
        count = sum(len(loaded.questions) for loaded in banks)
        click.echo(f"Wrote {count} question(s) from {len(banks)} bank(s) to {out}.", err=True)
        if not out.endswith(SUFFIXES[to]):
            click.echo(f"Note: {to} files usually end in {SUFFIXES[to]}.", err=True)


@bank.command("import")
@click.argument("source", metavar="FILE.gift|FILE.xml", type=click.Path(path_type=Path, readable=False))
@click.option("--out", default="-", show_default=True, metavar="FILE.yaml|-", help="Write the bank here.")
@force_option("Replace FILE.yaml if it exists.")
@click.option(
    "--concept",
    "default_concepts",
    multiple=True,
    metavar="ID",
    help="Concept for questions whose studykit comment or category names none (repeatable).",
)
@click.option("--title", help="The bank's title (default: from the file's category).")
@content_option
def import_(
    source: Path,
    out: str,
    force: bool,
    default_concepts: tuple[str, ...],
    title: str | None,
    content: Path | None,
) -> None:
    """Turn a Moodle GIFT or Moodle XML file into a bank that loads and lints.

    Questions come as they are, with or without feedback; what a finished question
    lacks (an explanation, a why, a concept) is listed at the end and flagged by
    'bank lint' as warnings. Concepts come from the studykit comment the export
    writes, else from a category named after a concept, else from --concept, else
    none. Every problem in the file is reported at once (exit 2, nothing written).
    """
    from studykit.atomic_write import write_output
    from studykit.export.importing import import_file

    name = Path(out).stem if out != "-" else None
    imported = import_file(source, name, _concepts(content), default_concepts=default_concepts, title=title)
    if imported.problems:
        for problem in imported.problems:
            click.echo(f"Error: {problem.format()}", err=True)
        count = len(imported.problems)
        if count > 1:
            click.echo(
                f"{count} problems in {source}; nothing was written. Fix them and import again.", err=True
            )
        raise click.exceptions.Exit(2)
    write_output(out, imported.yaml, force=force)
    for note in imported.notes:
        click.echo(f"Note: {note}", err=True)
    target = out if out != "-" else "FILE.yaml"
    if imported.to_finish:
        click.echo(f"To finish (studykit bank lint {target} shows where):", err=True)
        for line in imported.to_finish:
            click.echo(f"  {line}", err=True)
    if out != "-":
        click.echo(
            f"Wrote {len(imported.questions)} question(s) to {out}. Check it with: studykit bank lint {out}",
            err=True,
        )


@bank.command("analyze")
@click.argument(
    "exports", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False), metavar="EXPORT..."
)
@bank_option
@generated_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json", "github")),
    default="text",
    show_default=True,
    callback=exact_json_when_chosen,
    help="text for people, json for scripts, github for GitHub Actions annotations on the banks.",
)
@json_option
@click.option(
    "--min-answers",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Flag a question only when this many learners answered it.",
)
@content_option
def analyze(
    exports: tuple[Path, ...],
    banks: tuple[Path, ...],
    generated: bool,
    output_format: str,
    as_json: bool,
    min_answers: int,
    content: Path | None,
) -> None:
    """Item analysis of a class from learners' 'studykit progress --export' files.

    Per question: how many answered, facility (share right), discrimination (against
    the rest of the test, as Moodle's quiz statistics, and top third against bottom
    third), and how often each option was chosen; flags questions too easy or too hard,
    that discriminate negatively, with a distractor nobody picks, or whose distractor
    the strongest learners pick more than the key. Per concept and domain too. Each
    learner's first answer to a question counts; learners stay anonymous, and the same
    learner's exports given twice count once.
    """
    from studykit.analysis.exports import read_learners
    from studykit.analysis.items import analyze as analyze_items
    from studykit.analysis.report import github_lines, json_text, text_lines
    from studykit.questions.pool import question_pool

    learners, repeats = read_learners(exports)
    questions = question_pool(list(banks) or None, generated=generated, content=content)
    analysis = analyze_items(learners, questions, min_answers=min_answers, repeats=repeats)
    if as_json or output_format == "json":
        click.echo(json_text(analysis))
        return
    for line in github_lines(analysis) if output_format == "github" else text_lines(analysis):
        click.echo(line)
