"""An exam in progress: where the learner is, what they answered, guessed and flagged.

The real exam lets a candidate answer, flag for review, skip, go back and jump to
any question, and shows a review screen before submitting. :class:`ExamProgress`
holds that state; :mod:`studykit.engine.commands` reads what the learner types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from studykit.questions.model import Answer


@dataclass
class ExamProgress:
    """Questions (by id, in exam order), the answers given so far, flags and the current position."""

    question_ids: tuple[str, ...]
    answers: dict[str, Answer] = field(default_factory=dict)
    flagged: set[str] = field(default_factory=set)
    position: int = 0
    guessed: set[str] = field(default_factory=set)
    """Questions whose answer the learner marked as a guess (``B?``)."""

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
        guessed: Iterable[str] = (),
    ) -> ExamProgress:
        """Rebuild progress from saved parts, ignoring answers and flags for questions no longer asked."""
        ids = tuple(question_ids)
        known = set(ids)
        kept = {qid: answer for qid, answer in answers.items() if qid in known}
        return cls(
            ids,
            kept,
            {qid for qid in flagged if qid in known},
            position,
            {qid for qid in guessed if qid in kept},
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

    def answer(self, answer: Answer, *, guessed: bool = False) -> None:
        self.answers[self.current] = answer
        if guessed:
            self.guessed.add(self.current)
        else:
            self.guessed.discard(self.current)

    def clear(self) -> bool:
        """Take back the current answer; False when there was none."""
        self.guessed.discard(self.current)
        return self.answers.pop(self.current, None) is not None

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
