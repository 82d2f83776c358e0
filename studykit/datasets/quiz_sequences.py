"""Ordering and matching questions as training material.

The items are shown in an order of their own (each rotation but the given one, and the given
one reversed, so they are never shown already in order) and the answer puts them right; a
preference pair sets the right order against the same with two neighbours swapped.
"""

from __future__ import annotations

from functools import cached_property

from studykit.datasets.phrasing import LETTERS, joined, reason, sentence
from studykit.datasets.quiz_forms import Contrast, Form, Graded, QuizTurns, listing, rotations
from studykit.questions.model import Kind, Question


class SequenceTurns(QuizTurns):
    """Ordering and matching: items to put in order, or matches to pair with numbered prompts."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        self.ordering = question.kind == Kind.ORDERING
        raw = (
            [step.text for step in question.steps]
            if self.ordering
            else [pair.match for pair in question.pairs]
        )
        self.items = [" ".join(text.split()) for text in raw]
        self.prompts = [" ".join(pair.prompt.split()) for pair in question.pairs]
        self.because = sentence(self.explanation)
        self.orders = rotations(len(self.items), identity=False)

    @classmethod
    def usable(cls, question: Question) -> bool:
        items = [step.text for step in question.steps] or [pair.match for pair in question.pairs]
        return len(items) >= 3 and len(set(items)) == len(items)

    def prompt(self, texts: list[str], order: list[int]) -> str:
        numbered = "\n".join(f"{n}. {prompt}" for n, prompt in enumerate(self.prompts, 1))
        listed = listing([texts[index] for index in order])
        return "\n".join(part for part in (self.stem, numbered, listed) if part)

    def arranged(self, order: list[int], sequence: list[int]) -> tuple[str, str]:
        """The answer key (letters as shown in ``order``) and the reply that puts items in ``sequence``."""
        letters = [LETTERS[order.index(index)] for index in sequence]
        if self.ordering:
            key = ", ".join(letters)
            lines = [f"{n}. {self.items[index]}" for n, index in enumerate(sequence, 1)]
        else:
            key = ", ".join(f"{n}-{letter}" for n, letter in enumerate(letters, 1))
            lines = [f"{n}. {self.prompts[n - 1]}: {self.items[i]}" for n, i in enumerate(sequence, 1)]
        return key, "\n".join([key, *lines])

    def answer(self, order: list[int]) -> tuple[str, str]:
        key, reply = self.arranged(order, list(range(len(self.items))))
        return key, f"{reply}\n{self.because}" if self.because else reply

    @cached_property
    def asked(self) -> tuple[Form, ...]:
        return tuple((self.prompt(self.items, order), self.answer(order)[1]) for order in self.orders)

    @cached_property
    def contrasts(self) -> tuple[tuple[Contrast, ...], ...]:
        out: list[list[Contrast]] = [[] for _ in range(len(self.items) - 1)]
        for order, (prompt, answer) in zip(self.orders, self.asked, strict=True):
            for first in range(len(self.items) - 1):
                swapped = list(range(len(self.items)))
                swapped[first], swapped[first + 1] = first + 1, first
                preferred = joined(answer, self.swap_note(first))
                out[first].append((prompt, preferred, self.arranged(order, swapped)[1]))
        return tuple(tuple(forms) for forms in out)

    @cached_property
    def graded(self) -> tuple[Graded, ...]:
        out = []
        for order in self.orders:
            key = self.answer(order)[0]
            out.append(
                (
                    self.task(self.prompt(self.items, order)),
                    {"answer": key, "explanation": self.because or key},
                )
            )
        return tuple(out)

    def swap_note(self, first: int) -> str:
        """Why two neighbours are not the other way round, from the notes of the first one."""
        if self.ordering:
            step = self.question.steps[first]
            said = f"“{self.items[first]}” comes before “{self.items[first + 1]}”"
            why = reason(step.why, True)
        else:
            pair = self.question.pairs[first]
            said, why = f"“{self.prompts[first]}” goes with “{self.items[first]}”", reason(pair.why, True)
        return f"{said}." if not why or why in self.because else f"{said}: {why}"
