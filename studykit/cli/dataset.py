"""``studykit dataset …``: make and check Bedrock training data.

A thin layer: options are parsed here, the work is done by ``studykit.datasets``.
"""

from __future__ import annotations

import json

import click

FORMAT_CHOICES = (
    "prompt-completion",
    "continued-pretraining",
    "single-turn",
    "multi-turn",
    "distillation",
    "claude-messages",
    "image-caption",
)


def _echo_lines(lines: list[str]) -> None:
    for line in lines:
        click.echo(line)


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group("dataset")
def dataset() -> None:
    """Generate, validate, measure, price and convert Bedrock JSONL training data."""


@dataset.command("formats")
@click.argument("format_id", required=False, metavar="[FORMAT]")
@click.option("--json", "as_json", is_flag=True, help="Print the specs as JSON.")
def formats(format_id: str | None, as_json: bool) -> None:
    """List Bedrock's dataset formats, the models that take each, and their limits."""
    from studykit.datasets.formats import FORMATS, get_format
    from studykit.datasets.limits import MODELS, models_for
    from studykit.datasets.report import render_formats

    only = get_format(format_id) if format_id else None
    if as_json:
        chosen = [only] if only else list(FORMATS.values())
        models = models_for(only.id) if only else tuple(MODELS.values())
        _echo_json(
            {
                "formats": [dict(fmt.to_json(), models=[m.id for m in models_for(fmt.id)]) for fmt in chosen],
                "models": [model.to_json() for model in models],
            }
        )
        return
    _echo_lines(render_formats(only))


@dataset.command("validate")
@click.argument("path", metavar="FILE")
@click.option(
    "--format",
    "format_id",
    type=click.Choice(("auto", *FORMAT_CHOICES)),
    default="auto",
    show_default=True,
    help="The format to check against.",
)
@click.option(
    "--model", "model_id", metavar="MODEL", help="Check the model's limits too (see 'dataset formats')."
)
@click.option("--validation", "validation_set", is_flag=True, help="The file is a validation set.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--max-errors",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="Show at most this many findings (all are counted).",
)
def validate(
    path: str, format_id: str, model_id: str | None, validation_set: bool, as_json: bool, max_errors: int
) -> None:
    """Check FILE (or - for standard input) line by line.

    Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable or bad options.
    """
    from studykit.datasets.report import render_validation
    from studykit.datasets.validate import validate_path

    report = validate_path(path, format_id, model_id, validation_set=validation_set, max_findings=max_errors)
    if as_json:
        _echo_json(report.to_json())
    else:
        _echo_lines(render_validation(report))
    if not report.valid:
        click.get_current_context().exit(1)
