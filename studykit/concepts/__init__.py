"""Concept notes: the model, the strict loader, the vocabulary and the loaded collection."""

from __future__ import annotations

from studykit.concepts.loader import load_concept_files, load_concepts, parse_concept
from studykit.concepts.model import DOMAINS, Concept, Fact
from studykit.concepts.registry import ConceptSet
from studykit.concepts.vocabulary import AttributeSpec, Vocabulary, shipped_vocabulary

__all__ = [
    "DOMAINS",
    "AttributeSpec",
    "Concept",
    "ConceptSet",
    "Fact",
    "Vocabulary",
    "load_concept_files",
    "load_concepts",
    "parse_concept",
    "shipped_vocabulary",
]


def __getattr__(name: str) -> object:
    """``ATTRIBUTES`` and ``CATEGORIES``: the shipped vocabulary's, read on first use."""
    from studykit.concepts import model

    return getattr(model, name)
