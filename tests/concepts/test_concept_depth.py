"""Every concept note has the depth a learner needs: enough sourced facts, a few exam tips, links."""

from __future__ import annotations

import pytest

from studykit.concepts import load_concepts
from tests.concept_groups import DOMAIN1_IDS, METHOD_IDS, PLATFORM_IDS


def test_the_groups_are_exactly_the_shipped_concepts():
    shipped = sorted(concept.id for concept in load_concepts())
    assert sorted(METHOD_IDS + PLATFORM_IDS + DOMAIN1_IDS) == shipped


@pytest.mark.parametrize("concept_id", METHOD_IDS + PLATFORM_IDS + DOMAIN1_IDS)
def test_concept_has_enough_sourced_facts_tips_and_links(concept_id):
    concept = load_concepts().get(concept_id)
    assert 5 <= len(concept.facts) <= 12
    assert 2 <= len(concept.exam_tips) <= 5
    assert concept.related or concept.prerequisites
