"""A question as the learner sees it: parts shuffled and lettered, answers mapped back by identity.

Stable API:

- :func:`present(question, rng) <present>` → :class:`Presented` — shuffle with a ``random.Random``.
- :func:`present_seeded(question, seed) <present_seeded>` — the same presentation for the same
  seed and question id, whatever else was drawn (what ``--resume`` needs to rebuild a session).
- :func:`letter` / ``Presented.typed(answer)`` — how an answer is typed (``B``, ``A, C``,
  ``C A B D``, ``1b 2a 3c``); ``Presented.correct_typed`` — the correct answer typed that way.

``order[k]`` is the index in the question of the part shown at position ``k``; an
:data:`~studykit.questions.model.Answer` always holds question indexes, so shuffling can never
change which answer is correct. True/false keeps True before False, as on the exam.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from studykit.questions.model import (
    Answer,
    ChoiceAnswer,
    Kind,
    OrderAnswer,
    Question,
    correct_answer,
)

LETTERS = "ABCDEFGHIJ"


def letter(position: int) -> str:
    return LETTERS[position]


@dataclass(frozen=True)
class Presented:
    """A question with its display order: ``order`` for options or steps, ``match_order`` for matches.

    For matching, prompts keep their order (numbered 1…n) and the matches are shuffled
    (lettered): ``match_order[k]`` is the pair index whose match is shown as letter ``k``.
    """

    question: Question
    order: tuple[int, ...] = ()
    match_order: tuple[int, ...] = ()

    @property
    def kind(self) -> Kind:
        return self.question.kind

    def position_of(self, index: int) -> int:
        """Display position of the part with question index ``index``."""
        return self.order.index(index)

    def typed(self, answer: Answer) -> str:
        """``answer`` written the way a learner would type it for this presentation."""
        if isinstance(answer, ChoiceAnswer):
            return ", ".join(sorted(letter(self.position_of(index)) for index in answer.chosen))
        if isinstance(answer, OrderAnswer):
            return " ".join(letter(self.position_of(index)) for index in answer.order)
        return " ".join(
            f"{number + 1}{letter(self.match_order.index(chosen)).lower()}"
            for number, chosen in enumerate(answer.matches)
        )

    @property
    def correct_typed(self) -> str:
        return self.typed(correct_answer(self.question))


def present(question: Question, rng: random.Random) -> Presented:
    """Shuffle the question's parts with ``rng``."""
    if question.kind is Kind.TRUE_FALSE:
        return Presented(question, (0, 1))
    if question.kind is Kind.MATCHING:
        matches = list(range(len(question.pairs)))
        _shuffle_away_from_identity(matches, rng)
        return Presented(question, tuple(range(len(question.pairs))), tuple(matches))
    parts = list(range(question.size))
    if question.kind is Kind.ORDERING:
        _shuffle_away_from_identity(parts, rng)
    else:
        rng.shuffle(parts)
    return Presented(question, tuple(parts))


def present_seeded(question: Question, seed: int | str) -> Presented:
    """The presentation for ``seed`` and this question alone, stable across resumed sessions."""
    return present(question, random.Random(f"{seed}:{question.id}"))


def _shuffle_away_from_identity(items: list[int], rng: random.Random) -> None:
    """Shuffle so the correct order is not shown as-is (it would give the answer away)."""
    original = list(items)
    rng.shuffle(items)
    if items == original and len(items) > 1:
        items.append(items.pop(0))
