"""Records made from the question pool name the bank's correct answer, never a wrong option as the answer."""

import re

import pytest

from studykit.datasets.phrasing import sentence
from studykit.datasets.quiz_material import quiz_turns
from studykit.questions.model import Kind, Question
from tests.datasets.samples import shipped_material

QUIZ = shipped_material().quiz
LISTED = re.compile(r"^([A-J])\) (.*)$", re.MULTILINE)


def _options(prompt: str) -> dict[str, str]:
    return dict(LISTED.findall(prompt))


def _correct(question: Question) -> set[str]:
    return {" ".join(option.text.split()) for option in question.options if option.correct}


def _wrong(question: Question) -> set[str]:
    return {" ".join(option.text.split()) for option in question.options if not option.correct}


CHOICE = [turns for turns in QUIZ if turns.question.kind in (Kind.SINGLE, Kind.MULTIPLE)]


def test_nearly_every_question_of_the_pool_yields_material_and_every_kind_is_used():
    from studykit.questions.pool import question_pool

    assert len(QUIZ) >= 0.9 * len(question_pool())
    assert {turns.question.kind for turns in QUIZ} == set(Kind)


@pytest.mark.parametrize("turns", CHOICE, ids=[turns.group for turns in CHOICE])
def test_a_listed_question_is_answered_with_the_letters_of_its_correct_options(turns):
    right = _correct(turns.question)
    for prompt, answer in turns.asked:
        shown = _options(prompt)
        if not shown:  # asked without options: the answer opens with the correct option
            assert any(answer.startswith(text) for text in right)
            continue
        named = [line for line in answer.splitlines() if LISTED.match(line)]
        assert {LISTED.match(line).group(2) for line in named} == right
        assert all(shown[LISTED.match(line).group(1)] == LISTED.match(line).group(2) for line in named)
    for prompt, reference in turns.graded:
        shown = _options(prompt)
        assert {shown[letter] for letter in reference["answer"].split(", ")} == right


@pytest.mark.parametrize("turns", CHOICE, ids=[turns.group for turns in CHOICE])
def test_a_preference_pair_prefers_the_correct_answer_over_a_wrong_option(turns):
    right, wrong = _correct(turns.question), _wrong(turns.question)
    for forms in turns.contrasts:
        for _prompt, preferred, rejected in forms:
            rejected_texts = {match[1] for match in LISTED.findall(rejected)} or {rejected}
            assert rejected_texts & (wrong | {sentence(text) for text in wrong}) and rejected_texts != right
            preferred_first = preferred.splitlines()[0]
            assert any(text in preferred_first for text in right)


@pytest.mark.parametrize("turns", CHOICE, ids=[turns.group for turns in CHOICE])
def test_follow_ups_and_checks_call_a_wrong_option_wrong(turns):
    wrong = _wrong(turns.question)
    for forms in turns.why_not:
        for question, _ in forms:
            assert any(f"“{text}”" in question for text in wrong)
    for forms in turns.checks:
        for question, verdict in forms:
            offered = re.search(r"“(.*)”", question.splitlines()[-1]).group(1)
            assert verdict.startswith("No. " if offered in wrong else "Yes. ")


def test_true_false_answers_give_the_banks_verdict():
    for turns in QUIZ:
        if turns.question.kind != Kind.TRUE_FALSE:
            continue
        verdict = next(option.text for option in turns.question.options if option.correct)
        assert all(answer.startswith(f"{verdict}. ") for _, answer in turns.asked)
        assert all(reference["answer"] == verdict for _, reference in turns.graded)
        (((_, _, rejected), *_),) = turns.contrasts
        assert rejected == f"{'False' if verdict == 'True' else 'True'}."


def test_ordering_answers_follow_the_banks_order_whatever_order_the_steps_are_shown_in():
    for turns in QUIZ:
        question = turns.question
        if question.kind != Kind.ORDERING:
            continue
        steps = [" ".join(step.text.split()) for step in question.steps]
        for prompt, reference in turns.graded:
            shown = _options(prompt)
            assert [shown[letter] for letter in reference["answer"].split(", ")] == steps
            assert list(shown.values()) != steps  # never shown already in order


def test_a_question_without_a_note_on_every_option_yields_nothing():
    question = next(turns.question for turns in CHOICE)
    from dataclasses import replace

    silent = replace(question, options=tuple(replace(option, why="") for option in question.options))
    assert quiz_turns([silent]) == ()
