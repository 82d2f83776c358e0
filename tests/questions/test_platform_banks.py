"""The shipped banks on the Bedrock platform, use cases, costs, process, security and practice.

These checks hold the banks to the exam style a learner relies on: every concept is drilled
enough, every AIF-C01 question kind appears, and the right answer cannot be guessed from
its position or its length.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from studykit.questions.bank import Bank, load_banks
from studykit.questions.model import Kind, Question
from studykit.resources import quizzes_dir

BANK_TAGS = {
    "bedrock-platform": "plat",
    "use-cases": "uc",
    "costs-and-throughput": "cost",
    "security-and-process": "sec",
    "choosing-an-approach": "appr",
    "exam-tips": "tips",
}

CONCEPTS = (
    "amazon-bedrock",
    "custom-models",
    "choosing-a-foundation-model",
    "amazon-titan",
    "use-case-persona-and-tone",
    "use-case-up-to-date-knowledge",
    "use-case-proprietary-data",
    "use-case-domain-expertise",
    "use-case-classification",
    "data-security",
    "sagemaker-integration",
    "model-evaluation",
    "customization-workflow",
    "training-costs",
    "provisioned-throughput",
    "prompt-engineering-vs-rag-vs-fine-tuning",
    "best-practices",
    "fine-tuning-challenges",
    "aif-c01-exam-tips",
)

CHOOSE = {2: "two", 3: "three", 4: "four"}


@pytest.fixture(scope="module")
def banks() -> tuple[Bank, ...]:
    return load_banks([quizzes_dir() / f"{name}.yaml" for name in BANK_TAGS])


@pytest.fixture(scope="module")
def questions(banks) -> list[Question]:
    return [question for bank in banks for question in bank.questions]


def _of_kind(questions: list[Question], kind: Kind) -> list[Question]:
    return [question for question in questions if question.kind is kind]


def test_platform_banks_load_strictly_against_the_shipped_content(banks, questions):
    assert [bank.name for bank in banks] == list(BANK_TAGS)
    assert len(questions) >= 105


def test_every_covered_concept_is_the_main_subject_of_at_least_four_questions(questions):
    main = Counter(question.concept for question in questions)
    thin = {concept: main[concept] for concept in CONCEPTS if main[concept] < 4}
    assert not thin, f"concepts with fewer than four questions: {thin}"


def test_every_exam_question_kind_is_well_represented(questions):
    kinds = Counter(question.kind for question in questions)
    for kind in (Kind.MULTIPLE, Kind.TRUE_FALSE, Kind.ORDERING, Kind.MATCHING):
        assert kinds[kind] >= 9, kind
    assert kinds[Kind.SINGLE] >= 30


def test_question_ids_start_with_their_bank_tag(banks):
    for bank in banks:
        tag = BANK_TAGS[bank.name]
        strays = [question.id for question in bank.questions if not question.id.startswith(f"{tag}-")]
        assert not strays, f"{bank.name}: {strays}"


def test_single_choice_answers_are_spread_evenly_over_a_to_d(questions):
    singles = _of_kind(questions, Kind.SINGLE)
    assert all(question.size == 4 for question in singles)
    positions = Counter(question.correct_indexes[0] for question in singles)
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) - min(positions.values()) <= 2, positions


def test_multiple_response_answers_use_every_position(questions):
    multiples = _of_kind(questions, Kind.MULTIPLE)
    positions = Counter(index for question in multiples for index in question.correct_indexes)
    assert set(positions) == set(range(5))
    assert max(positions.values()) <= 2 * min(positions.values()), positions


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


def test_multiple_response_stems_say_how_many_to_choose(questions):
    for question in _of_kind(questions, Kind.MULTIPLE):
        assert question.size == 5, question.id
        wanted = f"(Choose {CHOOSE[len(question.correct_indexes)]}.)"
        assert wanted in question.stem, question.id


def test_no_option_leans_on_all_or_none_of_the_above(questions):
    pattern = re.compile(r"\b(all|none) of the above\b", re.IGNORECASE)
    for question in questions:
        texts = [option.text for option in question.options]
        assert not any(pattern.search(text) for text in texts), question.id


def test_negative_stems_shout_not(questions):
    negative = re.compile(r"\bWhich\b[^?]*\b(not|NOT)\b[^?]*\?")
    for question in questions:
        match = negative.search(question.stem)
        if match:
            assert "NOT" in match.group(0), question.id


def test_every_difficulty_is_used(questions):
    difficulties = Counter(question.difficulty for question in questions)
    assert set(difficulties) == {"easy", "medium", "hard"}
    assert difficulties["hard"] >= len(questions) // 10
