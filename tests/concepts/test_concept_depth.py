"""Every concept note has the depth a learner needs: enough sourced facts, a few exam tips, links."""

from __future__ import annotations

import pytest

from studykit.concepts import load_concepts
from tests.concept_groups import ALL_IDS


def test_the_groups_together_are_exactly_the_shipped_concepts():
    assert sorted(ALL_IDS) == sorted(concept.id for concept in load_concepts())


@pytest.mark.parametrize("concept_id", ALL_IDS)
def test_concept_has_enough_sourced_facts_tips_and_links(concept_id):
    concept = load_concepts().get(concept_id)
    assert 5 <= len(concept.facts) <= 12
    assert 2 <= len(concept.exam_tips) <= 5
    assert concept.related or concept.prerequisites
