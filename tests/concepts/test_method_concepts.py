"""Behaviour checks of the customization-method and data-format concepts."""

from __future__ import annotations

import json
import re
from itertools import pairwise

import pytest

from studykit.concepts import load_concepts
from studykit.concepts.presets import load_presets
from studykit.resources import content_dir
from tests.concept_groups import METHOD_IDS

CONVERSATION_IDS = (
    "single-turn-messaging",
    "multi-turn-messaging",
    "conversation-record-format",
    "distillation",
)

QUOTED_KEY = re.compile(r'"([A-Za-z_][\w-]*)"\s*:')


@pytest.fixture(scope="module")
def concepts():
    return load_concepts()


def example_of(concepts, concept_id):
    return json.loads(concepts.get(concept_id).attributes["example_record"])


def keys_anywhere(value):
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_anywhere(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_anywhere(item)}
    return set()


JSON_SHAPED_IDS = tuple(
    cid
    for cid in METHOD_IDS
    if str(load_concepts().get(cid).attributes.get("data_format", "")).startswith("{")
)


@pytest.mark.parametrize("concept_id", JSON_SHAPED_IDS)
def test_example_record_has_the_shape_its_data_format_describes(concepts, concept_id):
    concept = concepts.get(concept_id)
    format_keys = set(QUOTED_KEY.findall(str(concept.attributes["data_format"])))
    example = example_of(concepts, concept_id)
    assert isinstance(example, dict)
    assert set(example) <= format_keys, f"example keys outside the format: {set(example) - format_keys}"
    assert format_keys <= keys_anywhere(example), (
        f"format keys missing: {format_keys - keys_anywhere(example)}"
    )


@pytest.mark.parametrize("concept_id", CONVERSATION_IDS)
def test_conversation_examples_use_the_current_bedrock_schema(concepts, concept_id):
    record = example_of(concepts, concept_id)
    assert record["schemaVersion"] == "bedrock-conversation-2024"
    assert all(set(block) == {"text"} and isinstance(block["text"], str) for block in record["system"])
    roles = [message["role"] for message in record["messages"]]
    assert roles[0] == "user" and set(roles) <= {"user", "assistant"}
    assert all(first != second for first, second in pairwise(roles)), roles
    for message in record["messages"]:
        assert isinstance(message["content"], list) and message["content"]
        assert all(isinstance(block, dict) and set(block) & {"text", "image"} for block in message["content"])


def test_single_turn_has_one_exchange_and_multi_turn_several(concepts):
    assert len(example_of(concepts, "single-turn-messaging")["messages"]) == 2
    multi = example_of(concepts, "multi-turn-messaging")["messages"]
    assert len(multi) >= 4 and multi[-1]["role"] == "assistant"


def test_distillation_prompts_carry_no_answer(concepts):
    roles = [message["role"] for message in example_of(concepts, "distillation")["messages"]]
    assert roles == ["user"]


@pytest.mark.parametrize("concept_id", METHOD_IDS)
def test_corrections_quote_the_old_claim_and_cite_aws(concepts, concept_id):
    for fact in concepts.get(concept_id).facts:
        if fact.kind == "correction":
            assert fact.seed_said or fact.often_taught
            assert fact.source.startswith("https://"), "a correction must cite the current documentation"


@pytest.mark.parametrize("concept_id", METHOD_IDS)
def test_quota_facts_carry_the_date_they_were_read(concepts, concept_id):
    for fact in concepts.get(concept_id).facts:
        if fact.kind in ("price", "quota"):
            assert fact.as_of is not None and fact.as_of >= "2026-11-23", fact.text


def test_seed_multi_turn_example_really_is_invalid_json(concepts):
    correction = next(
        fact
        for fact in concepts.get("conversation-record-format").facts
        if fact.kind == "correction" and "comma" in fact.text
    )
    with pytest.raises(json.JSONDecodeError):
        json.loads(correction.seed_said)


def test_seed_single_turn_shape_is_the_plain_string_variant(concepts):
    correction = next(
        fact for fact in concepts.get("single-turn-messaging").facts if fact.kind == "correction"
    )
    seed_record = json.loads(correction.seed_said)
    assert "schemaVersion" not in seed_record
    assert isinstance(seed_record["system"], str)
    assert "Claude 3 Haiku" in correction.text


def test_continued_pre_training_teaches_titan_input_and_nova_text_records(concepts):
    concept = concepts.get("continued-pre-training")
    assert set(json.loads(concept.attributes["example_record"])) == {"input"}
    assert any('{"text"' in fact.text and "Nova" in fact.text for fact in concept.facts)


def test_sibling_methods_never_share_a_training_data_value(concepts):
    """Generated questions use same-category siblings as distractors: no distractor may also be true."""
    seen = {}
    for concept in concepts:
        value = concept.attributes.get("training_data")
        if concept.category == "method" and value is not None:
            assert value not in seen, f"{concept.id} and {seen[value]} both use {value} data"
            seen[value] = concept.id


def test_labeled_and_unlabeled_methods_are_told_apart(concepts):
    assert concepts.get("instruction-fine-tuning").attributes["training_data"] == "labeled"
    assert concepts.get("continued-pre-training").attributes["training_data"] == "unlabeled"
    assert concepts.get("distillation").attributes["training_data"] == "prompts-only"
    assert "fine-tuning" in concepts.get("transfer-learning").attributes["scope"]


def test_seed_tables_can_be_rebuilt_from_presets(concepts):
    presets = load_presets(content_dir(), concepts)
    types = presets["fine-tuning-types"]
    assert [concept.id for concept in types.concepts] == [
        "instruction-fine-tuning",
        "continued-pre-training",
        "single-turn-messaging",
        "multi-turn-messaging",
    ]
    assert types.attributes == ("definition", "training_data", "data_format", "use_cases")
    assert any(note.seed_said for note in types.notes)
    transfer = presets["transfer-vs-fine-tuning"]
    assert transfer.attributes == ("definition", "scope", "examples", "data_usage")


def test_more_epochs_are_taught_to_cost_more(concepts):
    facts = " ".join(fact.text for fact in concepts.get("hyperparameters").facts)
    assert "epochs" in facts and "cost more" in facts
