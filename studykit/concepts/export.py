"""Concepts as plain JSON-ready data: the ``--json`` output of ``topics`` and ``learn``.

The shape is part of the public interface (scripts read it); change it only by adding keys.
"""

from __future__ import annotations

from studykit.concepts.model import DOMAINS, Concept
from studykit.concepts.registry import ConceptSet
from studykit.concepts.sources import SourceTitles


def concept_record(concept: Concept, titles: SourceTitles | None = None) -> dict[str, object]:
    """One concept with every field; attribute lists become JSON arrays.

    Sources keep their exact reference; ``source_title`` (and ``source_titles``) add the
    readable title beside it, null when ``titles`` has none.
    """
    titles = titles or SourceTitles()
    return {
        "id": concept.id,
        "title": concept.title,
        "aka": list(concept.aka),
        "domain": concept.domain,
        "domain_name": concept.domain_name,
        "task": concept.task,
        "objectives": list(concept.objectives),
        "category": concept.category,
        "summary": concept.summary,
        "facts": [
            {
                "text": fact.text,
                "source": fact.source,
                "source_title": titles.title_of(fact.source),
                "kind": fact.kind,
                "as_of": fact.as_of,
                "seed_said": fact.seed_said,
                "often_taught": fact.often_taught,
            }
            for fact in concept.facts
        ],
        "sources": list(concept.sources),
        "source_titles": {source: titles.title_of(source) for source in concept.sources},
        "attributes": {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in concept.attributes.items()
        },
        "related": list(concept.related),
        "prerequisites": list(concept.prerequisites),
        "exam_tips": list(concept.exam_tips),
    }


def topics_record(concepts: ConceptSet) -> dict[str, object]:
    """Concepts grouped by exam domain, each with id, title and summary."""
    return {
        "count": len(concepts),
        "domains": [
            {
                "domain": domain,
                "name": DOMAINS[domain],
                "concepts": [
                    {
                        "id": concept.id,
                        "title": concept.title,
                        "category": concept.category,
                        "summary": concept.summary,
                    }
                    for concept in members
                ],
            }
            for domain, members in concepts.by_domain().items()
        ],
    }
