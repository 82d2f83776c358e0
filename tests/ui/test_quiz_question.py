from __future__ import annotations

from pathlib import Path

import pytest

from studykit.concepts import load_concepts
from studykit.engine.answer_text import parse_answer
from studykit.engine.presentation import present_seeded
from studykit.engine.quiz import Note
from studykit.questions.bank import load_banks
from studykit.questions.generate import generate_questions
from studykit.questions.model import Kind, check_answer
from studykit.ui.quiz_question import answer_prompt

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
CONCEPTS = load_concepts(DATA / "content")
POOL = [
    *(q for bank in load_banks([DATA / "good", DATA / "kinds"], CONCEPTS) for q in bank.questions),
    *generate_questions(CONCEPTS),
]


def _example(prompt: str) -> str:
    return prompt.split("e.g. ", 1)[1].split(";", 1)[0]


@pytest.mark.parametrize("kind", [Kind.MULTIPLE, Kind.ORDERING, Kind.MATCHING])
def test_the_prompt_example_is_a_well_formed_answer_to_this_question(kind):
    for question in [q for q in POOL if q.kind is kind]:
        item = present_seeded(question, 3)
        prompt = answer_prompt(item, None).plain
        check_answer(question, parse_answer(item, _example(prompt)))  # raises if not well formed


def test_after_an_invalid_answer_the_prompt_starts_with_the_hint():
    item = present_seeded(next(q for q in POOL if q.kind is Kind.SINGLE), 3)
    prompt = answer_prompt(item, Note("Not an answer: type one letter, A–D.", invalid=True)).plain
    assert prompt.startswith("Not an answer: type one letter, A–D.\nAnswer (one letter; ? for commands): ")
