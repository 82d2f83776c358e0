"""Read what a learner typed as an answer to a presented question.

Stable API: :func:`parse_answer(presented, text) <parse_answer>` → an
:data:`~studykit.questions.model.Answer` (in question indexes), or :class:`InvalidAnswer`
whose ``hint`` says the expected shape (``B``; ``A,C``; ``C A B D``; ``1b 2a 3c``).
Letters are case-insensitive; commas, spaces and semicolons separate. A true/false question
also takes ``T``/``F`` or ``true``/``false``.
"""

from __future__ import annotations

import re

from studykit.engine.presentation import LETTERS, Presented
from studykit.questions.model import Answer, ChoiceAnswer, Kind, MatchAnswer, OrderAnswer


class InvalidAnswer(ValueError):
    """Typed text that is not an answer of the right shape; ``hint`` says what to type."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


_TRUTH_WORDS = {"t": 0, "true": 0, "f": 1, "false": 1}  # option 0 is True, option 1 is False
_SEPARATORS = re.compile(r"[\s,;]+")
_PAIR = re.compile(r"(\d+)\s*[-.:=)]?\s*([a-z])(?![a-z])")


def example(presented: Presented) -> str:
    """A well-formed answer of this question's size, the same in every prompt and hint.

    ``A`` (single, true/false); ``A,C`` (multiple, as many letters as it takes); ``C A B D``
    (ordering); ``1b 2a 3c`` (matching). It is a shape, not a hint at the right answer.
    """
    size = presented.question.size
    kind = presented.kind
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return "A"
    if kind is Kind.MULTIPLE:
        return ",".join(LETTERS[k] for k in (0, 2, 3, 4, 5, 6, 7)[: len(presented.question.correct_indexes)])
    if kind is Kind.ORDERING:
        return " ".join(LETTERS[k] for k in [2, 0, 1, *range(3, size)])
    return " ".join(
        f"{number + 1}{LETTERS[k].lower()}" for number, k in enumerate([1, 0, 2, *range(3, size)])
    )


def expected_shape(presented: Presented) -> str:
    """What to type for this question, as a short instruction."""
    kind = presented.kind
    last = LETTERS[len(presented.match_order or presented.order) - 1]
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return f"type one letter, A–{last}"
    if kind is Kind.MULTIPLE:
        count = len(presented.question.correct_indexes)
        return f"type {count} letters from A–{last}, e.g. {example(presented)}"
    if kind is Kind.ORDERING:
        return f"type all {len(presented.order)} letters in order, e.g. {example(presented)}"
    return f"type each number with a letter a–{last.lower()}, e.g. {example(presented)}"


def parse_answer(presented: Presented, text: str) -> Answer:
    """The answer ``text`` stands for, or :class:`InvalidAnswer` with a hint."""
    tokens = [token for token in _SEPARATORS.split(text.strip()) if token]
    if not tokens:
        raise InvalidAnswer(expected_shape(presented))
    if presented.kind is Kind.MATCHING:
        return _matching(presented, text)
    if presented.kind is Kind.TRUE_FALSE and len(tokens) == 1 and tokens[0].lower() in _TRUTH_WORDS:
        tokens = [LETTERS[presented.order.index(_TRUTH_WORDS[tokens[0].lower()])]]
    letters = _letters(presented, tokens)
    positions = [LETTERS.index(item) for item in letters]
    indexes = [presented.order[position] for position in positions]
    kind = presented.kind
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        if len(indexes) != 1:
            raise InvalidAnswer(f"choose only one answer; {expected_shape(presented)}")
        return ChoiceAnswer(frozenset(indexes))
    if len(set(indexes)) != len(indexes):
        raise InvalidAnswer(f"a letter appears twice; {expected_shape(presented)}")
    if kind is Kind.MULTIPLE:
        count = len(presented.question.correct_indexes)
        if len(indexes) != count:
            raise InvalidAnswer(f"got {_letters_count(indexes)}; {expected_shape(presented)}")
        return ChoiceAnswer(frozenset(indexes))
    if len(indexes) != len(presented.order):
        raise InvalidAnswer(f"got {_letters_count(indexes)}; {expected_shape(presented)}")
    return OrderAnswer(tuple(indexes))


def _quoted(token: str, limit: int = 20) -> str:
    """The token as typed, cut short: a hint quotes what was wrong, not a pasted page."""
    return repr(token if len(token) <= limit else token[:limit] + "…")


def _letters_count(indexes: list[int]) -> str:
    return f"{len(indexes)} letter" + ("" if len(indexes) == 1 else "s")


def _letters(presented: Presented, tokens: list[str]) -> list[str]:
    # "ACD" typed without separators is accepted for the kinds that take several letters.
    if len(tokens) == 1 and presented.kind in (Kind.MULTIPLE, Kind.ORDERING) and tokens[0].isalpha():
        tokens = list(tokens[0])
    allowed = LETTERS[: len(presented.order)]
    letters = []
    for token in tokens:
        upper = token.upper()
        if len(upper) != 1 or upper not in allowed:
            raise InvalidAnswer(
                f"{_quoted(token)} is not one of the letters {allowed[0]}–{allowed[-1]};"
                f" {expected_shape(presented)}"
            )
        letters.append(upper)
    return letters


def _matching(presented: Presented, text: str) -> Answer:
    size = len(presented.match_order)
    allowed = LETTERS[:size].lower()
    lowered = text.lower()
    found = _PAIR.findall(lowered)
    if not found or _PAIR.sub(" ", lowered).strip(" ,;\t"):
        raise InvalidAnswer(expected_shape(presented))
    chosen: dict[int, int] = {}
    for digits, choice in found:
        number = int(digits)
        if not 1 <= number <= size or choice not in allowed:
            raise InvalidAnswer(f"{digits}{choice} is out of range; {expected_shape(presented)}")
        if number - 1 in chosen:
            raise InvalidAnswer(f"{number} is matched twice; {expected_shape(presented)}")
        chosen[number - 1] = presented.match_order[allowed.index(choice)]
    if len(chosen) != size:
        raise InvalidAnswer(f"match all {size}; {expected_shape(presented)}")
    if len(set(chosen.values())) != size:
        raise InvalidAnswer(f"use each letter once; {expected_shape(presented)}")
    return MatchAnswer(tuple(chosen[number] for number in range(size)))
