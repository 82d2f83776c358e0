"""Generate Bedrock training records from the study content, valid for the chosen model.

A *pool* of distinct records is built once from the concept notes (its size depends on
the content, not on ``count``); every pool record is run through the same checker the
validator uses, and records the model would reject are left out. Records are then
streamed out in shuffled rounds over the pool, so memory stays constant for any count.
With a validation split, validation records come from a held-out part of the pool and
never repeat a training record.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from studykit.datasets.checks import RecordChecker
from studykit.datasets.findings import Finding
from studykit.datasets.formats import SCHEMA_VERSION, FormatSpec
from studykit.datasets.limits import ModelSpec
from studykit.datasets.material import SYSTEM_PROMPT, Exchange, Material
from studykit.errors import StudykitError

DEFAULT_IMAGE_PREFIX = "s3://amzn-s3-demo-bucket/studykit/diagrams/"
Record = dict[str, object]


@dataclass(frozen=True)
class Plan:
    """How many records go where, checked against the model before anything is written."""

    train: int
    validation: int


def build_pool(
    fmt: FormatSpec, model: ModelSpec | None, material: Material, image_prefix: str
) -> list[Record]:
    """Every distinct record the content yields for ``fmt`` that ``model`` accepts, in content order."""
    checker = RecordChecker(fmt, model)
    pool: list[Record] = []
    seen: set[str] = set()
    findings: list[Finding] = []
    for record in _candidates(fmt, material, image_prefix, model):
        key = json.dumps(record, sort_keys=True)
        if key in seen:
            continue
        findings.clear()
        checker.check(record, None, findings)
        if not any(finding.is_error for finding in findings):
            seen.add(key)
            pool.append(record)
    if not pool:
        raise StudykitError(
            f"the study content yields no {fmt.id} record that {model.id if model else 'Bedrock'} accepts",
            hint="add concepts to content/ or choose another format",
        )
    return pool


def plan_counts(count: int, split: float, model: ModelSpec | None, pool_size: int) -> Plan:
    """Split ``count`` into training and validation records, refusing counts the model rejects."""
    if count < 1:
        raise StudykitError("--count must be at least 1")
    validation = round(count * split) if split else 0
    if split and not 1 <= validation < count:
        raise StudykitError(
            f"a {split:g} split of {count} records leaves one side empty", hint="change --count"
        )
    if split and pool_size < 2:
        raise StudykitError("the content yields one distinct record: too few to hold some out for validation")
    plan = Plan(count - validation, validation)
    if model is None:
        return plan
    if validation and not model.validation_set:
        raise StudykitError(f"{model.id} takes no validation set", hint="drop --validation-split")
    bounds = [
        (model.min_records, count, "at least", "training + validation"),
        (model.max_records, count, "at most", "training + validation"),
        (model.max_train_records, plan.train, "at most", "training"),
        (model.max_validation_records, plan.validation, "at most", "validation"),
    ]
    for limit, value, side, what in bounds:
        if limit is not None and (value < limit if side == "at least" else value > limit):
            raise StudykitError(
                f"{model.id} takes {side} {limit:,} {what} records; this would write {value:,}",
                hint="change --count or --validation-split",
            )
    return plan


def split_pool(pool: list[Record], plan: Plan, seed: int) -> tuple[list[Record], list[Record]]:
    """Hold out a share of the distinct records for validation (none shared with training)."""
    if not plan.validation:
        return pool, []
    order = list(range(len(pool)))
    random.Random(f"split:{seed}").shuffle(order)
    held = max(1, min(len(pool) - 1, round(len(pool) * plan.validation / (plan.train + plan.validation))))
    return [pool[i] for i in sorted(order[held:])], [pool[i] for i in sorted(order[:held])]


def stream_records(pool: list[Record], count: int, seed: int) -> Iterator[Record]:
    """``count`` records in shuffled rounds over ``pool``; the same seed gives the same file."""
    rng = random.Random(seed)
    order = list(range(len(pool)))
    emitted = 0
    while emitted < count:
        rng.shuffle(order)
        for index in order[: count - emitted]:
            yield pool[index]
        emitted += min(len(order), count - emitted)


def write_records(
    records: Iterator[Record], stream: TextIO, on_progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Write one JSON line per record; return (records, bytes). Calls ``on_progress`` every 1,000."""
    written = size = 0
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    write = stream.write
    for record in records:
        line = dumps(record) + "\n"
        write(line)
        written += 1
        size += len(line.encode("utf-8")) if not line.isascii() else len(line)
        if on_progress and written % 1000 == 0:
            on_progress(written)
    if on_progress:
        on_progress(written)
    return written, size


