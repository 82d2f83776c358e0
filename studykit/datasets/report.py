"""Plain-text renderings of format specs and validation reports (≤ 80 columns).

Functions return lines; the command layer prints them. User data is passed through
:func:`studykit.errors.printable`, so no byte in a dataset can drive the terminal.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from studykit.datasets.availability import CHECK_FIRST, flagged, format_note
from studykit.datasets.formats import FORMATS, FormatSpec
from studykit.datasets.limits import MODELS, ModelSpec, models_for
from studykit.datasets.sources import AS_OF
from studykit.datasets.stats import DatasetStats, Distribution
from studykit.datasets.tokens import ERROR_NOTE, ESTIMATOR
from studykit.errors import printable

if TYPE_CHECKING:  # only the validate command needs the validator (and msgspec) loaded
    from studykit.datasets.validate import ValidationReport

WIDTH = 80


def _wrap(text: str, indent: str = "  ") -> list[str]:
    wrapped = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    return wrapped or [indent]


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "-"
    return f"{low or 0:,}-{high:,}" if high else f"≥{low:,}"


def render_formats(only: FormatSpec | None = None, capacities: dict[str, int] | None = None) -> list[str]:
    """The formats, the models that take each, how many distinct records ``dataset generate``
    makes of each (``capacities``), and (for all formats) the per-model limits."""
    out: list[str] = []
    for fmt in [only] if only else FORMATS.values():
        out.append(f"{fmt.id} — {fmt.title}")
        out += _wrap(f"{fmt.description} Trains: {fmt.method}.")
        out += _wrap(fmt.example, "    ")
        takers = models_for(fmt.id)
        out += _wrap(f"Models: {', '.join(model.id for model in takers) or 'none'}")
        note = format_note(takers)
        if note:
            out += _wrap(f"Availability: {note}; see below.")
        if capacities and fmt.id in capacities:
            out += _wrap(
                f"Capacity: {capacities[fmt.id]:,} distinct records from the shipped content "
                "('dataset generate'; a model's limits may rule out a few)"
            )
        for note in fmt.notes:
            out += _wrap(f"Note: {note}")
        out += [f"  Source: {source.url}" for source in fmt.sources]
        out.append("")
    models = models_for(only.id) if only else tuple(MODELS.values())
    out += render_limits(models)
    out += render_availability(models)
    return out


def render_availability(models: tuple[ModelSpec, ...]) -> list[str]:
    """Which of ``models`` may no longer take a customization job, why, and the pages that say so."""
    groups = flagged(models)
    if not groups:
        return []
    out = ["", *_wrap(f"Availability: {CHECK_FIRST}; studykit still generates and checks these files.", "")]
    for found, ids in groups:
        out += _wrap(f"{', '.join(ids)}: {found.describe()}")
        out += [f"    Source: {source.url}" for source in found.sources]
    return out


def render_limits(models: tuple[ModelSpec, ...]) -> list[str]:
    """A table of record counts and record lengths per model."""
    out = [
        f"Model limits (as of {AS_OF}; '-' means no published limit, not checked)",
        f"{'model':<28} {'records':>15} {'tokens/record':>13} {'validation':>10} {'epochs':>9}",
    ]
    for model in models:
        tokens = f"{model.max_tokens:,}" if model.max_tokens else "-"
        if model.max_prompt_tokens:
            tokens = f"{model.max_prompt_tokens:,}+{model.max_completion_tokens:,}"
        if model.max_caption_chars:
            tokens = f"{model.max_caption_chars:,} ch"
        records = _range(model.min_records, model.max_records or model.max_train_records)
        validation = "yes" if model.validation_set else "no"
        epochs = f"{model.epochs[0]}-{model.epochs[1]} ({model.epochs[2]})" if model.epochs else "-"
        name = model.id + (" *" if model.availability else "")
        out.append(f"{name:<28} {records:>15} {tokens:>13} {validation:>10} {epochs:>9}")
    if any(model.availability for model in models):
        out.append("* may no longer be customizable on Amazon Bedrock: see Availability below.")
    out.append("Token limits are checked as characters: tokens x 6, as AWS states them.")
    out.append("Epochs: minimum-maximum (default). Sources: 'studykit dataset formats --json'.")
    return out


def render_validation(report: ValidationReport) -> list[str]:
    """Every kept finding on one line each, then a summary."""
    out = [finding.format(report.name) for finding in report.findings]
    if report.omitted:
        out.append(f"… {report.omitted:,} more finding(s) not shown (raise --max-errors to see them)")
    out += render_summary(report)
    return out


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def render_summary(report: ValidationReport) -> list[str]:
    verdict = "valid" if report.valid else "INVALID"
    fmt = report.format_id or "unknown format"
    if report.detected and report.format_id:
        fmt += " (detected)"
    model = f", model {report.model_id}" if report.model_id else ", no --model: limits not checked"
    out = [
        printable(
            f"{report.name}: {verdict} — {_count(report.records, 'record')}"
            f" in {_count(report.lines, 'line')}, {fmt}{model}"
        ),
        f"  {report.errors:,} error(s), {report.warnings:,} warning(s), {report.duplicates:,} duplicate(s)"
        + (f", {report.notes:,} note(s)" if report.notes else ""),
    ]
    if report.counts:
        counts = ", ".join(f"{code} {count:,}" for code, count in sorted(report.counts.items()))
        out += _wrap(f"by kind: {counts}")
    if not report.duplicates_complete:
        out.append("  duplicate check stopped after ~1.4 million distinct records")
    return out


def render_stats(stats: DatasetStats) -> list[str]:
    """Counts, token estimates, length and turn distributions with a histogram."""
    out = [
        printable(f"{stats.name}: {stats.records:,} records, {stats.format_id or 'unknown format'}"),
        f"  lines {stats.lines:,}, skipped (not JSON objects) {stats.skipped:,}, bytes {stats.bytes:,}",
        f"  duplicates {stats.duplicates:,}, records with a system prompt {stats.with_system:,}",
        f"  tokens ≈ {stats.total_tokens:,} (input {stats.input_tokens:,}, output {stats.output_tokens:,})",
    ]
    out += _wrap(f"estimator: {ESTIMATOR}. {ERROR_NOTE}")
    out.append(_distribution_line("tokens/record", stats.tokens))
    if stats.turns.count:
        out.append(_distribution_line("turns/record", stats.turns))
    if stats.roles:
        out.append(
            "  roles: "
            + ", ".join(f"{printable(role)} {count:,}" for role, count in stats.roles.most_common())
        )
    out += _histogram("tokens per record", stats.tokens)
    if stats.turns.count and stats.turns.low != stats.turns.high:
        out += _histogram("turns per record", stats.turns)
    return out


def _histogram(title: str, values: Distribution) -> list[str]:
    """Equal-width bins as bars of █ scaled to the fullest bin (at most 40 wide)."""
    rows = values.histogram()
    if not rows:
        return []
    out = [f"  {title}:"]
    peak = max(count for _, _, count in rows)
    for low, high, count in rows:
        bar = "█" * max(1 if count else 0, round(40 * count / peak))
        span = f"{low:,}" if low == high else f"{low:,}-{high:,}"
        out.append(f"  {span:>15} {bar:<40} {count:,}")
    return out


def _distribution_line(label: str, values: Distribution) -> str:
    data = {key: "-" if value is None else value for key, value in values.to_json().items()}
    return f"  {label:<14} min {data['min']:,}  p50 {data['p50']:,}  p95 {data['p95']:,}  max {data['max']:,}"
