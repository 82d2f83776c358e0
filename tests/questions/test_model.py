from __future__ import annotations

import pytest

from studykit.questions.model import (
    ChoiceAnswer,
    Kind,
    MatchAnswer,
    Option,
    OrderAnswer,
    Pair,
    Question,
    Step,
    answer_from_json,
    answer_to_json,
    check_answer,
)


def _question(kind: Kind, **parts) -> Question:
    return Question("q", kind, ("fine-tuning",), 3, "easy", "Stem", "Why", **parts)


MULTIPLE = _question(
    Kind.MULTIPLE,
    options=(Option("a", True), Option("b"), Option("c", True), Option("d")),
)
ORDERING = _question(Kind.ORDERING, steps=(Step("one"), Step("two"), Step("three")))
MATCHING = _question(Kind.MATCHING, pairs=(Pair("p1", "m1"), Pair("p2", "m2"), Pair("p3", "m3")))


def test_multiple_response_gets_no_partial_credit():
    assert check_answer(MULTIPLE, ChoiceAnswer(frozenset({0, 2})))
    assert not check_answer(MULTIPLE, ChoiceAnswer(frozenset({0})))
    assert not check_answer(MULTIPLE, ChoiceAnswer(frozenset({0, 1, 2})))


def test_ordering_and_matching_are_all_or_nothing():
    assert check_answer(ORDERING, OrderAnswer((0, 1, 2)))
    assert not check_answer(ORDERING, OrderAnswer((0, 2, 1)))
    assert check_answer(MATCHING, MatchAnswer((0, 1, 2)))
    assert not check_answer(MATCHING, MatchAnswer((0, 2, 1)))


def test_answer_of_the_wrong_shape_is_a_programming_error():
    with pytest.raises(ValueError):
        check_answer(ORDERING, ChoiceAnswer(frozenset({0})))
    with pytest.raises(ValueError):
        check_answer(MULTIPLE, ChoiceAnswer(frozenset({9})))


@pytest.mark.parametrize(
    "answer", [ChoiceAnswer(frozenset({2, 0})), OrderAnswer((2, 0, 1)), MatchAnswer((1, 0, 2))]
)
def test_answers_survive_a_json_round_trip(answer):
    assert answer_from_json(answer_to_json(answer)) == answer


@pytest.mark.parametrize(
    "data", [None, {"chosen": [True]}, {"order": "12"}, {"x": []}, {"chosen": [], "order": []}]
)
def test_malformed_stored_answers_are_refused(data):
    with pytest.raises(ValueError):
        answer_from_json(data)
