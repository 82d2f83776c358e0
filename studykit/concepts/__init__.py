"""Concept notes: the model, the strict loader and the loaded collection."""

from __future__ import annotations

from studykit.concepts.loader import load_concept_files, load_concepts, parse_concept
from studykit.concepts.model import ATTRIBUTES, DOMAINS, AttributeSpec, Concept, Fact
from studykit.concepts.registry import ConceptSet

__all__ = [
    "ATTRIBUTES",
    "DOMAINS",
    "AttributeSpec",
    "Concept",
    "ConceptSet",
    "Fact",
    "load_concept_files",
    "load_concepts",
    "parse_concept",
]
