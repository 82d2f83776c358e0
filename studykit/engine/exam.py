"""An exam in progress: where the learner is, what they answered and flagged, and what they typed.

The real exam lets a candidate answer, flag for review, skip, go back and jump to
any question, and shows a review screen of unanswered and flagged questions
before submitting. :class:`ExamProgress` holds that state; :func:`read_exam_input`
tells a navigation command from an answer. Lower-case ``b`` and ``f`` alone are
the back and flag commands; an answer of a single letter B or F is typed as a
capital.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from studykit.questions.model import Answer

ACTIONS = ("skip", "back", "flag", "clear", "review", "submit", "pause", "help")

_WORDS = {
    "": "skip",
    "s": "skip",
    "skip": "skip",
    "n": "skip",
    "next": "skip",
    "b": "back",
    "back": "back",
    "f": "flag",
    "flag": "flag",
    "x": "clear",
    "clear": "clear",
    "r": "review",
    "review": "review",
    "submit": "submit",
    "q": "pause",
    "quit": "pause",
    "pause": "pause",
    "?": "help",
    "h": "help",
    "help": "help",
}
_ANSWER_LETTERS = {"B", "F"}  # capitals alone are answers; "b" and "f" are commands
_JUMP = re.compile(r"^(?:g|go|goto)\s*(\d+)$", re.IGNORECASE)

EXAM_HELP = (
    "Type the answer (B · A,C · C A B D · 1b 2a 3c), or: Enter/s skip · b back · f flag · "
    "g 12 go to question 12 · x clear answer · r review screen · submit · q pause (resume later)"
)


@dataclass(frozen=True)
class Action:
    """A navigation command: one of :data:`ACTIONS`."""

    name: str


@dataclass(frozen=True)
class Jump:
    """Go to question ``index`` (0-based)."""

    index: int


@dataclass(frozen=True)
class AnswerText:
    """Text to be read as an answer to the current question."""

    text: str


@dataclass(frozen=True)
class InputProblem:
    """Input that is neither a command nor possibly an answer; ``message`` says what to type."""

    message: str


ExamInput = Action | Jump | AnswerText | InputProblem


def read_exam_input(text: str, total: int) -> ExamInput:
    """What the learner meant by ``text`` on an exam question of an exam with ``total`` questions."""
    stripped = text.strip()
    key = stripped if stripped in _ANSWER_LETTERS else stripped.lower()
    if key in _WORDS:
        return Action(_WORDS[key])
    jump = _JUMP.match(stripped)
    if jump:
        number = int(jump.group(1))
        if 1 <= number <= total:
            return Jump(number - 1)
        return InputProblem(f"there is no question {number}; choose 1–{total}")
    return AnswerText(stripped)


@dataclass
class ExamProgress:
    """Questions (by id, in exam order), the answers given so far, flags and the current position."""

    question_ids: tuple[str, ...]
    answers: dict[str, Answer] = field(default_factory=dict)
    flagged: set[str] = field(default_factory=set)
    position: int = 0

    def __post_init__(self) -> None:
        if not self.question_ids:
            raise ValueError("an exam needs at least one question")
        self.position = min(max(self.position, 0), len(self.question_ids) - 1)

    @classmethod
    def restore(
        cls,
        question_ids: Iterable[str],
        answers: Mapping[str, Answer],
        flagged: Iterable[str],
        position: int,
    ) -> ExamProgress:
        """Rebuild progress from saved parts, ignoring answers and flags for questions no longer asked."""
        ids = tuple(question_ids)
        known = set(ids)
        return cls(
            ids,
            {qid: answer for qid, answer in answers.items() if qid in known},
            {qid for qid in flagged if qid in known},
            position,
        )

    @property
    def total(self) -> int:
        return len(self.question_ids)

    @property
    def current(self) -> str:
        return self.question_ids[self.position]

    @property
    def at_last(self) -> bool:
        return self.position == self.total - 1

    def answer(self, answer: Answer) -> None:
        self.answers[self.current] = answer

    def clear(self) -> None:
        self.answers.pop(self.current, None)

    def toggle_flag(self) -> bool:
        """Flag or unflag the current question; True when it is now flagged."""
        if self.current in self.flagged:
            self.flagged.discard(self.current)
            return False
        self.flagged.add(self.current)
        return True

    def go(self, index: int) -> None:
        if not 0 <= index < self.total:
            raise IndexError(f"no question {index + 1} in an exam of {self.total}")
        self.position = index

    def forward(self) -> bool:
        """Move to the next question; False (staying put) when already at the last one."""
        if self.at_last:
            return False
        self.position += 1
        return True

    def back(self) -> bool:
        """Move to the previous question; False when already at the first one."""
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def unanswered(self) -> list[int]:
        """Positions (0-based) of questions without an answer."""
        return [index for index, qid in enumerate(self.question_ids) if qid not in self.answers]

    def flagged_positions(self) -> list[int]:
        return [index for index, qid in enumerate(self.question_ids) if qid in self.flagged]
