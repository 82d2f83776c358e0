from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_pool import fixture_pool

from studykit.engine.answer_text import InvalidAnswer, parse_answer
from studykit.engine.presentation import letter, present, present_seeded
from studykit.questions.model import ChoiceAnswer, Kind, MatchAnswer, OrderAnswer, check_answer

POOL = fixture_pool()
BY_KIND = {kind: [q for q in POOL if q.kind is kind] for kind in Kind}


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(POOL), st.integers(0, 2**32))
def test_shuffling_never_changes_which_answer_is_correct(question, seed):
    item = present(question, random.Random(seed))
    assert check_answer(question, parse_answer(item, item.correct_typed))
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE):
        shown_correct = {
            question.options[index].text for index in item.order if question.options[index].correct
        }
        assert shown_correct == {question.options[i].text for i in question.correct_indexes}
        for position, index in enumerate(item.order):
            if question.kind is not Kind.MULTIPLE:
                answer = parse_answer(item, letter(position))
                assert check_answer(question, answer) == question.options[index].correct


def test_ordering_and_matching_never_show_the_answer_as_is():
    for question in BY_KIND[Kind.ORDERING] + BY_KIND[Kind.MATCHING]:
        for seed in range(30):
            item = present_seeded(question, seed)
            identity = tuple(range(question.size))
            assert (item.match_order or item.order) != identity


def test_seeded_presentation_depends_only_on_seed_and_question():
    question = BY_KIND[Kind.SINGLE][0]
    assert present_seeded(question, 5) == present_seeded(question, 5)
    assert len({present_seeded(question, seed).order for seed in range(20)}) > 1


def test_true_false_keeps_true_first():
    question = BY_KIND[Kind.TRUE_FALSE][0]
    assert present_seeded(question, 3).order == (0, 1)


def test_typed_answers_in_every_accepted_form():
    multiple = present_seeded(BY_KIND[Kind.MULTIPLE][0], 1)
    letters = multiple.correct_typed.replace(",", "").split()
    for text in (",".join(letters), " ".join(letters).lower(), "".join(letters), ";".join(reversed(letters))):
        assert check_answer(multiple.question, parse_answer(multiple, text)), text
    matching = present_seeded(BY_KIND[Kind.MATCHING][0], 1)
    pairs = matching.correct_typed.split()
    for text in (
        " ".join(pairs),
        ",".join(pairs),
        "".join(pairs),
        " ".join(p[0] + "-" + p[1] for p in pairs).upper(),
    ):
        assert check_answer(matching.question, parse_answer(matching, text)), text
    assert isinstance(parse_answer(matching, "1a 2b 3c"), MatchAnswer)
    ordering = present_seeded(BY_KIND[Kind.ORDERING][0], 1)
    assert isinstance(parse_answer(ordering, ordering.correct_typed.lower()), OrderAnswer)


@pytest.mark.parametrize(
    ("kind", "text", "hint"),
    [
        (Kind.SINGLE, "Z", "not one of the letters A–D; type one letter, A–D"),
        (Kind.SINGLE, "A B", "choose only one"),
        (Kind.SINGLE, "", "type one letter"),
        (Kind.MULTIPLE, "A", "got 1 letter; type 2 letters from A–D, e.g. A,C"),
        (Kind.MULTIPLE, "A A", "a letter appears twice"),
        (Kind.ORDERING, "A B", "got 2 letters; type all 4 letters in order"),
        (Kind.MATCHING, "1a 2b", "match all 3"),
        (Kind.MATCHING, "1a 2a 3b", "use each letter once"),
        (Kind.MATCHING, "1a 2b 3z", "out of range"),
        (Kind.MATCHING, "A B C", "type each number with a letter a–c, e.g. 1b 2a 3c"),
        (Kind.MATCHING, "1a 1b 3c", "1 is matched twice"),
    ],
)
def test_invalid_answers_say_what_shape_to_type(kind, text, hint):
    authored = [q for q in BY_KIND[kind] if not q.generated]
    item = present_seeded(authored[0], 1)
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(item, text)
    assert hint in caught.value.hint


def test_answers_are_stored_by_question_index_not_letter():
    question = next(q for q in BY_KIND[Kind.SINGLE] if not q.generated)
    item = present_seeded(question, 2)
    answer = parse_answer(item, item.correct_typed)
    assert answer == ChoiceAnswer(frozenset(question.correct_indexes))


@pytest.mark.parametrize(("typed", "truth"), [("T", True), ("true", True), ("f", False), ("FALSE", False)])
def test_true_false_takes_the_words_as_well_as_the_letters(typed, truth):
    question = BY_KIND[Kind.TRUE_FALSE][0]
    item = present_seeded(question, 1)
    answer = parse_answer(item, typed)
    assert answer == ChoiceAnswer(frozenset({0 if truth else 1}))
    assert check_answer(question, answer) == (question.options[0].correct is truth)
