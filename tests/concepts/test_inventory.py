"""The seed-note inventory (content/_inventory.yaml) is fully mapped to shipped concepts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

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


def _seed_inventory() -> Path:
    """../shared/CONCEPTS.md beside the repository (beside the main checkout for a git worktree)."""
    root = Path(__file__).resolve().parent.parent.parent
    candidates = [root.parent / "shared" / "CONCEPTS.md"]
    common = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
        check=False,
    )
    if common.returncode == 0 and common.stdout.strip():
        candidates.append(Path(common.stdout.strip()).parent.parent / "shared" / "CONCEPTS.md")
    return next((path for path in candidates if path.exists()), candidates[0])


SEED_INVENTORY = _seed_inventory()


def test_the_map_covers_every_seed_inventory_item_c1_to_c61(inventory):
    assert set(inventory) >= {f"C{number}" for number in range(1, 62)}


@pytest.mark.skipif(not SEED_INVENTORY.exists(), reason="../shared/CONCEPTS.md is not beside this checkout")
def test_the_map_has_exactly_the_items_of_the_seed_inventory(inventory):
    listed = re.findall(r"^- (C\d+) ", SEED_INVENTORY.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(listed) == len(set(listed)), "CONCEPTS.md lists an item twice"
    assert set(inventory) == set(listed)
