"""Questions as another tool wrote them (Moodle GIFT or XML), before they become studykit questions.

Each reader (:mod:`~studykit.export.gift_reader`, :mod:`~studykit.export.moodle_xml_reader`) turns
its syntax into these plain values and reports what it cannot read; one converter
(:mod:`~studykit.export.foreign_import`) then applies the same rules to both: what becomes which
kind, what partial credit means, where concepts come from, what is a problem and what a warning.

Weights are percentages as Moodle shows them (100 = full marks, -100 = all marks taken away).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studykit.errors import StudykitError

CHOICE = "choice"
TRUE_FALSE = "truefalse"
MATCH = "match"
ORDERING = "ordering"


@dataclass(frozen=True)
class ForeignAnswer:
    """A multiple-choice answer or an ordering item, with its weight and feedback.

    For an ordering item ``weight`` is its position in the right order (1, 2, …), as Moodle stores it.
    """

    text: str
    weight: float
    feedback: str
    line: int


@dataclass(frozen=True)
class ForeignPair:
    """A matching sub-question; an empty ``prompt`` is an extra wrong match."""

    prompt: str
    match: str
    line: int


@dataclass(frozen=True)
class ForeignQuestion:
    """One question of a kind studykit has.

    ``single`` is Moodle's own flag for multiple choice: one answer may be chosen (GIFT: the
    answers hold an ``=``). ``feedback_true``/``feedback_false`` are what a true/false question
    says to a learner who answers True / False. ``meta`` is a studykit comment's data (GIFT only).
    """

    line: int
    name: str | None
    stem: str
    kind: str
    general_feedback: str
    category: str | None
    meta: dict[str, object] = field(default_factory=dict)
    single: bool = True
    answers: tuple[ForeignAnswer, ...] = ()
    pairs: tuple[ForeignPair, ...] = ()
    truth: bool = False
    feedback_true: str = ""
    feedback_false: str = ""


@dataclass(frozen=True)
class ForeignFile:
    """What a reader found: questions, the file's categories, notes on what it skipped, and problems.

    ``problems`` are located errors (syntax slips); reading goes on after each, so every problem
    in a file is reported in one run.
    """

    questions: tuple[ForeignQuestion, ...]
    categories: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    problems: tuple[StudykitError, ...] = ()
    bank_meta: dict[str, object] = field(default_factory=dict)
