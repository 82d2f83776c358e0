"""Generate Bedrock training records from the study content, valid for the chosen model.

A :class:`~studykit.datasets.catalogue.Catalogue` numbers every distinct record the concept
notes and the question pool yield for a format (:mod:`studykit.datasets.record_items`); its
capacity is counted, not built. Items the model would flag with the validator's own rules (a
reserved word, a length limit, even a warning) are left out (:mod:`studykit.datasets.admission`),
so every record written passes ``validate`` cleanly. Records are then built one at a time
as they are written, so memory stays constant for any count. With a validation split,
validation records come from questions and concepts held out of training.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from studykit.datasets.admission import Admission
from studykit.datasets.catalogue import Catalogue, Record
from studykit.datasets.formats import FormatSpec
from studykit.datasets.limits import ModelSpec
from studykit.datasets.material import Material
from studykit.datasets.record_items import catalogue_for
from studykit.errors import StudykitError

DEFAULT_IMAGE_PREFIX = "s3://amzn-s3-demo-bucket/studykit/diagrams/"
WRITE_CHARS = 16_384
"""Lines are written in batches of about this many characters: far fewer calls than one a line,
and memory that does not grow with the length of the file."""
PROGRESS_EVERY = 1000

__all__ = [
    "DEFAULT_IMAGE_PREFIX",
    "Plan",
    "Record",
    "build_catalogue",
    "content_capacities",
    "plan_counts",
    "split_catalogue",
    "write_lines",
    "write_records",
]


@dataclass(frozen=True)
class Plan:
    """How many records go where, checked against the model before anything is written."""

    train: int
    validation: int


def build_catalogue(
    fmt: FormatSpec, model: ModelSpec | None, material: Material, image_prefix: str
) -> Catalogue:
    """Every distinct record of ``fmt`` the material yields that ``model`` takes without a finding."""
    catalogue = Admission(fmt, model, catalogue_for(fmt.id, material, image_prefix, model)).admitted()
    if not catalogue.capacity:
        raise StudykitError(
            f"the study content yields no {fmt.id} record that {model.id if model else 'Bedrock'} accepts",
            hint="add concepts to content/ or choose another format",
        )
    return catalogue


def content_capacities(format_ids: Iterable[str]) -> dict[str, int]:
    """How many distinct records of each format the shipped content yields (no model's limits applied)."""
    from studykit.datasets.formats import get_format
    from studykit.datasets.material import load_material

    material = load_material()
    return {
        format_id: build_catalogue(get_format(format_id), None, material, DEFAULT_IMAGE_PREFIX).capacity
        for format_id in format_ids
    }


def plan_counts(count: int, split: float, model: ModelSpec | None, groups: int) -> Plan:
    """Split ``count`` into training and validation records, refusing counts the model rejects.

    ``groups`` is how many questions and concepts the records come from: a validation set
    needs at least two (one held out, one for training).
    """
    if count < 1:
        raise StudykitError("--count must be at least 1")
    validation = round(count * split) if split else 0
    if split and not 1 <= validation < count:
        raise StudykitError(
            f"a {split:g} split of {count} records leaves one side empty", hint="change --count"
        )
    if split and groups < 2:
        raise StudykitError(
            "the content yields records on one topic: too few to hold some out for validation"
        )
    plan = Plan(count - validation, validation)
    if model is None:
        return plan
    if validation and not model.validation_set:
        raise StudykitError(f"{model.id} takes no validation set", hint="drop --validation-split")
    # 'dataset validate' checks a training file on its own against the minimum, so the
    # training file alone must reach it for the pair to pass.
    bounds = [
        (model.min_records, count, "at least", "training + validation"),
        (model.min_records, plan.train, "at least", "in the training file"),
        (model.max_records, count, "at most", "training + validation"),
        (model.max_train_records, plan.train, "at most", "training"),
        (model.max_validation_records, plan.validation, "at most", "validation"),
    ]
    for limit, value, side, what in bounds:
        if limit is not None and (value < limit if side == "at least" else value > limit):
            raise StudykitError(
                f"{model.id} takes {side} {limit:,} {_records(what)}; this would write {value:,}",
                hint="change --count or --validation-split",
            )
    return plan


def _records(what: str) -> str:
    """``training records``, ``records in the training file``."""
    return f"records {what}" if what.startswith("in ") else f"{what} records"


def split_catalogue(catalogue: Catalogue, plan: Plan, seed: int) -> tuple[Catalogue, Catalogue]:
    """(training, validation): whole questions and concepts held out in proportion to the plan."""
    if not plan.validation:
        return catalogue, catalogue.keep(())
    return catalogue.split(plan.validation / (plan.train + plan.validation), seed)


def write_records(
    records: Iterable[Record], stream: TextIO, on_progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Write one JSON line per record; return (records, bytes). Calls ``on_progress`` every 1,000."""
    return write_lines(map(json.JSONEncoder(ensure_ascii=False).encode, records), stream, on_progress)


def write_lines(
    lines: Iterable[str], stream: TextIO, on_progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Write records already in JSON text (:meth:`Catalogue.lines`), one a line; as :func:`write_records`.

    Lines go out in batches of about :data:`WRITE_CHARS` characters, one write and one byte
    count per batch.
    """
    written = size = pending = 0
    batch: list[str] = []
    for text in lines:
        batch.append(text)
        pending += len(text)
        if pending >= WRITE_CHARS or (written + len(batch)) % PROGRESS_EVERY == 0:
            size += _write_batch(batch, stream)
            written += len(batch)
            batch.clear()
            pending = 0
            if on_progress and written % PROGRESS_EVERY == 0:
                on_progress(written)
    if batch:
        size += _write_batch(batch, stream)
        written += len(batch)
    if on_progress:
        on_progress(written)
    return written, size


def _write_batch(lines: list[str], stream: TextIO) -> int:
    """Write ``lines`` with a newline after each; the bytes they take in UTF-8."""
    chunk = "\n".join(lines) + "\n"
    stream.write(chunk)
    return len(chunk) if chunk.isascii() else len(chunk.encode("utf-8"))
