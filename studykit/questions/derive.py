"""Deterministic choices and ids for generated questions.

Generated questions must come out the same on every run of unchanged content, so every
"random" choice here is a sort by a hash of the question's key, never ``random``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from studykit.concepts import Concept, ConceptSet
from studykit.questions.model import Kind, Option, Origin, Question

T = TypeVar("T")


def question_id(family: str, concept: str, key: str) -> str:
    """A stable id: readable family and concept, and a hash of the claim's source data."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"gen-{family}-{concept}-{digest}"


def _name(item: object) -> str:
    concept_id = getattr(item, "id", None)
    return concept_id if isinstance(concept_id, str) else str(item)


def pick(key: str, items: Iterable[T], count: int, name: Callable[[T], str] = _name) -> list[T]:
    """``count`` items chosen by a hash of ``key``: the same every run, varied across questions."""
    ordered = sorted(items, key=lambda item: hashlib.sha1(f"{key}|{name(item)}".encode()).hexdigest())
    return ordered[:count]


def siblings(concepts: ConceptSet) -> dict[str, list[Concept]]:
    groups: dict[str, list[Concept]] = {}
    for concept in concepts:
        groups.setdefault(concept.category, []).append(concept)
    return groups


def true_false_options(truth: bool, fact: str) -> tuple[Option, Option]:
    """True and False for a generated statement, each explained by ``fact`` the way a learner reads it."""
    return (
        Option("True", truth, fact if truth else f"Not so: {fact}"),
        Option("False", not truth, f"It is true: {fact}" if truth else fact),
    )


def make_question(family: str, main: Concept, key: str, kind: Kind, stem: str, **parts: object) -> Question:
    """A generated question whose origin records the family and the claim's key."""
    return Question(
        id=question_id(family, main.id, key),
        kind=kind,
        concepts=parts.pop("concepts", (main.id,)),
        domain=main.domain,
        difficulty=parts.pop("difficulty", "medium"),
        stem=stem,
        origin=Origin(generator=f"{family}: {key}"),
        **parts,
    )


def lineage(concepts: ConceptSet) -> Callable[[Concept, Concept], bool]:
    """Whether one concept is a prerequisite (direct or not) of the other.

    A parent and its child (fine-tuning and instruction-based fine-tuning) fit many of the
    same use cases, so generators never set one against the other.
    """
    ancestors: dict[str, set[str]] = {}

    def of(concept_id: str) -> set[str]:
        if concept_id not in ancestors:
            ancestors[concept_id] = set()
            for parent in concepts[concept_id].prerequisites:
                ancestors[concept_id] |= {parent, *of(parent)}
        return ancestors[concept_id]

    return lambda first, second: first.id in of(second.id) or second.id in of(first.id)


def confusable(concepts: ConceptSet) -> Callable[[Concept, Concept], bool]:
    """Whether a use case of one concept could fairly be claimed for the other.

    True for a parent and its child (see :func:`lineage`), and for two kinds of use case that
    name each other as related: "drafting replies in the style of historical emails" is both
    training on proprietary data and a house style, so the two are never set against each other.
    """
    related = lineage(concepts)

    def linked(first: Concept, second: Concept) -> bool:
        return first.category == second.category == "use-case" and (
            first.id in second.related or second.id in first.related
        )

    return lambda first, second: related(first, second) or linked(first, second)
