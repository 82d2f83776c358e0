"""Properties of the validator: it never raises, and it catches each mutation on its line."""

import copy
import io
import json

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from studykit.datasets.formats import get_format
from studykit.datasets.limits import MODELS, get_model
from studykit.datasets.validate import validate_stream
from tests.datasets.samples import MODEL_FOR, VALID, generated, jsonl

FORMAT_IDS = sorted(VALID)


def _texts(record: object, path: tuple = ()):
    """Every (path, text) in a record, for mutations that target text."""
    if isinstance(record, dict):
        for key, value in record.items():
            if key in ("schemaVersion", "role", "image-ref", "preferenceLabel"):
                continue
            if key == "reference_answer" and isinstance(value, dict):
                continue  # an object reference answer is the grader's to read: any values go
            yield from _texts(value, (*path, key))
    elif isinstance(record, list):
        for index, value in enumerate(record):
            yield from _texts(value, (*path, index))
    elif isinstance(record, str):
        yield path, record


def _set(record: dict, path: tuple, value: object) -> None:
    target = record
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def over_limit_chars(model) -> int | None:
    """A text length that breaks one of ``model``'s per-record limits, or None when it publishes none."""
    limits = [
        model.max_chars,
        model.max_caption_chars,
        model.max_prompt_tokens and model.max_prompt_tokens * 6,
        model.max_completion_tokens and model.max_completion_tokens * 6,
    ]
    limits = [limit for limit in limits if limit]
    return max(limits) + 1 if limits else None


def mutate(record: dict, kind: str, pick: int, format_id: str, model=None) -> tuple[bytes, set[str]]:
    """One mutation of a valid record and the finding codes that may report it.

    ``over-limit`` needs a ``model`` with a published length limit; without one, and for
    ``swap-roles`` on a record with fewer than two messages, and ``empty-text`` on a caption the
    model allows to be empty (Titan Multimodal Embeddings: 0 characters), the mutation breaks the JSON.
    """
    record = copy.deepcopy(record)
    fmt = get_format(format_id)
    texts = list(_texts(record))
    path, _ = texts[pick % len(texts)]
    if kind == "drop-key":
        del record[fmt.required[pick % len(fmt.required)]]
        return json.dumps(record).encode(), {"missing-key"}
    if kind == "wrong-type":
        _set(record, path, pick)
        return json.dumps(record).encode(), {"wrong-type"}
    empty_caption_allowed = path[-1] == "caption" and model is not None and model.min_caption_chars == 0
    if kind == "empty-text" and not empty_caption_allowed:
        _set(record, path, "")
        return json.dumps(record).encode(), {"empty-text", "caption-length"}
    if kind == "over-limit" and model is not None and over_limit_chars(model):
        _set(record, path, "a" * over_limit_chars(model))
        return json.dumps(record).encode(), {"over-limit", "caption-length"}
    if kind == "extra-key" and format_id != "reinforcement":  # reinforcement passes extra keys on
        record["notes"] = "extra"
        return json.dumps(record).encode(), {"unknown-key"}
    if kind == "swap-roles" and fmt.is_conversation and len(record["messages"]) >= 2:
        messages = record["messages"]
        messages[0]["role"], messages[1]["role"] = messages[1]["role"], messages[0]["role"]
        return json.dumps(record).encode(), {"first-role"}
    text = json.dumps(record)
    return text[: max(1, pick % len(text))].encode() + b"}}", {"invalid-json"}


LIMITED_MODEL = {
    **MODEL_FOR,
    "single-turn": "llama-3-2-1b",
    "multi-turn": "llama-3-3-70b",
    "distillation": None,
}
"""A model with a published record limit for each format (Nova publishes none)."""

KINDS = ("drop-key", "wrong-type", "empty-text", "over-limit", "extra-key", "swap-roles", "broken-json")


