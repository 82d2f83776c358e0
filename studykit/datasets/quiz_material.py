"""Training material drawn from the question pool: each question, its options and their notes.

A question yields exchanges in several *forms* that say the same in other words (its
options listed in another order, the stem asked without options): the question asked and
answered, an option offered and confirmed or corrected, a wrong option asked about after
the answer, the right answer set against a wrong one (for preference data), and a prompt
with a reference answer (for reinforcement fine-tuning). Every answer is the question's
correct one, explained by its own notes; a wrong option is only ever named as wrong.
Each part is worked out the first time a format asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from studykit.datasets.phrasing import CHECKS, LETTERS, TRUE_OR_FALSE, WHY_NOT, explained, reason, sentence
from studykit.datasets.quiz_forms import Contrast, Form, Graded, QuizTurns, rotations
from studykit.datasets.quiz_sequences import SequenceTurns
from studykit.questions.model import Kind, Question

__all__ = ["Choice", "QuizTurns", "quiz_turns"]


@dataclass(frozen=True)
class Choice:
    """An option as the records quote it: tidy text, and its note as a reason."""

    text: str
    correct: bool
    why: str


def quiz_turns(questions: Iterable[Question]) -> tuple[QuizTurns, ...]:
    """The material of every question that has what it needs (a note for each option)."""
    out: list[QuizTurns] = []
    for question in questions:
        kind = _KINDS.get(question.kind)
        if kind is not None and kind.usable(question):
            out.append(kind(question))
    return tuple(out)


class _Choices(QuizTurns):
    """Single choice, multiple response and true/false: options with a note each."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        self.choices = [
            Choice(" ".join(option.text.split()), option.correct, reason(option.why, option.correct))
            for option in question.options
        ]
        self.texts = [choice.text for choice in self.choices]
        self.rights = [index for index, choice in enumerate(self.choices) if choice.correct]
        self.wrongs = [index for index, choice in enumerate(self.choices) if not choice.correct]
        self.because = explained(" ".join(self.choices[index].why for index in self.rights), self.explanation)

    @classmethod
    def usable(cls, question: Question) -> bool:
        return bool(question.options) and all(option.why.strip() for option in question.options)

    @cached_property
    def why_not(self) -> tuple[tuple[Form, ...], ...]:
        wrongs = [self.choices[index] for index in self.wrongs]
        return tuple(tuple((ask.format(option=wrong.text), wrong.why) for ask in WHY_NOT) for wrong in wrongs)


class _Single(_Choices):
    @classmethod
    def usable(cls, question: Question) -> bool:
        return super().usable(question) and len(question.correct_indexes) == 1

    def answer(self, order: list[int]) -> tuple[str, str]:
        letter = LETTERS[order.index(self.rights[0])]
        return letter, f"{letter}) {self.texts[self.rights[0]]}\n{self.because}"

    @cached_property
    def asked(self) -> tuple[Form, ...]:
        forms = [
            (self.prompt(self.texts, order), self.answer(order)[1]) for order in rotations(len(self.texts))
        ]
        if self.stands_alone():
            forms.append((self.stem, f"{sentence(self.texts[self.rights[0]])} {self.because}"))
        return tuple(forms)

    @cached_property
    def checks(self) -> tuple[tuple[Form, ...], ...]:
        if not self.stands_alone():
            return ()
        right = self.choices[self.rights[0]]
        out = []
        for choice in self.choices:
            verdict = (
                f"Yes. {self.because}"
                if choice.correct
                else f"No. {choice.why}\nThe answer is “{right.text}”. {right.why}"
            )
            out.append(
                tuple((f"{self.stem}\n{check.format(option=choice.text)}", verdict) for check in CHECKS)
            )
        return tuple(out)

    @cached_property
    def contrasts(self) -> tuple[tuple[Contrast, ...], ...]:
        out: list[list[Contrast]] = [[] for _ in self.wrongs]
        for order in rotations(len(self.texts)):
            prompt, (_, answer) = self.prompt(self.texts, order), self.answer(order)
            for number, index in enumerate(self.wrongs):
                other, wrong = LETTERS[order.index(index)], self.choices[index]
                out[number].append(
                    (prompt, f"{answer}\n{other}) is not it: {wrong.why}", f"{other}) {wrong.text}")
                )
        if self.stands_alone():
            said = f"{sentence(self.texts[self.rights[0]])} {self.because}"
            for number, index in enumerate(self.wrongs):
                wrong = self.choices[index]
                out[number].append(
                    (self.stem, f"{said} Not “{wrong.text}”: {wrong.why}", sentence(wrong.text))
                )
        return tuple(tuple(forms) for forms in out)

    @cached_property
    def graded(self) -> tuple[Graded, ...]:
        out = []
        for order in rotations(len(self.texts)):
            letter = self.answer(order)[0]
            out.append(
                (self.task(self.prompt(self.texts, order)), {"answer": letter, "explanation": self.because})
            )
        return tuple(out)


