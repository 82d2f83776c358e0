"""Concepts side by side: which attributes to compare and each concept's value.

A :class:`Comparison` is plain data; :mod:`studykit.ui.comparison_table` draws it and
``compare --json`` prints it. Presets (``content/_presets.yaml``) fix the concepts and
attributes of the seed notes' tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studykit.concepts.model import AttributeValue, Concept
from studykit.concepts.registry import ConceptSet
from studykit.concepts.vocabulary import Vocabulary, shipped_vocabulary
from studykit.errors import StudykitError

LEFT_OUT = ("example_record",)
"""Attributes too long for a table cell; ``learn`` shows them."""


@dataclass(frozen=True)
class Note:
    """A remark shown under a comparison table, with its source; ``seed_said`` marks a correction."""

    text: str
    source: str
    seed_said: str | None = None


@dataclass(frozen=True)
class Comparison:
    """The concepts (columns), the attribute names (rows) and notes of one comparison.

    ``vocabulary`` gives the rows' labels and readable values (the shipped one when not given).
    """

    title: str
    concepts: tuple[Concept, ...]
    attributes: tuple[str, ...]
    notes: tuple[Note, ...] = ()
    vocabulary: Vocabulary | None = None

    def value(self, concept: Concept, attribute: str) -> AttributeValue | None:
        return concept.attributes.get(attribute)

    def label(self, attribute: str) -> str:
        """The row heading of an attribute ("Training data")."""
        return (self.vocabulary or shipped_vocabulary()).attributes[attribute].label

    def as_record(self) -> dict[str, object]:
        """JSON-ready data: rows of attribute values keyed by concept id (null when absent)."""
        return {
            "title": self.title,
            "concepts": [{"id": concept.id, "title": concept.title} for concept in self.concepts],
            "rows": [
                {
                    "attribute": name,
                    "label": self.label(name),
                    "values": {
                        concept.id: _json_value(self.value(concept, name)) for concept in self.concepts
                    },
                }
                for name in self.attributes
            ],
            "notes": [
                {"text": note.text, "source": note.source, "seed_said": note.seed_said} for note in self.notes
            ],
        }


def compare_concepts(concepts: ConceptSet, ids: Sequence[str]) -> Comparison:
    """Compare the given concepts on every attribute at least one of them has."""
    if len(ids) < 2:
        raise StudykitError("give at least two concept ids to compare", hint="e.g. studykit compare A B")
    repeated = sorted({concept_id for concept_id in ids if list(ids).count(concept_id) > 1})
    if repeated:
        raise StudykitError(f"concept {repeated[0]!r} is named more than once", hint="name each concept once")
    chosen = tuple(concepts.get(concept_id) for concept_id in ids)
    attributes = tuple(
        name
        for name in concepts.vocabulary.attributes
        if name not in LEFT_OUT and any(name in concept.attributes for concept in chosen)
    )
    if not attributes:
        raise StudykitError(
            "these concepts have no attributes to compare",
            hint="run 'studykit learn ID' on each instead",
        )
    title = " vs ".join(concept.title for concept in chosen)
    return Comparison(title, chosen, attributes, vocabulary=concepts.vocabulary)


def _json_value(value: AttributeValue | None) -> object:
    return list(value) if isinstance(value, tuple) else value
