from studykit.concepts import load_concepts


def test_every_shipped_concept_loads_and_cites_a_source():
    concepts = load_concepts()
    assert len(concepts) > 0
    for concept in concepts:
        assert concept.facts, concept.id
        assert all(fact.source for fact in concept.facts)
