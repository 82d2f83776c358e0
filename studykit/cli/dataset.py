"""``studykit dataset …``: make and check Bedrock training data.

A thin layer: options are parsed here, the work is done by ``studykit.datasets``.
"""

from __future__ import annotations

import json

import click

from studykit.cli.options import force_option, json_option
from studykit.datasets.convert import SOURCES as CONVERT_SOURCES
from studykit.datasets.convert import TARGETS as CONVERT_TARGETS
from studykit.datasets.formats import FORMATS

FORMAT_CHOICES = tuple(FORMATS)


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
@json_option
def formats(format_id: str | None, as_json: bool) -> None:
    """List Bedrock's dataset formats, the models that take each, and their limits.

    Each format also states how many distinct records 'dataset generate' makes of it from the
    shipped content (its capacity).
    """
    from studykit.datasets.availability import format_note
    from studykit.datasets.formats import FORMATS, get_format
    from studykit.datasets.generate import content_capacities
    from studykit.datasets.limits import MODELS, models_for
    from studykit.datasets.report import render_formats

    only = get_format(format_id) if format_id else None
    chosen = [only] if only else list(FORMATS.values())
    capacities = content_capacities([fmt.id for fmt in chosen])
    if as_json:
        models = models_for(only.id) if only else tuple(MODELS.values())
        _echo_json(
            {
                "formats": [
                    dict(
                        fmt.to_json(),
                        models=[m.id for m in models_for(fmt.id)],
                        availability=format_note(models_for(fmt.id)),
                        capacity=capacities[fmt.id],
                    )
                    for fmt in chosen
                ],
                "models": [model.to_json() for model in models],
            }
        )
        return
    _echo_lines(render_formats(only, capacities))


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
@json_option
@click.option(
    "--max-errors",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="Show at most this many line findings (all are counted; whole-file ones always show).",
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


def _validation_path(out: str) -> str:
    """train.jsonl -> train.validation.jsonl, beside the training file."""
    from pathlib import Path

    path = Path(out)
    suffix = path.suffix or ".jsonl"
    return str(path.with_name(f"{path.stem}.validation{suffix}"))


@dataset.command("generate")
@click.argument("format_id", metavar="FORMAT", type=click.Choice(FORMAT_CHOICES))
@click.option("--count", type=click.IntRange(min=1), default=100, show_default=True, help="Records to write.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same file.")
@click.option("--out", "out", required=True, metavar="FILE|-", help="Output file, or - for standard output.")
@click.option("--model", "model_id", metavar="MODEL", help="Make every record valid for this model.")
@click.option(
    "--validation-split",
    type=click.FloatRange(min=0, max=1, max_open=True),
    default=0.0,
    help="Share of records written to FILE's .validation twin, held out from training.",
)
@click.option("--image-prefix", default=None, metavar="S3_URI", help="Where image-caption records point.")
@click.option(
    "--allow-duplicates",
    is_flag=True,
    help="Write more records than the content yields distinct ones, repeating them.",
)
@force_option("Overwrite existing files.")
def generate(
    format_id: str,
    count: int,
    seed: int,
    out: str,
    model_id: str | None,
    validation_split: float,
    image_prefix: str | None,
    allow_duplicates: bool,
    force: bool,
) -> None:
    """Write COUNT records of FORMAT built from the study content.

    Questions and answers, tutoring dialogues, preference pairs and graded prompts come from
    the concept notes and the question banks (their options and why each is right or wrong);
    each record passes the same checks as 'dataset validate', and no record repeats up to
    the capacity that 'dataset formats' and the end of this command state.
    """
    import sys

    from studykit.atomic_write import open_outputs
    from studykit.cli.standard_streams import print_json_exactly
    from studykit.datasets.availability import choice_note
    from studykit.datasets.context import S3_URI
    from studykit.datasets.formats import get_format
    from studykit.datasets.generate import (
        DEFAULT_IMAGE_PREFIX,
        build_catalogue,
        plan_counts,
        split_catalogue,
        write_lines,
    )
    from studykit.datasets.limits import get_model, models_for, require_pair
    from studykit.datasets.material import load_material
    from studykit.errors import StudykitError

    fmt = get_format(format_id)
    model = get_model(model_id) if model_id else None
    if model:
        require_pair(fmt.id, model)
    if image_prefix is not None and fmt.id != "image-caption":
        raise StudykitError(
            f"--image-prefix applies only to image-caption records, not {fmt.id}", hint="drop it"
        )
    prefix = image_prefix or DEFAULT_IMAGE_PREFIX
    if not prefix.startswith("s3://"):
        raise StudykitError(
            f"--image-prefix {prefix!r} is not an s3:// URI", hint="e.g. s3://my-bucket/images/"
        )
    if not S3_URI.match(prefix.rstrip("/") + "/image.png"):
        # Otherwise every record would fail its own check, reported as content yielding none.
        raise StudykitError(
            f"--image-prefix {prefix!r} is not a valid S3 location",
            hint="a bucket name is 3-63 lowercase letters, digits, dots, hyphens: e.g. s3://my-bucket/images/",
        )
    if validation_split and out == "-":
        raise StudykitError(
            "--validation-split needs a file for --out", hint="the validation set goes beside it"
        )
    material = load_material()
    catalogue = build_catalogue(fmt, model, material, prefix.rstrip("/") + "/")
    plan = plan_counts(count, validation_split, model.for_format(fmt.id) if model else None, catalogue.groups)
    train, held_out = split_catalogue(catalogue, plan, seed)
    short = plan.train > train.capacity or plan.validation > held_out.capacity
    if short and not allow_duplicates:
        held = (
            f" ({train.capacity:,} for training, {held_out.capacity:,} held out)" if plan.validation else ""
        )
        raise StudykitError(
            f"the study content yields {catalogue.capacity:,} distinct {fmt.id} records"
            + (f" that {model.id} accepts" if model else "")
            + f"{held}; {count:,} were asked for",
            hint="lower --count, or pass --allow-duplicates to repeat records",
        )
    jobs = [(out, train, plan.train)]
    if plan.validation:
        jobs.append((_validation_path(out), held_out, plan.validation))
    written_sizes = []
    print_json_exactly()
    # Both files are open (as temporary files) before either is written, and appear
    # together at the end: an existing twin or an interruption leaves neither behind.
    with open_outputs([target for target, _, _ in jobs], force=force) as streams:
        for stream, (target, records, wanted) in zip(streams, jobs, strict=True):
            with _progress(wanted, target) as advance:
                written_sizes.append(write_lines(records.lines(wanted, seed), stream, advance))
    for (target, _, _), (written, size) in zip(jobs, written_sizes, strict=True):
        if target != "-":
            noun = "record" if written == 1 else "records"
            click.echo(f"Wrote {written:,} {fmt.id} {noun} ({size:,} bytes) to {target}", err=True)
    click.echo(
        f"Built from {material.concepts} concepts and {material.questions} questions: "
        f"capacity {catalogue.capacity:,} distinct {fmt.id} records" + (f" for {model.id}" if model else ""),
        err=True,
    )
    if short:
        click.echo(
            f"Note: {count:,} records from {catalogue.capacity:,} distinct ones: records repeat.", err=True
        )
    availability = choice_note(model, models_for(fmt.id))
    if availability:
        click.echo(f"Note: {availability}", err=True)
    if fmt.id == "image-caption":
        click.echo(f"Note: the images under {prefix} must exist in S3 before training.", err=True)
    sys.stderr.flush()


class _progress:
    """A rich progress bar on a terminal's stderr; nothing when stderr is not a terminal."""

    def __init__(self, total: int, target: str) -> None:
        import sys

        self.total, self.target = total, target
        self.bar = None
        if sys.stderr.isatty() and total >= 1000:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("writing"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.start()
        task = self.bar.add_task("records", total=self.total)
        return lambda done: self.bar.update(task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@dataset.command("stats")
@click.argument("path", metavar="FILE")
@click.option(
    "--format", "format_id", type=click.Choice(("auto", *FORMAT_CHOICES)), default="auto", show_default=True
)
@json_option
def stats(path: str, format_id: str, as_json: bool) -> None:
    """Count records, estimate tokens, and show length and turn distributions."""
    from studykit.datasets.report import render_stats
    from studykit.datasets.stats import measure_path, require_records

    result = require_records(measure_path(path, format_id))
    _warn_skipped(path, result.skipped, "counted")
    _warn(result.caveats())
    if as_json:
        _echo_json(result.to_json())
    else:
        _echo_lines(render_stats(result))


def _warn_skipped(path: str, skipped: int, verb: str) -> None:
    """One stderr line when some lines were not records (validate says why, line by line)."""
    if skipped:
        from studykit.errors import printable

        click.echo(
            printable(
                f"Warning: {skipped:,} line(s) of {path} are not JSON records and are not {verb};"
                f" 'studykit dataset validate {path}' shows why."
            ),
            err=True,
        )


def _warn(caveats: list[str]) -> None:
    from studykit.errors import printable

    for caveat in caveats:
        click.echo(printable(f"Warning: {caveat}."), err=True)


class Amount(click.ParamType):
    """A finite number ≥ 0 (and ≤ ``maximum``): prices, hours. Rejects nan, inf and negatives."""

    def __init__(self, name: str, maximum: float | None = None) -> None:
        self.name = name
        self.maximum = maximum

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> float:
        from studykit.datasets.cost import check_amount
        from studykit.errors import StudykitError

        if isinstance(value, float):
            return value
        try:
            number = float(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a number", param, ctx)
        try:
            return check_amount(number, self.name, self.maximum)
        except StudykitError:
            bound = f" and at most {self.maximum:g}" if self.maximum is not None else ""
            self.fail(f"{value!r} is not a finite number ≥ 0{bound}", param, ctx)


@dataset.command("cost")
@click.argument("path", metavar="FILE")
@click.option("--model", "model_id", required=True, metavar="MODEL", help="The base model to customize.")
@click.option(
    "--epochs", type=click.IntRange(min=1), default=None, help="Passes over the data (model default)."
)
@click.option("--training-price", type=Amount("USD"), default=None, help="Training price per 1,000 tokens.")
@click.option(
    "--storage-price", type=Amount("USD"), default=None, help="Storage price per custom model per month."
)
@click.option(
    "--hourly-price",
    type=Amount("USD"),
    default=None,
    help="Provisioned Throughput price per model unit per hour.",
)
@click.option(
    "--model-units",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Provisioned Throughput model units.",
)
@click.option(
    "--hours",
    type=Amount("HOURS", 744),
    default=730,
    show_default=True,
    help="Hours of Provisioned Throughput per month (at most 744).",
)
@json_option
@click.pass_context
def cost(
    ctx: click.Context,
    path: str,
    model_id: str,
    epochs: int | None,
    training_price: float | None,
    storage_price: float | None,
    hourly_price: float | None,
    model_units: int,
    hours: float,
    as_json: bool,
) -> None:
    """Estimate training, storage and serving costs of customizing MODEL on FILE.

    Prices come from studykit's sourced specs; type any price from
    https://aws.amazon.com/bedrock/pricing/ to override it or fill it in.
    """
    from studykit.datasets.cost import Prices, estimate_cost
    from studykit.datasets.cost_report import render_cost
    from studykit.datasets.limits import get_model
    from studykit.datasets.stats import measure_path, require_records

    if hourly_price is None:
        for name in ("model_units", "hours"):
            if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT:
                option = "--" + name.replace("_", "-")
                raise click.UsageError(f"{option} prices Provisioned Throughput: give --hourly-price too")
    prices = Prices(training_price, storage_price, hourly_price, model_units, hours)
    model = get_model(model_id)
    measured = require_records(measure_path(path))
    _warn_skipped(path, measured.skipped, "priced")
    _warn(measured.caveats(model))
    estimate = estimate_cost(measured, model, epochs, prices)
    if as_json:
        _echo_json(estimate.to_json())
    else:
        _echo_lines(render_cost(estimate))


@dataset.command("convert")
@click.argument("path", metavar="FILE")
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Choice(CONVERT_TARGETS),
    help="The format to write (multi-turn = bedrock-conversation-2024).",
)
@click.option(
    "--from",
    "source",
    type=click.Choice(("auto", *CONVERT_SOURCES)),
    default="auto",
    show_default=True,
)
@click.option("--out", "out", required=True, metavar="FILE|-", help="Output file, or - for standard output.")
@force_option("Overwrite an existing file.")
def convert(path: str, target: str, source: str, out: str, force: bool) -> None:
    """Convert FILE between OpenAI chat, Bedrock conversation, Claude, prompt/completion,
    reinforcement and continued pre-training JSONL.

    To reinforcement, the last assistant turn becomes the reference answer. Unlabeled text
    converts only between continued-pretraining ({"input"}) and nova-continued-pretraining
    ({"text"}). Anything the target cannot hold is dropped and counted on stderr.
    """
    from studykit.atomic_write import open_output
    from studykit.cli.standard_streams import print_json_exactly
    from studykit.datasets.convert import convert_stream
    from studykit.errors import printable

    print_json_exactly()
    with open_output(out, force=force) as stream:
        report = convert_stream(path, None if source == "auto" else source, target, stream)
    noun = "record" if report.written == 1 else "records"
    click.echo(f"Converted {report.written:,} {noun} from {report.sources()} to {report.target}", err=True)
    # Reasons quote the file's own keys: shown literally, one line each.
    for reason, count in report.dropped.most_common():
        click.echo(printable(f"  dropped: {reason} ×{count:,}"), err=True)
    for reason, count in report.skipped.most_common():
        click.echo(printable(f"  skipped {count:,} record(s): {reason}"), err=True)
