"""Behaviour checks of the Bedrock platform, cost, process and security concepts."""

from __future__ import annotations

import json
import re

import pytest

from studykit.concepts import load_concepts
from studykit.resources import content_dir
from studykit.yamlfile import load_yaml
from tests.concept_groups import PLATFORM_IDS, USE_CASE_IDS

DOLLAR_AMOUNT = re.compile(r"\$\s?\d")


@pytest.fixture(scope="module")
def concepts():
    return load_concepts()


@pytest.mark.parametrize("concept_id", PLATFORM_IDS)
def test_price_and_quota_facts_carry_the_date_they_were_read(concepts, concept_id):
    for fact in concepts.get(concept_id).facts:
        if fact.kind in ("price", "quota"):
            assert fact.as_of is not None and fact.as_of >= "2026-11-23", fact.text


def test_no_price_fact_invents_a_dollar_amount(concepts):
    """Exact prices could not be confirmed in the stored docs: only the pricing model is taught."""
    for concept_id in PLATFORM_IDS:
        for fact in concepts.get(concept_id).facts:
            if fact.kind == "price":
                assert not DOLLAR_AMOUNT.search(fact.text), fact.text


def test_provisioned_throughput_teaches_the_exam_answer_and_the_on_demand_correction(concepts):
    concept = concepts.get("provisioned-throughput")
    corrections = [fact for fact in concept.facts if fact.kind == "correction"]
    on_demand = [fact for fact in corrections if "on-demand" in fact.text]
    assert on_demand, "the 2025 on-demand deployment of custom models must be taught"
    assert "no on-demand" in on_demand[0].seed_said.lower()
    assert "2025-07-16" in on_demand[0].text
    assert any("Provisioned Throughput" in fact.text for fact in concept.facts if fact.kind == "fact")
    assert any("exam" in tip.lower() and "Provisioned Throughput" in tip for tip in concept.exam_tips)


def test_provisioned_throughput_corrects_the_training_versus_inference_mix_up(concepts):
    concept = concepts.get("provisioned-throughput")
    training = [fact for fact in concept.facts if fact.kind == "correction" and "fine tune" in fact.seed_said]
    assert training
    assert "inference" in training[0].text and "not for training" in training[0].text


def test_training_costs_teach_the_pricing_model(concepts):
    text = " ".join(fact.text for fact in concepts.get("training-costs").facts).lower()
    assert "epochs" in text and "1,000 tokens" in text
    assert "storage" in text and "month" in text


def test_model_evaluation_covers_the_exam_metrics_and_human_evaluation(concepts):
    concept = concepts.get("model-evaluation")
    taught = " ".join([fact.text for fact in concept.facts] + list(concept.attributes["examples"]))
    for metric in ("ROUGE", "BLEU", "BERTScore", "human", "benchmark"):
        assert metric.lower() in taught.lower(), metric
    assert concept.task == "3.4"


def test_security_concept_sits_in_the_security_domain(concepts):
    concept = concepts.get("data-security")
    assert concept.domain == 5
    assert any("PrivateLink" in fact.text for fact in concept.facts)


@pytest.mark.parametrize("concept_id", PLATFORM_IDS)
def test_concept_is_checked_against_at_least_one_aws_page_not_only_seed_notes(concepts, concept_id):
    sources = concepts.get(concept_id).sources
    assert any(not source.startswith("seed:") for source in sources), sources


@pytest.mark.parametrize("concept_id", USE_CASE_IDS)
def test_every_use_case_names_use_cases_and_the_data_it_trains_on(concepts, concept_id):
    concept = concepts.get(concept_id)
    assert concept.category == "use-case"
    assert concept.domain == 3
    assert len(concept.attributes["use_cases"]) >= 1
    assert concept.attributes["training_data"] in ("labeled", "unlabeled", "labeled-or-unlabeled")
    assert concept.attributes["definition"]


@pytest.mark.parametrize("concept_id", USE_CASE_IDS)
def test_use_case_example_record_has_the_shape_of_its_training_data(concepts, concept_id):
    concept = concepts.get(concept_id)
    record = json.loads(concept.attributes["example_record"])
    if concept.attributes["training_data"] == "labeled":
        assert set(record) == {"prompt", "completion"}
    elif concept.attributes["training_data"] == "unlabeled":
        assert set(record) == {"input"}
    else:
        assert set(record) in ({"prompt", "completion"}, {"input"})


def test_comparison_teaches_all_approaches_and_who_changes_weights(concepts):
    concept = concepts.get("prompt-engineering-vs-rag-vs-fine-tuning")
    text = " ".join(fact.text for fact in concept.facts).lower()
    for approach in ("prompt", "rag", "fine-tun", "pre-train", "distill"):
        assert approach in text, approach
    assert any("weights" in tip for tip in concept.exam_tips)
    for name in ("scope", "data_usage", "inference"):
        assert "RAG" in concept.attributes[name] and "Fine-tuning" in concept.attributes[name]


def test_exam_tips_concept_keeps_the_three_seed_exam_tips(concepts):
    concept = concepts.get("aif-c01-exam-tips")
    text = " ".join(fact.text for fact in concept.facts).lower()
    assert "labeled" in text and "unlabeled" in text
    assert "provisioned throughput" in text
    assert "transfer learning" in text


def test_inventory_items_owned_by_platform_concepts_point_at_loaded_concepts(concepts):
    inventory = load_yaml(content_dir() / "_inventory.yaml").data
    owned = {
        item_id: entry["concepts"]
        for item_id, entry in inventory.items()
        if set(entry["concepts"]) & set(PLATFORM_IDS)
    }
    assert len(owned) >= 30
    for item_id, concept_ids in owned.items():
        for concept_id in concept_ids:
            if concept_id in PLATFORM_IDS:
                assert concept_id in concepts, item_id
