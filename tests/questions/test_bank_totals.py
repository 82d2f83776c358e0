"""All shipped banks together: the size, coverage, kinds and answer spread a learner relies on.

The per-topic tests (test_shipped_banks, test_platform_banks) hold each group of banks to the
exam style; these hold the whole collection to its promises: at least 200 questions, every
concept tested at least three times, every kind well represented, no answer position (or
True/False) favoured, and nothing ambiguous or unexplained.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pytest

from studykit.concepts import load_concepts
from studykit.questions.bank import load_shipped_banks
from studykit.questions.coverage import COVERAGE_KINDS, KIND_NAMES, coverage_kind
from studykit.questions.lint import lint_paths
from studykit.questions.model import Kind, Question
from studykit.resources import quizzes_dir

MIN_QUESTIONS = 200
MIN_PER_CONCEPT = 3
MIN_PER_OTHER_KIND = 15
MAX_SKEW = 0.25  # every position within ±25% of an even share of the correct answers
CHOOSE = {2: "two", 3: "three", 4: "four"}


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return [question for bank in load_shipped_banks() for question in bank.questions]


def _of_kind(questions: list[Question], kind: Kind) -> list[Question]:
    return [question for question in questions if question.kind is kind]


def position_skew(questions: list[Question]) -> float:
    """The largest relative gap between how often a position holds a correct answer and an even share.

    Questions are grouped by their number of options, so a position a short question lacks is
    not counted against it; a position that is never correct gives a skew of 1.
    """
    worst = 0.0
    for size in {question.size for question in questions}:
        group = [question for question in questions if question.size == size]
        counts = Counter(index for question in group for index in question.correct_indexes)
        even = sum(counts.values()) / size
        worst = max(worst, *(abs(counts[position] - even) / even for position in range(size)))
    return worst


def test_the_banks_hold_at_least_two_hundred_questions(questions):
    assert len(questions) >= MIN_QUESTIONS


def test_every_concept_is_tested_by_at_least_three_authored_questions(questions):
    listed = Counter(concept for question in questions for concept in question.concepts)
    thin = {concept: listed[concept] for concept in load_concepts().ids if listed[concept] < MIN_PER_CONCEPT}
    assert not thin, f"concepts with fewer than {MIN_PER_CONCEPT} questions: {thin}"


def test_all_five_kinds_are_present_and_the_non_single_kinds_have_fifteen_each(questions):
    kinds = Counter(question.kind for question in questions)
    assert set(kinds) == set(Kind)
    for kind in set(Kind) - {Kind.SINGLE}:
        assert kinds[kind] >= MIN_PER_OTHER_KIND, f"only {kinds[kind]} {kind.label} questions"


def test_every_kind_and_case_studies_appear_in_every_exam_domain(questions):
    kinds = {(question.domain, coverage_kind(question)) for question in questions}
    missing = [
        f"domain {domain}: {KIND_NAMES[kind]}"
        for domain in range(1, 6)
        for kind in COVERAGE_KINDS
        if (domain, kind) not in kinds
    ]
    assert not missing, missing


@pytest.mark.parametrize("kind", [Kind.SINGLE, Kind.MULTIPLE])
def test_correct_answers_are_spread_evenly_over_positions(questions, kind):
    chosen = _of_kind(questions, kind)
    assert position_skew(chosen) <= MAX_SKEW


def test_true_and_false_are_equally_likely_answers(questions):
    answers = Counter(question.options[0].correct for question in _of_kind(questions, Kind.TRUE_FALSE))
    assert abs(answers[True] - answers[False]) <= 0.1 * sum(answers.values()), answers


def test_position_skew_measures_a_bunched_bank(questions):
    singles = _of_kind(questions, Kind.SINGLE)
    bunched = [replace(question, options=_correct_first(question)) for question in singles]
    assert position_skew(bunched) == pytest.approx(3.0)  # every answer on A: 4× an even share


def _correct_first(question: Question) -> tuple:
    return tuple(sorted(question.options, key=lambda option: not option.correct))


def test_no_question_is_ambiguous(questions):
    for question in _of_kind(questions, Kind.SINGLE) + _of_kind(questions, Kind.TRUE_FALSE):
        assert len(question.correct_indexes) == 1, question.id
    for question in _of_kind(questions, Kind.MULTIPLE):
        correct = len(question.correct_indexes)
        assert 2 <= correct < question.size, question.id
        assert f"(Choose {CHOOSE[correct]}.)" in question.stem, question.id
    for question in questions:
        texts = [re.sub(r"\W+", " ", text).strip().casefold() for text in _part_texts(question)]
        assert len(set(texts)) == len(texts), f"{question.id}: two parts read the same"


def _part_texts(question: Question) -> list[str]:
    if question.kind is Kind.MATCHING:
        return [pair.prompt for pair in question.pairs] + [pair.match for pair in question.pairs]
    return [part.text for part in question.options or question.steps]


def test_every_option_step_and_pair_says_why(questions):
    for question in questions:
        parts = question.options or question.steps or question.pairs
        missing = [index for index, part in enumerate(parts) if len(part.why.split()) < 3]
        assert not missing, f"{question.id}: parts {missing} lack a why"
        assert len(question.explanation.split()) >= 3, question.id


def test_the_shipped_banks_lint_clean():
    report = lint_paths([quizzes_dir()])
    assert report.questions >= MIN_QUESTIONS
    assert [f"{f.path}:{f.line}: {f.rule}: {f.message}" for f in report.findings] == []