@settings(max_examples=120, deadline=None)
@given(
    format_id=st.sampled_from(FORMAT_IDS),
    kind=st.sampled_from(KINDS),
    pick=st.integers(min_value=0, max_value=10_000),
    size=st.integers(min_value=1, max_value=12),
    position=st.integers(min_value=0, max_value=11),
)
def test_each_single_mutation_is_caught_on_its_line(format_id, kind, pick, size, position):
    model_id = LIMITED_MODEL[format_id] if kind == "over-limit" else MODEL_FOR[format_id]
    model_id = model_id or MODEL_FOR[format_id]
    model = get_model(model_id) if model_id else None
    valid = VALID[format_id]
    lines = [json.dumps(valid).encode() for _ in range(size)]
    line_index = position % size
    lines[line_index], expected = mutate(valid, kind, pick, format_id, model)
    data = b"\n".join(lines) + b"\n"
    report = validate_stream(io.BytesIO(data), "m.jsonl", get_format(format_id), model, max_findings=10_000)
    on_line = {finding.code for finding in report.findings if finding.line == line_index + 1}
    assert on_line & expected, (kind, on_line)
    elsewhere = {f.code for f in report.findings if f.line not in (None, line_index + 1) and f.is_error}
    assert not elsewhere


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400), format_id=st.sampled_from([None, *FORMAT_IDS]))
# A blank CRLF line: one note (CRLF) and one error (blank line); notes are findings too.
@example(data=b"\r\n", format_id=None)
def test_the_validator_never_raises_on_arbitrary_bytes(data, format_id):
    fmt = get_format(format_id) if format_id else None
    model = get_model(MODEL_FOR[format_id]) if format_id and MODEL_FOR[format_id] else None
    report = validate_stream(io.BytesIO(data), "fuzz.jsonl", fmt, model)
    assert report.errors + report.warnings + report.notes >= len(report.findings)
    assert report.to_json()["findings_omitted"] >= 0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    record=st.dictionaries(
        st.sampled_from(
            [
                "prompt",
                "completion",
                "input",
                "messages",
                "system",
                "schemaVersion",
                "image-ref",
                "caption",
                "x",
            ]
        ),
        JSON_VALUES,
        max_size=5,
    ),
    format_id=st.sampled_from([None, *FORMAT_IDS]),
)
def test_the_validator_never_raises_on_arbitrary_json_records(record, format_id):
    fmt = get_format(format_id) if format_id else None
    model = get_model(MODEL_FOR[format_id]) if format_id and MODEL_FOR[format_id] else None
    validate_stream(io.BytesIO(jsonl(record)), "fuzz.jsonl", fmt, model)


def generated_pool(format_id: str, model_id: str) -> tuple[dict, ...]:
    """A few hundred distinct records the generator makes for this pair (each one valid for the model)."""
    return generated(format_id, model_id)


MODEL_PAIRS = [(fmt, model) for model in MODELS for fmt in MODELS[model].formats]


@settings(max_examples=150, deadline=None)
@given(
    pair=st.sampled_from(MODEL_PAIRS),
    index=st.integers(min_value=0, max_value=10_000),
    kind=st.sampled_from(KINDS),
    pick=st.integers(min_value=0, max_value=10_000),
    size=st.integers(min_value=1, max_value=8),
    position=st.integers(min_value=0, max_value=7),
)
def test_each_single_mutation_of_a_generated_record_is_caught_on_its_line_for_every_model(
    pair, index, kind, pick, size, position
):
    format_id, model_id = pair
    model = get_model(model_id)
    assume(not (kind == "empty-text" and format_id == "image-caption" and model.min_caption_chars == 0))
    pool = generated_pool(format_id, model_id)
    lines = [json.dumps(pool[(index + offset) % len(pool)]).encode() for offset in range(size)]
    line_index = position % size
    valid = pool[(index + line_index) % len(pool)]
    lines[line_index], expected = mutate(valid, kind, pick, format_id, model)
    data = b"\n".join(lines) + b"\n"
    report = validate_stream(io.BytesIO(data), "m.jsonl", get_format(format_id), model, max_findings=10_000)
    on_line = {finding.code for finding in report.findings if finding.line == line_index + 1}
    assert on_line & expected, (kind, on_line)
    elsewhere = {f.code for f in report.findings if f.line not in (None, line_index + 1) and f.is_error}
    assert not elsewhere


class _NoFastPath:
    """Stands in for FastCheck: every line goes through the strict parse and the full checker."""

    def __init__(self, fmt, model) -> None:
        self.messages = 0

    def clean_chars(self, data: bytes) -> None:
        return None


def _summary(report) -> tuple:
    return (
        report.format_id,
        report.records,
        report.lines,
        report.bytes,
        dict(report.counts),
        report.findings,
    )


@settings(max_examples=120, deadline=None)
@given(
    format_id=st.sampled_from(FORMAT_IDS),
    detect=st.booleans(),
    kinds=st.lists(st.sampled_from((None, *KINDS)), min_size=1, max_size=6),
    endings=st.lists(st.sampled_from([b"\n", b"\r\n", b"\r", b""]), min_size=6, max_size=6),
    pick=st.integers(min_value=0, max_value=10_000),
)
def test_the_fast_path_and_the_strict_path_give_the_same_report_whatever_the_line_endings(
    format_id, detect, kinds, endings, pick
):
    import studykit.datasets.validate as validate_module

    model = get_model(MODEL_FOR[format_id]) if MODEL_FOR[format_id] else None
    lines = []
    for number, kind in enumerate(kinds):
        if kind is None:
            record = json.loads(json.dumps(VALID[format_id]))
            lines.append(json.dumps(record).encode())
        else:
            lines.append(mutate(VALID[format_id], kind, pick + number, format_id, model)[0])
    data = b"".join(line + ending for line, ending in zip(lines, endings, strict=False))
    fmt = None if detect else get_format(format_id)
    fast = validate_stream(io.BytesIO(data), "e.jsonl", fmt, model, max_findings=10_000)
    real = validate_module.FastCheck
    validate_module.FastCheck = _NoFastPath
    try:
        strict = validate_stream(io.BytesIO(data), "e.jsonl", fmt, model, max_findings=10_000)
    finally:
        validate_module.FastCheck = real
    assert _summary(fast) == _summary(strict)
