"""How a question is laid out on paper or a flashcard: what is shown, in what order, and the key.

Choice options keep the authored order (authors spread the correct answers over positions);
ordering steps and matching answers are shuffled, the same way every time for a question id,
so a printed sheet and its answer key always agree. Reuses the quiz engine's presentation, so
answers are written exactly as a learner types them in ``studykit quiz``.
"""

from __future__ import annotations

from dataclasses import dataclass

from studykit.engine.presentation import Presented, letter, present_seeded
from studykit.questions.model import Kind, Question

_INSTRUCTIONS = {
    Kind.SINGLE: "Choose one.",
    Kind.MULTIPLE: "Choose every correct option.",
    Kind.TRUE_FALSE: "True or false?",
    Kind.ORDERING: "Put the steps in order, first to last.",
    Kind.MATCHING: "Match each item with a letter.",
}


@dataclass(frozen=True)
class Layout:
    """A question's printed parts: ``choices`` (label, text) and, for matching, the lettered ``matches``."""

    question: Question
    presented: Presented
    choices: tuple[tuple[str, str], ...]
    matches: tuple[tuple[str, str], ...]

    @property
    def instruction(self) -> str:
        return _INSTRUCTIONS[self.question.kind]

    @property
    def answer(self) -> str:
        """The correct answer as typed in a quiz: ``B``, ``A, C``, ``C A B``, ``1b 2a 3c``."""
        return self.presented.correct_typed

    def reasons(self) -> list[tuple[str, str]]:
        """(label, why) for every part with a why, in the order printed, so the key can say why."""
        question = self.question
        if question.kind is Kind.MATCHING:
            return [
                (f"{number}{letter(self.presented.match_order.index(number - 1)).lower()}", pair.why)
                for number, pair in enumerate(question.pairs, 1)
                if pair.why
            ]
        parts = question.steps if question.kind is Kind.ORDERING else question.options
        return [
            (letter(position), parts[index].why)
            for position, index in enumerate(self.presented.order)
            if parts[index].why
        ]


def layout(question: Question) -> Layout:
    if question.kind in (Kind.ORDERING, Kind.MATCHING):
        presented = present_seeded(question, "print")
    else:
        presented = Presented(question, tuple(range(question.size)))
    if question.kind is Kind.MATCHING:
        choices = tuple((str(number), pair.prompt) for number, pair in enumerate(question.pairs, 1))
        matches = tuple(
            (letter(position).lower(), question.pairs[index].match)
            for position, index in enumerate(presented.match_order)
        )
        return Layout(question, presented, choices, matches)
    parts = question.steps if question.kind is Kind.ORDERING else question.options
    choices = tuple((letter(position), parts[index].text) for position, index in enumerate(presented.order))
    return Layout(question, presented, choices, ())
