"""The question model shared by authored banks, generated questions, quizzes and exams.

Stable API (other packages build on it):

- :class:`Kind` — ``single``, ``multiple``, ``true_false``, ``ordering``, ``matching``.
- :class:`Question` — one question, whatever its origin. Its parts, by kind:

  ========== ===================================================================
  single     ``options``: 3–6 :class:`Option`, exactly one ``correct``
  multiple   ``options``: 4–8 :class:`Option`, at least two ``correct``
  true_false ``options``: exactly ``True`` then ``False``, one ``correct``
  ordering   ``steps``: 3–5 :class:`Step` written in the correct order
  matching   ``pairs``: 3–7 :class:`Pair`; each ``prompt`` belongs with its own ``match``
  ========== ===================================================================

- :class:`CaseStudy` — a scenario shared by two or more questions (the exam's case-study
  kind). Each question of a case study is an ordinary question of one of the five kinds,
  scored on its own, whose ``case`` names the scenario; questions without one have
  ``case=None``. Draws keep the questions of one case together and in order.
- Answers refer to parts by their index in the question (not by the letter shown after
  shuffling), so a stored answer stays meaningful however the options were displayed:
  :class:`ChoiceAnswer` (single, multiple, true_false: the chosen option indexes),
  :class:`OrderAnswer` (ordering: step indexes in the chosen order) and
  :class:`MatchAnswer` (matching: for prompt ``i``, the index of the pair whose match was chosen).
- :func:`check_answer` — all or nothing, as on the AIF-C01 exam.
- :func:`answer_to_json` / :func:`answer_from_json` — a plain-JSON form for storing answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

T = TypeVar("T")


def _compact(cls: type[T]) -> type[T]:
    """Slots (tens of thousands of questions load at once) and a pickled form that is just the values.

    The parse cache unpickles every question on each start; the values go straight into the slots
    instead of through ``dataclasses``' general-purpose state handling, which was slower than the
    rest of a warm start together.
    """
    names = tuple(cls.__slots__)  # type: ignore[attr-defined]
    setter = object.__setattr__

    def getstate(self: object) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in names])

    def setstate(self: object, state: tuple[object, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    cls.__getstate__ = getstate  # type: ignore[attr-defined]
    cls.__setstate__ = setstate  # type: ignore[attr-defined]
    return cls


class Kind(str, Enum):
    """The five question kinds of the AIF-C01 exam."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    ORDERING = "ordering"
    MATCHING = "matching"

    def __str__(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.SINGLE: "single choice",
    Kind.MULTIPLE: "multiple response",
    Kind.TRUE_FALSE: "true/false",
    Kind.ORDERING: "ordering",
    Kind.MATCHING: "matching",
}

DIFFICULTIES = ("easy", "medium", "hard")


@_compact
@dataclass(frozen=True, slots=True)
class Option:
    """A choice of a single, multiple or true/false question, and why it is right or wrong."""

    text: str
    correct: bool = False
    why: str = ""
    line: int = field(default=0, compare=False)


@_compact
@dataclass(frozen=True, slots=True)
class Step:
    """One step of an ordering question; ``why`` says why it sits where it does."""

    text: str
    why: str = ""
    line: int = field(default=0, compare=False)


@_compact
@dataclass(frozen=True, slots=True)
class Pair:
    """A matching prompt with the one match that belongs to it."""

    prompt: str
    match: str
    why: str = ""
    line: int = field(default=0, compare=False)


@_compact
@dataclass(frozen=True, slots=True)
class Origin:
    """Where a question comes from: a bank file and line, or the generator and its source data."""

    path: str | None = None
    line: int | None = None
    generator: str | None = None

    def describe(self) -> str:
        if self.generator:
            return f"generated ({self.generator})"
        if self.path:
            return f"{self.path}:{self.line}" if self.line else self.path
        return "unknown"


@_compact
@dataclass(frozen=True, slots=True)
class CaseStudy:
    """A scenario that two or more questions share; ``id`` is unique across banks.

    ``questions`` holds the ids of its questions in order (so a question can say "2 of 3"), and
    ``lint_ignore`` the lint rules switched off for the case study and all its questions.
    """

    id: str
    title: str
    scenario: str
    line: int = field(default=0, compare=False)
    lint_ignore: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()

    def part_number(self, question_id: str) -> int | None:
        """Where the question sits in the case study, from 1; None if it is not one of its questions."""
        return self.questions.index(question_id) + 1 if question_id in self.questions else None


