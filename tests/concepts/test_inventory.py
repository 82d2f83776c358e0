"""The seed-note inventory (content/_inventory.yaml) is fully mapped to shipped concepts."""

from __future__ import annotations

import re

import pytest

from studykit.concepts import load_concepts
from studykit.resources import content_dir
from studykit.yamlfile import load_yaml


@pytest.fixture(scope="module")
def inventory():
    return load_yaml(content_dir() / "_inventory.yaml").data


def test_inventory_items_are_numbered_without_gaps(inventory):
    numbers = sorted(int(re.fullmatch(r"C(\d+)", key).group(1)) for key in inventory)
    assert numbers == list(range(1, len(numbers) + 1))


def test_every_inventory_item_names_at_least_one_existing_concept(inventory):
    concepts = load_concepts()
    for key, entry in inventory.items():
        assert entry["item"].strip(), key
        assert entry["concepts"], f"{key} is taught by no concept"
        for concept_id in entry["concepts"]:
            assert concept_id in concepts, f"{key} names unknown concept {concept_id!r}"


def test_every_outdated_seed_item_is_taught_with_a_correction(inventory):
    """Items marked ⚠ are wrong or outdated in the seeds: a concept must carry the correction."""
    concepts = load_concepts()
    for key, entry in inventory.items():
        if entry["item"].startswith("⚠"):
            kinds = {fact.kind for concept_id in entry["concepts"] for fact in concepts[concept_id].facts}
            assert "correction" in kinds, f"{key} has no correction fact"
