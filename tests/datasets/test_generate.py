import io
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.concepts import load_concepts
from studykit.datasets.formats import FORMATS, get_format
from studykit.datasets.generate import plan_counts, split_catalogue, write_lines, write_records
from studykit.datasets.limits import MODELS, get_model
from studykit.datasets.validate import validate_stream
from studykit.errors import StudykitError
from tests.datasets.samples import catalogue, shipped_material

PAIRS = [(fmt, None) for fmt in FORMATS] + [(fmt, model) for model in MODELS for fmt in MODELS[model].formats]


def generate(format_id: str, model_id: str | None, count: int, seed: int) -> bytes:
    found = catalogue(format_id, model_id)
    plan_counts(count, 0.0, get_model(model_id) if model_id else None, found.groups)
    out = io.StringIO()
    write_lines(found.lines(count, seed), out)  # as ``dataset generate`` writes them
    return out.getvalue().encode()


def _validate(data: bytes, format_id: str | None, model, validation_set: bool = False):
    fmt = get_format(format_id) if format_id else None
    return validate_stream(io.BytesIO(data), "gen.jsonl", fmt, model, validation_set=validation_set)


@settings(max_examples=25, deadline=None)
@given(pair=st.sampled_from(PAIRS), seed=st.integers(0, 2**32), extra=st.integers(0, 40))
def test_every_generated_dataset_validates_for_every_format_and_model(pair, seed, extra):
    format_id, model_id = pair
    model = get_model(model_id) if model_id else None
    count = (model.min_records or 1) + extra if model else 1 + extra
    data = generate(format_id, model_id, count, seed)
    report = _validate(data, format_id, model)
    assert report.valid, [f.format("gen") for f in report.findings[:3]]
    # Only a count over the capacity repeats records (Titan Multimodal Embeddings needs 1,000 captions).
    repeats = max(0, count - catalogue(format_id, model_id).capacity)
    assert report.records == count and report.warnings == report.duplicates == repeats


@settings(max_examples=40, deadline=None)
@given(pair=st.sampled_from(PAIRS), seed=st.integers(0, 2**32), count=st.integers(0, 1500))
def test_the_lines_written_are_the_records_streamed_in_json(pair, seed, count):
    found = catalogue(*pair)
    expected = [json.dumps(record, ensure_ascii=False) for record in found.stream(count, seed)]
    assert list(found.lines(count, seed)) == expected
    by_records, by_lines = io.StringIO(), io.StringIO()
    ticks: list[int] = []
    assert write_records(found.stream(count, seed), by_records) == write_lines(
        found.lines(count, seed), by_lines, ticks.append
    )
    assert by_lines.getvalue() == by_records.getvalue() == "".join(line + "\n" for line in expected)
    assert len(by_lines.getvalue().encode()) == write_lines(iter(expected), io.StringIO())[1]
    assert ticks == [*range(1000, count + 1, 1000), count]


@pytest.mark.parametrize(("format_id", "model_id"), PAIRS, ids=[f"{f}-{m}" for f, m in PAIRS])
def test_each_format_and_model_pair_generates_training_and_validation_files_that_validate(
    format_id, model_id
):
    model = get_model(model_id) if model_id else None
    split = 0.25 if model is None or model.validation_set else 0.0
    count = 2 * (model.min_records or 10) if model else 40
    found = catalogue(format_id, model_id)
    plan = plan_counts(count, split, model, found.groups)
    train, held_out = split_catalogue(found, plan, 11)
    for part, wanted, is_validation in ((train, plan.train, False), (held_out, plan.validation, True)):
        if not wanted:
            continue
        out = io.StringIO()
        write_records(part.stream(wanted, 11), out)
        report = _validate(out.getvalue().encode(), None, model, is_validation)
        assert report.valid, [f.format("gen") for f in report.findings[:3]]
        assert report.format_id == format_id
        # The only note: a model whose customization the sources no longer confirm says so, once.
        flagged = 1 if model and model.availability else 0
        assert report.records == wanted and report.notes == report.counts["model-availability"] == flagged
        # Titan Multimodal Embeddings needs 1,000 records: more than the image captions, so they repeat.
        repeats = max(0, wanted - part.capacity)
        assert report.warnings == report.duplicates == repeats
    assert plan.train + plan.validation == count


# Nova takes at most 20,000 records per customization job
# (https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html),
# reinforcement fine-tuning 100-20,000 (https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data.html),
# and the prompt/completion models 10,000 by default: the content must fill each job with distinct records.
LARGEST = [
    ("single-turn", "nova-micro", 20_000),
    ("multi-turn", "nova-lite", 20_000),
    ("distillation", "nova-pro", 20_000),
    ("preference", "nova-micro", 20_000),
    ("reinforcement", "nova-2-lite", 20_000),
    ("claude-messages", None, 20_000),
    ("prompt-completion", "llama-3-1-8b", 10_000),
]


