"""Questions: the model shared by every kind and origin, strict bank loading, generation from content.

Import from the submodules (``studykit.questions.model``, ``.bank``, ``.generate``); this package
re-exports the most used names.
"""

from __future__ import annotations

from studykit.questions.model import (
    Answer,
    ChoiceAnswer,
    Kind,
    MatchAnswer,
    Option,
    OrderAnswer,
    Origin,
    Pair,
    Question,
    Step,
    answer_from_json,
    answer_to_json,
    check_answer,
    correct_answer,
)

__all__ = [
    "Answer",
    "ChoiceAnswer",
    "Kind",
    "MatchAnswer",
    "Option",
    "OrderAnswer",
    "Origin",
    "Pair",
    "Question",
    "Step",
    "answer_from_json",
    "answer_to_json",
    "check_answer",
    "correct_answer",
]
