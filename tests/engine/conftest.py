"""Small questions built in code for engine tests (bank files are tested with the bank loader)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from studykit.questions.model import Kind, Option, Question


def make_single(
    qid: str, domain: int = 3, concepts: tuple[str, ...] = ("distillation",), right: int = 0
) -> Question:
    """A four-option single-choice question whose option ``right`` is correct."""
    return Question(
        id=qid,
        kind=Kind.SINGLE,
        concepts=concepts,
        domain=domain,
        difficulty="medium",
        stem=f"Stem of {qid}?",
        explanation=f"Explanation of {qid}.",
        options=tuple(
            Option(text=f"Option {i} of {qid}", correct=i == right, why=f"why {i}") for i in range(4)
        ),
    )


@pytest.fixture
def single() -> Callable[..., Question]:
    """Build a single-choice question: ``single("q1", domain=3, concepts=(...), right=0)``."""
    return make_single
