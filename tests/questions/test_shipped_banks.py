"""The question banks shipped in quizzes/: they load, cover the method concepts and look like the exam."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from studykit.questions import Kind
from studykit.questions.bank import bank_paths, load_shipped_banks
from studykit.resources import quizzes_dir

METHOD_CONCEPTS = (
    "fine-tuning",
    "instruction-fine-tuning",
    "continued-pre-training",
    "single-turn-messaging",
    "multi-turn-messaging",
    "conversation-record-format",
    "distillation",
    "image-model-fine-tuning",
    "transfer-learning",
    "labeled-vs-unlabeled-data",
    "reinforcement-fine-tuning",
    "hyperparameters",
    "training-data-preparation",
)
MIN_PER_CONCEPT = 5
MIN_PER_KIND = 9
MAX_SHARE_OF_ONE_POSITION = 0.40
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


@pytest.fixture(scope="module")
def questions():
    return [question for bank in load_shipped_banks() for question in bank.questions]


def test_every_shipped_bank_file_loads_with_questions():
    banks = {bank.name: bank for bank in load_shipped_banks()}
    files = bank_paths([quizzes_dir()])
    assert files, "no bank files shipped"
    for path in files:
        assert path.stem in banks
        assert banks[path.stem].questions, path.name


@pytest.mark.parametrize("concept", METHOD_CONCEPTS)
def test_each_method_concept_is_tested_by_enough_questions(questions, concept):
    tested = [question.id for question in questions if concept in question.concepts]
    assert len(tested) >= MIN_PER_CONCEPT, f"{concept}: {tested}"


def test_every_kind_is_well_represented(questions):
    kinds = Counter(question.kind for question in questions)
    for kind in Kind:
        assert kinds[kind] >= MIN_PER_KIND, f"only {kinds[kind]} {kind.value} questions"


def test_single_choice_answers_are_spread_over_positions(questions):
    positions = Counter(question.correct_indexes[0] for question in questions if question.kind is Kind.SINGLE)
    total = sum(positions.values())
    assert total
    busiest, count = positions.most_common(1)[0]
    assert count / total <= MAX_SHARE_OF_ONE_POSITION, f"option {'ABCDEF'[busiest]} holds {count}/{total}"


def test_multiple_response_stems_say_how_many_to_choose(questions):
    for question in questions:
        if question.kind is Kind.MULTIPLE:
            wanted = COUNT_WORDS[len(question.correct_indexes)]
            assert f"(Choose {wanted}.)" in question.stem, question.id


def test_true_false_answers_are_not_all_the_same(questions):
    true_false = [question for question in questions if question.kind is Kind.TRUE_FALSE]
    answers = Counter(question.options[0].correct for question in true_false)
    assert answers[True] and answers[False]
    assert max(answers.values()) / sum(answers.values()) <= 0.65


def test_a_negative_question_writes_not_in_capitals(questions):
    for question in questions:
        asked = re.split(r"(?<=[.?])\s+", question.stem.strip())[-1]
        assert not re.search(r"\bnot\b", asked), f"{question.id}: write the negation as NOT: {asked!r}"
