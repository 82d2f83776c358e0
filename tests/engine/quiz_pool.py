"""The fixture pool of the engine tests: the good banks plus questions generated from the fixture content."""

from __future__ import annotations

from pathlib import Path

from studykit.concepts import load_concepts
from studykit.questions.bank import load_banks
from studykit.questions.generate import generate_questions
from studykit.questions.model import Question

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"


def fixture_pool() -> tuple[Question, ...]:
    concepts = load_concepts(DATA / "content")
    authored = [q for bank in load_banks([DATA / "good"], concepts) for q in bank.questions]
    return (*authored, *generate_questions(concepts))
