import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.cost import estimate_cost
from studykit.datasets.limits import get_model
from studykit.datasets.stats import Distribution, measure_path, require_records
from studykit.errors import StudykitError
from tests.datasets.samples import VALID, jsonl

KEYS = ["prompt", "completion", "input", "messages", "system", "caption", "text"]
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["role", "content", "text"]), children, max_size=3)
    ),
    max_leaves=12,
)


def write(tmp_path, data: bytes):
    path = tmp_path / "d.jsonl"
    path.write_bytes(data)
    return str(path)


def test_distribution_percentiles_are_exact_for_small_values():
    values = Distribution()
    for value in range(1, 101):
        values.add(value)
    assert (values.low, values.percentile(0.5), values.percentile(0.95), values.high) == (1, 50, 95, 100)


def test_distribution_percentiles_stay_within_one_percent_for_large_values():
    values = Distribution()
    for value in range(10_000, 1_010_000, 1000):
        values.add(value)
    assert abs(values.percentile(0.5) - 509_000) / 509_000 < 0.01
    assert sum(count for _, _, count in values.histogram()) == values.count


def test_stats_count_tokens_turns_roles_and_duplicates(tmp_path):
    record = VALID["multi-turn"]
    path = write(tmp_path, jsonl(record, record, VALID["multi-turn"] | {"system": []}) + b"not json\n")
    stats = measure_path(path)
    assert (stats.records, stats.skipped, stats.duplicates) == (3, 1, 1)
    assert stats.roles == {"user": 6, "assistant": 6}
    assert stats.turns.percentile(0.5) == 4 and stats.with_system == 2
    text = sum(len(m["content"][0]["text"]) for m in record["messages"]) + len(record["system"][0]["text"])
    assert stats.tokens.high == -(-text // 6)


def test_stats_split_prompt_and_completion_into_input_and_output(tmp_path):
    stats = measure_path(write(tmp_path, jsonl({"prompt": "a" * 60, "completion": "b" * 12})))
    assert (stats.input_tokens, stats.output_tokens, stats.total_tokens) == (10, 2, 12)


def test_a_system_message_inside_messages_counts_as_a_system_prompt(tmp_path):
    # Reinforcement prompts (and OpenAI chat) carry the system prompt as a "system" message.
    with_system = VALID["reinforcement"]
    without = {**with_system, "messages": with_system["messages"][1:]}
    stats = measure_path(write(tmp_path, jsonl(with_system, without)))
    assert stats.roles["system"] == 1 and stats.with_system == 1


def test_cost_uses_the_sourced_price_and_epochs(tmp_path):
    stats = measure_path(write(tmp_path, jsonl({"prompt": "a" * 6000, "completion": "b" * 6000})))
    estimate = estimate_cost(stats, get_model("nova-micro"), epochs=3)
    assert estimate.billed_tokens == 6000 and estimate.training == pytest.approx(0.006)
    data = estimate.to_json()
    assert data["price_source"]["as_of"] and data["storage_usd_per_month"] == 1.95


def test_cost_without_a_sourced_price_says_so(tmp_path):
    stats = measure_path(write(tmp_path, jsonl(VALID["prompt-completion"])))
    estimate = estimate_cost(stats, get_model("cohere-command"))
    assert estimate.training is None and estimate.epochs == 1 and estimate.epochs_assumed
    assert "Provisioned Throughput" in estimate.serving


def test_cost_uses_the_model_default_epochs_from_its_hyperparameter_page(tmp_path):
    stats = measure_path(write(tmp_path, jsonl(VALID["prompt-completion"])))
    for model_id, default in (("titan-text-lite", 5), ("llama-3-1-8b", 5), ("claude-3-haiku", 2)):
        model = get_model(model_id)
        estimate = estimate_cost(stats, model)
        assert estimate.epochs == default and estimate.billed_tokens == default * stats.total_tokens
        assert any("cm-hp-" in source.url for source in model.sources)


def test_cost_above_an_adjustable_epoch_quota_is_priced_with_a_note(tmp_path):
    stats = measure_path(write(tmp_path, jsonl(VALID["prompt-completion"])))
    estimate = estimate_cost(stats, get_model("llama-3-1-8b"), epochs=12)
    assert estimate.epochs == 12 and "Service Quotas" in estimate.epochs_note
    with pytest.raises(StudykitError, match="1-10 epochs"):
        estimate_cost(stats, get_model("titan-text-express"), epochs=11)


def test_cost_refuses_epochs_outside_the_model_range(tmp_path):
    stats = measure_path(write(tmp_path, jsonl(VALID["single-turn"])))
    with pytest.raises(StudykitError, match="1-5 epochs"):
        estimate_cost(stats, get_model("nova-lite"), epochs=9)


def test_stats_json_names_the_estimator(tmp_path):
    data = measure_path(write(tmp_path, jsonl(VALID["continued-pretraining"]))).to_json()
    assert "6" in data["tokens"]["estimator"] and data["tokens"]["error"]
    json.dumps(data)


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=300) | st.builds(jsonl, st.dictionaries(st.sampled_from(KEYS), VALUES)))
def test_stats_never_raise_anything_but_a_one_line_error_on_arbitrary_bytes(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz-stats.jsonl"
    path.write_bytes(data)
    try:
        stats = measure_path(str(path))
    except StudykitError as error:  # an empty file, for one, is a located one-line error
        assert error.path == str(path) and "\n" not in error.format()
        return
    assert stats.records + stats.skipped <= stats.lines
    if not stats.records:
        with pytest.raises(StudykitError) as caught:
            require_records(stats)
        assert caught.value.exit_code == 2
    json.dumps(stats.to_json())