def _candidates(
    fmt: FormatSpec, material: Material, image_prefix: str, model: ModelSpec | None
) -> Iterator[Record]:
    if fmt.id == "prompt-completion":
        for exchange in material.exchanges:
            yield {"prompt": exchange.question, "completion": exchange.answer}
    elif fmt.id == "continued-pretraining":
        limit = int(model.max_chars * 0.8) if model and model.max_chars else 8000
        for passage in material.passages:
            for chunk in _chunks(passage, limit):
                yield {"input": chunk}
    elif fmt.id == "nova-continued-pretraining":
        for passage in material.passages:
            for chunk in _chunks(passage, 8000):
                yield {"text": chunk}
    elif fmt.id == "preference":
        exchanges = material.exchanges
        for index, exchange in enumerate(exchanges):
            other = exchanges[(index + 1) % len(exchanges)]
            if other.answer != exchange.answer:
                yield _preference(exchange, other.answer)
    elif fmt.id == "reinforcement":
        for exchange in material.exchanges:
            yield {
                "messages": [
                    {"role": "system", "content": SYSTEM_PROMPT},
                    {"role": "user", "content": exchange.question},
                ],
                "reference_answer": exchange.answer,
            }
    elif fmt.id == "single-turn":
        for exchange in material.exchanges:
            yield _conversation((exchange,))
    elif fmt.id == "multi-turn":
        for dialogue in material.dialogues:
            yield _conversation(dialogue)
    elif fmt.id == "distillation":
        for exchange in material.exchanges:
            yield _conversation((exchange,), prompt_only=True)
    elif fmt.id == "claude-messages":
        for dialogue in (*material.dialogues, *((exchange,) for exchange in material.exchanges)):
            yield {"system": SYSTEM_PROMPT, "messages": _turns(dialogue, blocks=False)}
    elif fmt.id == "image-caption":
        limit = model.max_caption_chars if model and model.max_caption_chars else 1024
        for name, caption in material.captions:
            yield {"image-ref": image_prefix + name, "caption": _clip(caption, limit)}


def _conversation(dialogue: tuple[Exchange, ...], prompt_only: bool = False) -> Record:
    messages = _turns(dialogue, blocks=True)
    return {
        "schemaVersion": SCHEMA_VERSION,
        "system": [{"text": SYSTEM_PROMPT}],
        "messages": messages[:1] if prompt_only else messages,
    }


def _preference(exchange: Exchange, off_topic: str) -> Record:
    """The notes' answer preferred over an answer to another question (a reply that misses the point)."""
    return {
        "system": [{"text": SYSTEM_PROMPT}],
        "messages": [
            {"role": "user", "content": [{"text": exchange.question}]},
            {
                "role": "assistant",
                "candidates": [
                    {"content": [{"text": exchange.answer}], "preferenceLabel": "preferred"},
                    {"content": [{"text": off_topic}], "preferenceLabel": "non-preferred"},
                ],
            },
        ],
    }


def _turns(dialogue: tuple[Exchange, ...], blocks: bool) -> list[dict[str, object]]:
    turns: list[dict[str, object]] = []
    for exchange in dialogue:
        for role, text in (("user", exchange.question), ("assistant", exchange.answer)):
            turns.append({"role": role, "content": [{"text": text}] if blocks else text})
    return turns


def _chunks(text: str, limit: int) -> Iterator[str]:
    """Split prose at sentence ends into pieces of at most ``limit`` characters."""
    if len(text) <= limit:
        yield text
        return
    piece = ""
    for sentence in text.replace(". ", ".\n").split("\n"):
        if piece and len(piece) + 1 + len(sentence) > limit:
            yield piece
            piece = ""
        piece = f"{piece} {sentence}".strip() if piece else sentence[:limit]
    if piece:
        yield piece


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