class _TrueFalse(_Choices):
    @classmethod
    def usable(cls, question: Question) -> bool:
        return super().usable(question) and len(question.correct_indexes) == 1 and len(question.options) == 2

    why_not = ()

    @cached_property
    def prompts(self) -> list[str]:
        return [form.format(statement=self.stem) for form in TRUE_OR_FALSE]

    @cached_property
    def asked(self) -> tuple[Form, ...]:
        answer = f"{self.texts[self.rights[0]]}. {self.because}"
        return tuple((prompt, answer) for prompt in self.prompts)

    @cached_property
    def contrasts(self) -> tuple[tuple[Contrast, ...], ...]:
        wrong = self.texts[self.wrongs[0]]
        return (tuple((prompt, answer, f"{wrong}.") for prompt, answer in self.asked),)

    @cached_property
    def graded(self) -> tuple[Graded, ...]:
        reference = {"answer": self.texts[self.rights[0]], "explanation": self.because}
        return tuple((self.task(prompt), reference) for prompt in self.prompts)


class _Multiple(_Choices):
    def chosen(self, order: list[int], indexes: list[int]) -> tuple[str, str]:
        """The letters of ``indexes`` as shown in ``order``, and those options one per line."""
        shown = sorted((order.index(index), index) for index in indexes)
        key = ", ".join(LETTERS[place] for place, _ in shown)
        return key, "\n".join(f"{LETTERS[place]}) {self.texts[index]}" for place, index in shown)

    @cached_property
    def asked(self) -> tuple[Form, ...]:
        return tuple(
            (self.prompt(self.texts, order), f"{self.chosen(order, self.rights)[1]}\n{self.because}")
            for order in rotations(len(self.texts))
        )

    @cached_property
    def contrasts(self) -> tuple[tuple[Contrast, ...], ...]:
        out: list[list[Contrast]] = [[] for _ in self.wrongs]
        for order, (prompt, answer) in zip(rotations(len(self.texts)), self.asked, strict=True):
            for number, index in enumerate(self.wrongs):
                other = LETTERS[order.index(index)]
                preferred = f"{answer}\n{other}) is not one of them: {self.choices[index].why}"
                rejected = self.chosen(order, [*self.rights[:-1], index])[1]
                out[number].append((prompt, preferred, rejected))
        return tuple(tuple(forms) for forms in out)

    @cached_property
    def graded(self) -> tuple[Graded, ...]:
        return tuple(
            (
                self.task(self.prompt(self.texts, order)),
                {"answer": self.chosen(order, self.rights)[0], "explanation": self.because},
            )
            for order in rotations(len(self.texts))
        )


_KINDS: dict[Kind, type[_Choices] | type[SequenceTurns]] = {
    Kind.SINGLE: _Single,
    Kind.TRUE_FALSE: _TrueFalse,
    Kind.MULTIPLE: _Multiple,
    Kind.ORDERING: SequenceTurns,
    Kind.MATCHING: SequenceTurns,
}
