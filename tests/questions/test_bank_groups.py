"""The shipped banks, in their groups: the customization methods; the Bedrock platform with use
cases, costs, process, security and exam practice; the fundamentals of AI and ML (domain 1); the
fundamentals of generative AI (domain 2); the applications of foundation models beyond
customization (domain 3: design, prompting, evaluation); responsible AI (domain 4); and
security, compliance and governance (domain 5).

Each group must load strictly against the shipped content, drill every concept of its part of the
content, use every AIF-C01 question kind, and give nothing away through the position or length of
the answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest

from studykit.questions.bank import Bank, load_banks, load_shipped_banks
from studykit.questions.model import Kind, Question
from studykit.resources import quizzes_dir
from tests.concept_groups import (
    APPLICATIONS_IDS,
    DOMAIN1_IDS,
    GENAI_IDS,
    METHOD_IDS,
    PLATFORM_IDS,
    RESPONSIBLE_AI_IDS,
    SECURITY_GOVERNANCE_IDS,
)

CHOOSE = {2: "two", 3: "three", 4: "four"}


@dataclass(frozen=True)
class Group:
    tags: dict[str, tuple[str, ...]]
    """Bank name -> the prefixes its question ids start with."""
    concepts: tuple[str, ...]
    min_per_concept: int
    min_single: int
    max_position_gap: int | None = None
    """Most and least used single-choice answer letters may differ by at most this many."""
    min_questions: int = 105
    min_per_other_kind: int = 9
    """Each kind other than single choice appears at least this often."""


GROUPS = {
    "methods": Group(
        tags={
            "fine-tuning-methods": ("ftm",),
            "continued-pre-training": ("cpt",),
            "messaging-formats": ("msg",),
            "transfer-learning": ("tl", "lu"),
            "distillation-and-images": ("dist", "img"),
            "training-jobs": ("job",),
        },
        concepts=METHOD_IDS,
        min_per_concept=5,
        min_single=9,
    ),
    "platform": Group(
        tags={
            "bedrock-platform": ("plat",),
            "use-cases": ("uc",),
            "costs-and-throughput": ("cost",),
            "security-and-process": ("sec",),
            "choosing-an-approach": ("appr",),
            "exam-tips": ("tips",),
        },
        concepts=PLATFORM_IDS,
        min_per_concept=4,
        min_single=30,
        max_position_gap=2,
    ),
    "fundamentals": Group(
        tags={
            "d1-ai-ml-basics": ("d1b",),
            "d1-use-cases-and-services": ("d1u",),
            "d1-ml-lifecycle": ("d1l",),
        },
        concepts=DOMAIN1_IDS,
        min_per_concept=3,
        min_single=40,
        max_position_gap=2,
    ),
    "genai": Group(
        tags={
            "d2-genai-basics": ("d2b",),
            "d2-capabilities": ("d2c",),
            "d2-aws-services": ("d2s",),
            "d2-case-studies": ("d2x",),
        },
        concepts=GENAI_IDS,
        min_per_concept=3,
        min_single=55,
        max_position_gap=2,
        min_questions=110,
    ),
    "responsible": Group(
        tags={
            "d4-responsible-development": ("d4r",),
            "d4-transparency": ("d4t",),
            "d4-case-studies": ("d4c",),
        },
        concepts=RESPONSIBLE_AI_IDS,
        min_per_concept=3,
        min_single=30,
        max_position_gap=2,
        min_questions=65,
        min_per_other_kind=3,
    ),
    "applications": Group(
        tags={
            "d3-design": ("d3d",),
            "d3-prompting": ("d3p",),
            "d3-evaluation": ("d3e",),
            "d3-tuning": ("d3t",),
        },
        concepts=APPLICATIONS_IDS,
        min_per_concept=3,
        min_single=30,
        max_position_gap=2,
        min_questions=70,
        min_per_other_kind=4,
    ),
    "security": Group(
        tags={
            "d5-securing-ai": ("d5s",),
            "d5-governance": ("d5g",),
        },
        concepts=SECURITY_GOVERNANCE_IDS,
        min_per_concept=3,
        min_single=20,
        max_position_gap=2,
        min_questions=80,
        min_per_other_kind=3,
    ),
}
MAX_SHARE_OF_ONE_POSITION = 0.40


@pytest.fixture(scope="module", params=sorted(GROUPS))
def group_banks(request) -> tuple[Group, tuple[Bank, ...]]:
    group = GROUPS[request.param]
    return group, load_banks([quizzes_dir() / f"{name}.yaml" for name in group.tags])


@pytest.fixture(scope="module")
def questions(group_banks) -> list[Question]:
    return [question for bank in group_banks[1] for question in bank.questions]


def _of_kind(questions: list[Question], kind: Kind) -> list[Question]:
    return [question for question in questions if question.kind is kind]


def test_the_groups_together_are_the_shipped_banks():
    names = [name for group in GROUPS.values() for name in group.tags]
    assert sorted(names) == sorted(bank.name for bank in load_shipped_banks())


def test_banks_load_strictly_against_the_shipped_content(group_banks, questions):
    group, banks = group_banks
    assert [bank.name for bank in banks] == list(group.tags)
    assert len(questions) >= group.min_questions


def test_each_concept_is_the_main_subject_of_enough_questions(group_banks, questions):
    group, _ = group_banks
    main = Counter(question.concept for question in questions)
    thin = {concept: main[concept] for concept in group.concepts if main[concept] < group.min_per_concept}
    assert not thin, f"concepts with fewer than {group.min_per_concept} questions: {thin}"


def test_every_exam_question_kind_is_well_represented(group_banks, questions):
    group, _ = group_banks
    kinds = Counter(question.kind for question in questions)
    for kind in Kind:
        wanted = group.min_single if kind is Kind.SINGLE else group.min_per_other_kind
        assert kinds[kind] >= wanted, f"only {kinds[kind]} {kind.value} questions"


def test_question_ids_start_with_a_tag_of_their_bank(group_banks):
    group, banks = group_banks
    for bank in banks:
        prefixes = tuple(f"{tag}-" for tag in group.tags[bank.name])
        strays = [question.id for question in bank.questions if not question.id.startswith(prefixes)]
        assert not strays, f"{bank.name}: {strays}"


def test_single_choice_answers_are_spread_evenly_over_a_to_d(group_banks, questions):
    group, _ = group_banks
    singles = _of_kind(questions, Kind.SINGLE)
    assert all(question.size == 4 for question in singles)
    positions = Counter(question.correct_indexes[0] for question in singles)
    assert set(positions) == {0, 1, 2, 3}
    busiest, count = positions.most_common(1)[0]
    assert count / len(singles) <= MAX_SHARE_OF_ONE_POSITION, f"option {'ABCD'[busiest]} holds too many"
    if group.max_position_gap is not None:
        assert max(positions.values()) - min(positions.values()) <= group.max_position_gap, positions


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


def test_no_option_leans_on_all_or_none_of_the_above(questions):
    pattern = re.compile(r"\b(all|none) of the above\b", re.IGNORECASE)
    for question in questions:
        assert not any(pattern.search(option.text) for option in question.options), question.id


def test_a_negative_question_writes_not_in_capitals(questions):
    negative = re.compile(r"\bWhich\b[^?]*\b(not|NOT)\b[^?]*\?")
    for question in questions:
        match = negative.search(question.stem)
        if match:
            assert "NOT" in match.group(0), question.id
    for question in _of_kind(questions, Kind.SINGLE) + _of_kind(questions, Kind.MULTIPLE):
        asked = re.split(r"(?<=[.?])\s+", question.stem.strip())[-1]
        assert not re.search(r"\bnot\b", asked), f"{question.id}: write the negation as NOT: {asked!r}"


def test_every_difficulty_is_used(questions):
    difficulties = Counter(question.difficulty for question in questions)
    assert set(difficulties) == {"easy", "medium", "hard"}
    assert difficulties["hard"] >= len(questions) // 10
