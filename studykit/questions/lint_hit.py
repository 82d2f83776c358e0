"""What a lint rule reports: a :class:`Hit`, which the linter turns into a located finding."""

from __future__ import annotations

from dataclasses import dataclass

from studykit.questions.model import Question
from studykit.yamlfile import KeyPath


@dataclass(frozen=True)
class Hit:
    """One problem a rule found: on ``question`` (None for the whole file), at ``keypath`` inside it.

    ``on_case``: the problem is the question's case study's (its scenario, its id…), and
    ``keypath`` is inside the case study's entry rather than the question's.
    """

    message: str
    question: Question | None = None
    keypath: KeyPath = ()
    on_case: bool = False
