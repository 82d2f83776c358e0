"""What every question's training material shares: its stem, explanation and the shape of its forms.

A *form* is one exchange in one wording; the kinds of question (:mod:`studykit.datasets.quiz_material`,
:mod:`studykit.datasets.quiz_sequences`) build their forms on :class:`QuizTurns`.
"""

from __future__ import annotations

import re

from studykit.datasets.phrasing import LETTERS
from studykit.questions.model import Kind, Question

Form = tuple[str, str]  # (user text, assistant text)
Contrast = tuple[str, str, str]  # (user text, preferred reply, non-preferred reply)
Graded = tuple[str, dict[str, str]]  # (prompt, reference answer)

_NEEDS_OPTIONS = ("following", "these", "option", "below", "listed", "(choose")
"""Stems that only make sense with the options in front of the reader."""
_SEED_NOTE = re.compile(r"\s*\(source: seed:[^)]*\)")
_ANSWER_WITH = {
    Kind.SINGLE: "Answer with the letter of the correct option.",
    Kind.MULTIPLE: "Answer with the letters of all correct options.",
    Kind.TRUE_FALSE: "Answer True or False.",
    Kind.ORDERING: "Answer with the letters in the right order.",
    Kind.MATCHING: "Answer with each number and its letter, such as 1-B.",
}


class QuizTurns:
    """What one question yields. Each tuple of forms is one exchange in other words."""

    checks: tuple[tuple[Form, ...], ...] = ()  # per option: "is it this one?" and the verdict
    why_not: tuple[tuple[Form, ...], ...] = ()  # per wrong option: a follow-up about it

    def __init__(self, question: Question) -> None:
        self.question = question
        self.group = question.id  # a validation split holds whole questions out
        self.concept = question.concept  # the concept it mainly tests
        stem = " ".join(question.stem.split())
        self.stem = f"{' '.join(question.case.scenario.split())}\n\n{stem}" if question.case else stem
        self.explanation = " ".join(_SEED_NOTE.sub("", question.explanation).split())

    @property
    def asked(self) -> tuple[Form, ...]:
        """The question and its answer."""
        raise NotImplementedError

    @property
    def contrasts(self) -> tuple[tuple[Contrast, ...], ...]:
        """Per wrong answer: the right one (with why the wrong one is wrong) preferred over it."""
        raise NotImplementedError

    @property
    def graded(self) -> tuple[Graded, ...]:
        """The question as a prompt, and its answer key and explanation as the reference."""
        raise NotImplementedError

    def stands_alone(self) -> bool:
        lowered = self.question.stem.lower()
        return self.question.case is None and not any(word in lowered for word in _NEEDS_OPTIONS)

    def prompt(self, texts: list[str], order: list[int]) -> str:
        return f"{self.stem}\n{listing([texts[index] for index in order])}"

    def task(self, prompt: str) -> str:
        return f"{prompt}\n{_ANSWER_WITH[self.question.kind]}"


def listing(texts: list[str]) -> str:
    return "\n".join(f"{LETTERS[index]}) {text}" for index, text in enumerate(texts))


def rotations(count: int, identity: bool = True) -> list[list[int]]:
    """Orders of ``count`` items: each rotation (so the answer sits at every letter once), and
    without ``identity`` the reversed order in place of the given one."""
    orders = [[(start + step) % count for step in range(count)] for start in range(count)]
    return orders if identity else [*orders[1:], list(reversed(range(count)))]
