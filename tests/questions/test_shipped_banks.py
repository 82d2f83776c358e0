"""The shipped banks on the customization methods: fine-tuning, continued pre-training, messaging
formats, distillation, image models, transfer learning, training data and hyperparameters.

They must load strictly against the shipped content, drill every method concept, use every
AIF-C01 question kind, and give nothing away through the position or length of the answer.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from studykit.questions.bank import Bank, load_banks, load_shipped_banks
from studykit.questions.model import Kind, Question
from studykit.resources import quizzes_dir

BANK_TAGS = {
    "fine-tuning-methods": ("ftm",),
    "continued-pre-training": ("cpt",),
    "messaging-formats": ("msg",),
    "transfer-learning": ("tl", "lu"),
    "distillation-and-images": ("dist", "img"),
    "training-jobs": ("job",),
}

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
CHOOSE = {2: "two", 3: "three", 4: "four"}


@pytest.fixture(scope="module")
def banks() -> tuple[Bank, ...]:
    return load_banks([quizzes_dir() / f"{name}.yaml" for name in BANK_TAGS])


@pytest.fixture(scope="module")
def questions(banks) -> list[Question]:
    return [question for bank in banks for question in bank.questions]


def _of_kind(questions: list[Question], kind: Kind) -> list[Question]:
    return [question for question in questions if question.kind is kind]


def test_method_banks_load_and_are_among_the_shipped_banks(banks, questions):
    assert [bank.name for bank in banks] == list(BANK_TAGS)
    assert set(BANK_TAGS) <= {bank.name for bank in load_shipped_banks()}
    assert len(questions) >= 105


@pytest.mark.parametrize("concept", METHOD_CONCEPTS)
def test_each_method_concept_is_the_main_subject_of_enough_questions(questions, concept):
    main = [question.id for question in questions if question.concept == concept]
    assert len(main) >= MIN_PER_CONCEPT, f"{concept}: {main}"


def test_every_exam_question_kind_is_well_represented(questions):
    kinds = Counter(question.kind for question in questions)
    for kind in Kind:
        assert kinds[kind] >= MIN_PER_KIND, f"only {kinds[kind]} {kind.value} questions"


def test_question_ids_start_with_a_tag_of_their_bank(banks):
    for bank in banks:
        tags = BANK_TAGS[bank.name]
        strays = [q.id for q in bank.questions if not q.id.startswith(tuple(f"{tag}-" for tag in tags))]
        assert not strays, f"{bank.name}: {strays}"


def test_single_choice_answers_are_spread_over_a_to_d(questions):
    singles = _of_kind(questions, Kind.SINGLE)
    assert all(question.size == 4 for question in singles)
    positions = Counter(question.correct_indexes[0] for question in singles)
    assert set(positions) == {0, 1, 2, 3}
    busiest, count = positions.most_common(1)[0]
    share = count / len(singles)
    assert share <= MAX_SHARE_OF_ONE_POSITION, f"option {'ABCD'[busiest]} holds {share:.0%}"


def test_multiple_response_answers_use_every_position(questions):
    multiples = _of_kind(questions, Kind.MULTIPLE)
    positions = Counter(index for question in multiples for index in question.correct_indexes)
    assert set(positions) == set(range(5))
    assert max(positions.values()) <= 2 * min(positions.values()), positions


def test_multiple_response_stems_say_how_many_to_choose(questions):
    for question in _of_kind(questions, Kind.MULTIPLE):
        assert question.size == 5, question.id
        assert f"(Choose {CHOOSE[len(question.correct_indexes)]}.)" in question.stem, question.id


def test_true_and_false_are_both_common_answers(questions):
    answers = Counter(question.options[0].correct for question in _of_kind(questions, Kind.TRUE_FALSE))
    assert abs(answers[True] - answers[False]) <= 3, answers


def test_correct_option_is_not_usually_the_longest(questions):
    singles = _of_kind(questions, Kind.SINGLE)

    def correct_is_longest(question: Question) -> bool:
        lengths = [len(option.text) for option in question.options]
        longest = max(lengths)
        return lengths[question.correct_indexes[0]] == longest and lengths.count(longest) == 1

    share = sum(correct_is_longest(question) for question in singles) / len(singles)
    assert share <= 0.35, f"correct option is the longest in {share:.0%} of single-choice questions"


def test_a_negative_choice_question_writes_not_in_capitals(questions):
    choices = _of_kind(questions, Kind.SINGLE) + _of_kind(questions, Kind.MULTIPLE)
    for question in choices:
        asked = re.split(r"(?<=[.?])\s+", question.stem.strip())[-1]
        assert not re.search(r"\bnot\b", asked), f"{question.id}: write the negation as NOT: {asked!r}"


def test_every_difficulty_is_used(questions):
    difficulties = Counter(question.difficulty for question in questions)
    assert set(difficulties) == {"easy", "medium", "hard"}
    assert difficulties["hard"] >= len(questions) // 10