@pytest.mark.parametrize(("format_id", "model_id", "count"), LARGEST, ids=[f for f, _, _ in LARGEST])
def test_the_largest_dataset_a_model_takes_is_distinct_and_validates_without_a_warning(
    format_id, model_id, count
):
    assert catalogue(format_id, model_id).capacity >= count
    data = generate(format_id, model_id, count, 20)
    report = _validate(data, None, get_model(model_id) if model_id else None)
    assert report.valid and report.format_id == format_id, [f.format("gen") for f in report.findings[:3]]
    assert (report.records, report.warnings, report.duplicates, report.notes) == (count, 0, 0, 0)


@pytest.mark.parametrize("format_id", ["prompt-completion", "reinforcement", "distillation"])
def test_every_record_of_the_whole_capacity_is_distinct(format_id):
    found = catalogue(format_id)
    lines = {json.dumps(record, sort_keys=True) for record in found.stream(found.capacity, 4)}
    assert len(lines) == found.capacity


def test_capacity_is_counted_from_the_structure_and_matches_the_records_streamed():
    found = catalogue("reinforcement")
    per_item = len(found.systems) * len(found.openers)
    assert found.capacity == sum(item.size() * per_item for item in found.items)
    assert sum(1 for _ in found.stream(found.capacity, 9)) == found.capacity


def test_capacity_grows_with_the_content():
    from studykit.datasets.generate import DEFAULT_IMAGE_PREFIX, build_catalogue
    from studykit.datasets.material import build_material
    from studykit.questions.pool import question_pool

    concepts = load_concepts()
    fewer = build_material(concepts, question_pool()[:100])
    small = build_catalogue(get_format("single-turn"), None, fewer, DEFAULT_IMAGE_PREFIX)
    assert small.capacity < catalogue("single-turn").capacity


def test_a_small_file_draws_every_record_from_a_different_item():
    found = catalogue("multi-turn", "nova-lite")
    first = list(found.stream(len(found.items), 2))
    openings = {json.dumps(record["messages"][:2]) for record in first}
    # Each item once; a few share their first exchange with another item of the same concept.
    assert len({json.dumps(record) for record in first}) == len(found.items)
    assert len(openings) >= len(found.items) // 10


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_generated_records_are_built_from_the_concept_notes_and_the_questions(format_id):
    text = generate(format_id, None, 200, 7).decode()
    titles = [concept.title for concept in load_concepts()]
    assert sum(title in text for title in titles) >= min(3, len(titles)) or format_id in (
        "preference",
        "reinforcement",
    )
    if format_id in ("preference", "reinforcement", "multi-turn"):
        stems = [turns.stem for turns in shipped_material().quiz]
        assert sum(stem[:60] in text for stem in stems) >= 3


def test_the_same_seed_gives_the_same_file_and_another_seed_another_order():
    assert generate("single-turn", "nova-micro", 50, 3) == generate("single-turn", "nova-micro", 50, 3)
    assert generate("single-turn", "nova-micro", 50, 3) != generate("single-turn", "nova-micro", 50, 4)


def test_records_are_streamed_lazily_whatever_the_count():
    first = list(itertools.islice(catalogue("prompt-completion").stream(10**12, 1), 3))
    assert len(first) == 3


def test_past_the_capacity_records_repeat_only_after_every_one_was_given():
    found = catalogue("image-caption")
    records = [json.dumps(record) for record in found.stream(found.capacity + 5, 5)]
    assert len(set(records[: found.capacity])) == found.capacity
    assert set(records[found.capacity :]) <= set(records[: found.capacity])


def test_validation_records_come_from_questions_and_concepts_held_out_of_training():
    found = catalogue("multi-turn")
    plan = plan_counts(100, 0.2, get_model("nova-lite"), found.groups)
    train, held_out = split_catalogue(found, plan, 9)
    assert (plan.train, plan.validation) == (80, 20)
    assert held_out.capacity and train.capacity + held_out.capacity == found.capacity
    assert not {item.group for item in train.items} & {item.group for item in held_out.items}
    assert 0.1 < held_out.capacity / found.capacity < 0.4


def test_counts_outside_the_model_bounds_are_refused_with_the_limit():
    with pytest.raises(StudykitError, match="at least 8"):
        plan_counts(5, 0.0, get_model("nova-micro"), 10)
    with pytest.raises(StudykitError, match="no validation set"):
        plan_counts(300, 0.1, get_model("nova-2-lite"), 10)
    with pytest.raises(StudykitError, match="at most 1,000 validation"):
        plan_counts(10_000, 0.2, get_model("claude-3-haiku"), 10)


def test_a_split_leaves_the_training_file_the_models_minimum_so_it_validates():
    # validate checks a training file on its own against the model's minimum record count.
    llama = get_model("llama-3-2-1b")
    with pytest.raises(StudykitError, match="at least 100 records in the training file") as caught:
        plan_counts(100, 0.1, llama, 10)
    assert "this would write 90" in caught.value.message
    assert plan_counts(112, 0.1, llama, 10).train >= 100
