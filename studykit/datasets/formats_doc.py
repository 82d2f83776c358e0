"""docs/dataset-formats.md, written from the format and model specs so it cannot drift from them.

The page is generated, never edited by hand; a test fails when the checked-in copy
differs from what the specs say. Regenerate it with
``python -m studykit.datasets.formats_doc > docs/dataset-formats.md``.
"""

from __future__ import annotations

from studykit.datasets.availability import CHECK_FIRST, format_note
from studykit.datasets.formats import FORMATS, FormatSpec
from studykit.datasets.limits import CHARS_PER_TOKEN, GB, MB, MODELS, ModelSpec, models_for
from studykit.datasets.sources import AS_OF, PRICING, Source

REGENERATE = "python -m studykit.datasets.formats_doc > docs/dataset-formats.md"


def render_markdown() -> str:
    """The whole page: every format, then every model's limits, each with its sources."""
    out = [
        "# Bedrock training-data formats and limits",
        "",
        f"<!-- Generated from studykit/datasets/formats.py and limits.py: do not edit. {REGENERATE} -->",
        "",
        "Every format `studykit dataset generate` writes and `studykit dataset validate` checks, "
        "and the limits of each model that accepts it. The same specs drive the generator, the validator "
        f"and `studykit dataset formats [--json]`. Facts were read on {AS_OF} from the pages cited.",
        "",
        "## Formats",
        "",
    ]
    for fmt in FORMATS.values():
        out += _format_section(fmt)
    out += ["## Limits per model", ""]
    out += [
        f"Token limits are checked as characters: tokens x {CHARS_PER_TOKEN}, the way AWS states the "
        "per-record quota. A dash means no published limit: studykit does not check one.",
        "",
        _prices_note(),
        "",
        _availability_note(),
        "",
        "| model | formats | records | tokens per record | training file | validation | epochs |",
        "|---|---|---|---|---|---|---|",
    ]
    out += [_model_row(model) for model in MODELS.values()]
    out.append("")
    for model in MODELS.values():
        out += _model_notes(model)
    return "\n".join(out).rstrip("\n") + "\n"


def _prices_note() -> str:
    priced = ", ".join(f"`{model.id}`" for model in MODELS.values() if model.price) or "none"
    return (
        f"Sourced prices: {priced} (below). For any model, `studykit dataset cost` takes prices read off "
        f"{PRICING.url} as `--training-price` (per 1,000 tokens), `--storage-price` (per custom model per "
        "month) and `--hourly-price` (Provisioned Throughput per model unit per hour, with `--model-units` "
        "and `--hours`); a typed price overrides the sourced one."
    )


def _availability_note() -> str:
    flagged = ", ".join(f"`{model.id}`" for model in MODELS.values() if model.availability)
    return (
        f"May no longer be customizable on Amazon Bedrock: {flagged}. Their formats and limits stay "
        "so that files can still be checked; each one's Availability note below says which pages say what."
    )


def _format_section(fmt: FormatSpec) -> list[str]:
    keys = ", ".join(f"`{key}`" for key in fmt.required)
    optional = ", ".join(f"`{key}`" for key in fmt.optional)
    takers = models_for(fmt.id)
    models = ", ".join(f"`{model.id}`" for model in takers) or "none"
    availability = format_note(takers)
    out = [
        f"### `{fmt.id}`: {fmt.title}",
        "",
        f"{fmt.description} Trains: {fmt.method}.",
        "",
        f"- Required keys: {keys}" + (f"; optional: {optional}" if optional else ""),
    ]
    if fmt.is_conversation:
        most = f"at most {fmt.max_messages}" if fmt.max_messages else "no maximum"
        ends = " or ".join(fmt.last_roles)
        out.append(
            f"- Messages: at least {fmt.min_messages}, {most}; roles alternate user, assistant, "
            f"starting with user and ending with {ends}"
        )
    out.append(f"- Models: {models}")
    if availability:
        out.append(f"- Availability: {availability}")
    out += [f"- Note: {note}" for note in fmt.notes]
    out += [f"- Source: {_cite(source)}" for source in fmt.sources]
    out += ["", "```json", fmt.example, "```", ""]
    return out


def _model_row(model: ModelSpec) -> str:
    records = _range(model.min_records, model.max_records or model.max_train_records)
    if model.max_prompt_tokens:
        tokens = f"{model.max_prompt_tokens:,} prompt + {model.max_completion_tokens:,} completion"
    elif model.max_caption_chars:
        tokens = f"caption {model.min_caption_chars}-{model.max_caption_chars:,} characters"
    else:
        tokens = f"{model.max_tokens:,}" if model.max_tokens else "-"
    size = _bytes(model.max_train_bytes)
    validation = "no"
    if model.validation_set:
        parts = [_count(model.max_validation_records), _bytes(model.max_validation_bytes)]
        limits = ", ".join(part for part in parts if part != "-")
        validation = f"yes ({limits})" if limits else "yes"
    epochs = "-"
    if model.epochs:
        low, high, default = model.epochs
        epochs = f"{low}-{high}, default {default}"
        if model.epochs_adjustable:
            epochs += " (quota adjustable)"
    formats = ", ".join(model.formats)
    return f"| `{model.id}` | {formats} | {records} | {tokens} | {size} | {validation} | {epochs} |"


def _model_notes(model: ModelSpec) -> list[str]:
    out = [f"**{model.name}** (`{model.id}`)", ""]
    if model.reserved_words:
        words = ", ".join(f"`{word}`" for word in model.reserved_words)
        out.append(f"- Reserved words (case-insensitive): {words}")
    media = [
        f"{kind} {', '.join(formats)}"
        for kind, formats in (
            ("images", model.image_formats),
            ("video", model.video_formats),
            ("documents", model.document_formats),
        )
        if formats
    ]
    if media:
        out.append("- Media: " + "; ".join(media))
    if model.price:
        price = model.price
        out.append(
            f"- Price: training ${price.train_per_1k_tokens:g} per 1,000 tokens, storage "
            f"${price.storage_per_month:g} per month (as of {price.source.as_of}: {price.source.url})"
        )
    out += [f"- Note: {note}" for note in model.notes]
    out += [f"- Source: {_cite(source)}" for source in model.sources]
    found = model.availability
    if found:
        out.append(f"- Availability: {found.describe()}; {CHECK_FIRST}")
        out += [f"  - Source: {_cite(source)}" for source in found.sources]
    out.append("")
    return out


def _cite(source: Source) -> str:
    return f"<{source.url}> (as of {source.as_of})"


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "-"
    if high is None:
        return f"at least {low:,}"
    return f"{low or 1:,}-{high:,}"


def _count(value: int | None) -> str:
    return f"≤ {value:,} records" if value else "-"


def _bytes(value: int | None) -> str:
    if not value:
        return "-"
    return f"{value // GB:,} GB" if value % GB == 0 else f"{value // MB:,} MB"


if __name__ == "__main__":
    print(render_markdown(), end="")
