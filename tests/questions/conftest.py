from __future__ import annotations

from pathlib import Path

import pytest

from studykit.concepts import ConceptSet, load_concepts

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"


@pytest.fixture(scope="session")
def concepts() -> ConceptSet:
    """A small, fixed concept set so bank tests do not depend on the shipped content."""
    return load_concepts(DATA / "content")
