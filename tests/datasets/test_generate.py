import io
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.concepts import load_concepts
from studykit.datasets.formats import FORMATS, get_format
from studykit.datasets.generate import (
    DEFAULT_IMAGE_PREFIX,
    build_pool,
    plan_counts,
    split_pool,
    stream_records,
    write_records,
)
from studykit.datasets.limits import MODELS, get_model
from studykit.datasets.material import build_material
from studykit.datasets.validate import validate_stream
from studykit.errors import StudykitError

MATERIAL = build_material(load_concepts())
PAIRS = [(fmt, None) for fmt in FORMATS] + [(fmt, model) for model in MODELS for fmt in MODELS[model].formats]


def generate(format_id: str, model_id: str | None, count: int, seed: int) -> bytes:
    fmt = get_format(format_id)
    model = get_model(model_id) if model_id else None
    pool = build_pool(fmt, model, MATERIAL, DEFAULT_IMAGE_PREFIX)
    plan_counts(count, 0.0, model, len(pool))
    out = io.StringIO()
    write_records(stream_records(pool, count, seed), out)
    return out.getvalue().encode()


@settings(max_examples=25, deadline=None)
@given(pair=st.sampled_from(PAIRS), seed=st.integers(0, 2**32), extra=st.integers(0, 40))
def test_every_generated_dataset_validates_for_every_format_and_model(pair, seed, extra):
    format_id, model_id = pair
    model = get_model(model_id) if model_id else None
    count = (model.min_records or 1) + extra if model else 1 + extra
    data = generate(format_id, model_id, count, seed)
    report = validate_stream(io.BytesIO(data), "gen.jsonl", get_format(format_id), model)
    assert report.valid, [f.format("gen") for f in report.findings[:3]]
    assert report.records == count


def _validate(data: bytes, format_id: str, model, validation_set: bool = False):
    return validate_stream(
        io.BytesIO(data), "gen.jsonl", get_format(format_id), model, validation_set=validation_set
    )


@pytest.mark.parametrize(("format_id", "model_id"), PAIRS, ids=[f"{f}-{m}" for f, m in PAIRS])
def test_each_format_and_model_pair_generates_training_and_validation_files_that_validate(
    format_id, model_id
):
    model = get_model(model_id) if model_id else None
    split = 0.25 if model is None or model.validation_set else 0.0
    count = 2 * (model.min_records or 10) if model else 40
    pool = build_pool(get_format(format_id), model, MATERIAL, DEFAULT_IMAGE_PREFIX)
    plan = plan_counts(count, split, model, len(pool))
    train, validation = split_pool(pool, plan, 11)
    for records, wanted, is_validation in ((train, plan.train, False), (validation, plan.validation, True)):
        if not wanted:
            continue
        out = io.StringIO()
        write_records(stream_records(records, wanted, 11), out)
        report = _validate(out.getvalue().encode(), format_id, model, is_validation)
        assert report.valid, [f.format("gen") for f in report.findings[:3]]
        assert report.records == wanted and report.warnings == report.duplicates
    assert plan.train + plan.validation == count


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_generated_records_are_built_from_the_concept_notes(format_id):
    text = generate(format_id, None, 200, 7).decode()
    titles = [concept.title for concept in load_concepts()]
    assert sum(title in text for title in titles) >= min(3, len(titles))


def test_the_same_seed_gives_the_same_file_and_another_seed_another_order():
    assert generate("single-turn", "nova-micro", 50, 3) == generate("single-turn", "nova-micro", 50, 3)
    assert generate("single-turn", "nova-micro", 50, 3) != generate("single-turn", "nova-micro", 50, 4)


def test_records_are_streamed_lazily_whatever_the_count():
    pool = build_pool(get_format("prompt-completion"), None, MATERIAL, DEFAULT_IMAGE_PREFIX)
    first = list(itertools.islice(stream_records(pool, 10**12, 1), 3))
    assert len(first) == 3


def test_a_full_round_uses_every_distinct_record_once():
    pool = build_pool(get_format("prompt-completion"), None, MATERIAL, DEFAULT_IMAGE_PREFIX)
    records = list(stream_records(pool, len(pool), 5))
    assert sorted(map(json.dumps, records)) == sorted(map(json.dumps, pool))


def test_validation_records_never_repeat_training_records():
    pool = build_pool(get_format("multi-turn"), None, MATERIAL, DEFAULT_IMAGE_PREFIX)
    plan = plan_counts(100, 0.2, get_model("nova-lite"), len(pool))
    train, validation = split_pool(pool, plan, 9)
    assert (plan.train, plan.validation) == (80, 20)
    assert validation and not {json.dumps(r) for r in train} & {json.dumps(r) for r in validation}


def test_counts_outside_the_model_bounds_are_refused_with_the_limit():
    with pytest.raises(StudykitError, match="at least 8"):
        plan_counts(5, 0.0, get_model("nova-micro"), 10)
    with pytest.raises(StudykitError, match="no validation set"):
        plan_counts(300, 0.1, get_model("nova-2-lite"), 10)
    with pytest.raises(StudykitError, match="at most 1,000 validation"):
        plan_counts(10_000, 0.2, get_model("claude-3-haiku"), 10)
