from __future__ import annotations

from pathlib import Path

import pytest

from studykit.concepts import ConceptSet, load_concepts
from studykit.questions.bank import Bank, load_bank

DATA = Path(__file__).resolve().parent.parent / "data"
TRICKY = DATA / "export" / "tricky.yaml"


@pytest.fixture(scope="session")
def concepts() -> ConceptSet:
    return load_concepts(DATA / "questions" / "content")


@pytest.fixture(scope="session")
def tricky(concepts: ConceptSet) -> Bank:
    """One question of each kind, full of characters GIFT, Markdown and HTML would misread."""
    return load_bank(TRICKY, concepts)


@pytest.fixture(scope="session")
def cases(concepts: ConceptSet) -> Bank:
    """A bank with a case study of three questions between two ordinary questions."""
    return load_bank(DATA / "questions" / "cases" / "assistant.yaml", concepts)