@_compact
@dataclass(frozen=True, slots=True)
class Question:
    """One exam-style question. ``concepts[0]`` is the concept it mainly tests.

    An imported question may not be complete yet: ``concepts`` empty (unassigned, ``domain`` 0
    unless known), ``explanation`` or a part's ``why`` "". Lint warns about each.
    """

    id: str
    kind: Kind
    concepts: tuple[str, ...]
    domain: int
    difficulty: str
    stem: str
    explanation: str
    options: tuple[Option, ...] = ()
    steps: tuple[Step, ...] = ()
    pairs: tuple[Pair, ...] = ()
    origin: Origin = field(default_factory=Origin, compare=False)
    lint_ignore: tuple[str, ...] = ()
    bank: str | None = None
    case: CaseStudy | None = None

    @property
    def concept(self) -> str:
        """The main concept tested ("" while the question is unassigned)."""
        return self.concepts[0] if self.concepts else ""

    @property
    def generated(self) -> bool:
        return self.origin.generator is not None

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        """Indexes of the correct options (single, multiple, true_false)."""
        return tuple(index for index, option in enumerate(self.options) if option.correct)

    @property
    def size(self) -> int:
        """How many parts the learner sees: options, steps or pairs."""
        return len(self.options) or len(self.steps) or len(self.pairs)


@dataclass(frozen=True)
class ChoiceAnswer:
    """Chosen option indexes of a single, multiple or true/false question."""

    chosen: frozenset[int]


@dataclass(frozen=True)
class OrderAnswer:
    """Step indexes in the order the learner put them."""

    order: tuple[int, ...]


@dataclass(frozen=True)
class MatchAnswer:
    """``matches[i]`` is the index of the pair whose match the learner gave to prompt ``i``."""

    matches: tuple[int, ...]


Answer = ChoiceAnswer | OrderAnswer | MatchAnswer

_ANSWER_TYPES: dict[Kind, type] = {
    Kind.SINGLE: ChoiceAnswer,
    Kind.MULTIPLE: ChoiceAnswer,
    Kind.TRUE_FALSE: ChoiceAnswer,
    Kind.ORDERING: OrderAnswer,
    Kind.MATCHING: MatchAnswer,
}


def answer_type(kind: Kind) -> type:
    """The :data:`Answer` class that answers questions of ``kind``."""
    return _ANSWER_TYPES[kind]


def check_answer(question: Question, answer: Answer) -> bool:
    """True only when the answer is entirely right: no partial credit, as on the exam.

    Raises ``ValueError`` when the answer does not fit the question (wrong kind, or an
    index the question does not have) — a programming error, not a wrong answer.
    """
    expected = _ANSWER_TYPES[question.kind]
    if not isinstance(answer, expected):
        raise ValueError(
            f"a {question.kind} question takes a {expected.__name__}, not {type(answer).__name__}"
        )
    if isinstance(answer, ChoiceAnswer):
        _check_range(answer.chosen, len(question.options))
        return answer.chosen == frozenset(question.correct_indexes)
    if isinstance(answer, OrderAnswer):
        _check_range(answer.order, len(question.steps))
        return answer.order == tuple(range(len(question.steps)))
    _check_range(answer.matches, len(question.pairs))
    return len(answer.matches) == len(question.pairs) and all(
        chosen == index for index, chosen in enumerate(answer.matches)
    )


def correct_answer(question: Question) -> Answer:
    """The answer that :func:`check_answer` accepts."""
    if question.kind is Kind.ORDERING:
        return OrderAnswer(tuple(range(len(question.steps))))
    if question.kind is Kind.MATCHING:
        return MatchAnswer(tuple(range(len(question.pairs))))
    return ChoiceAnswer(frozenset(question.correct_indexes))


def _check_range(indexes: object, size: int) -> None:
    for index in indexes:  # type: ignore[attr-defined]
        if not isinstance(index, int) or not 0 <= index < size:
            raise ValueError(f"answer refers to part {index!r}; the question has {size}")


def answer_to_json(answer: Answer) -> dict[str, list[int]]:
    """A plain-JSON form of an answer, for storing progress."""
    if isinstance(answer, ChoiceAnswer):
        return {"chosen": sorted(answer.chosen)}
    if isinstance(answer, OrderAnswer):
        return {"order": list(answer.order)}
    return {"matches": list(answer.matches)}


def answer_from_json(data: object) -> Answer:
    """Rebuild an answer stored with :func:`answer_to_json`; ``ValueError`` if it is not one."""
    if isinstance(data, dict) and len(data) == 1:
        ((key, value),) = data.items()
        if isinstance(value, list) and all(
            isinstance(item, int) and not isinstance(item, bool) for item in value
        ):
            if key == "chosen":
                return ChoiceAnswer(frozenset(value))
            if key == "order":
                return OrderAnswer(tuple(value))
            if key == "matches":
                return MatchAnswer(tuple(value))
    raise ValueError(f"not a stored answer: {data!r}")
