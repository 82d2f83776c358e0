"""All the questions a quiz can draw from: authored banks plus generated questions.

Stable API: :func:`question_pool(bank_paths=None, generated=True) <question_pool>` — the shipped
banks (or the banks at ``bank_paths``), plus the questions generated from the shipped content;
question ids are unique across all of them. :func:`generated_questions(content=None)
<generated_questions>` — the generated ones alone. :func:`shipped_generated_questions` — those
generated from the shipped content, read from the parse cache (the generator modules are imported
only when the cache has to be rebuilt).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from studykit.errors import StudykitError
from studykit.questions.model import Question


def question_pool(
    bank_paths: Sequence[Path | str] | None = None, *, generated: bool = True, content: Path | None = None
) -> tuple[Question, ...]:
    """Authored questions first (in bank order), then generated ones.

    ``content`` replaces the shipped concept folder: banks are checked against it and
    questions are generated from it.
    """
    from studykit.questions.bank import load_banks_cached, load_shipped_banks
    from studykit.resources import quizzes_dir

    if content is None and not bank_paths:
        banks = load_shipped_banks()
    else:
        banks = load_banks_cached(bank_paths or [quizzes_dir()], content)
    questions = [question for bank in banks for question in bank.questions]
    if generated:
        authored = {question.id: question for question in questions}
        for question in generated_questions(content):
            if question.id in authored:
                clash = authored[question.id].origin
                raise StudykitError(
                    f"question id {question.id!r} is also a generated question's id",
                    clash.path,
                    clash.line,
                    hint="authored ids must not start with 'gen-'",
                )
            questions.append(question)
    return tuple(questions)


def generated_questions(content: Path | None = None) -> tuple[Question, ...]:
    """The questions generated from the shipped content, or from the concept folder ``content``."""
    if content is None:
        return shipped_generated_questions()
    from studykit.concepts import load_concepts
    from studykit.questions.generate import generate_questions
    from studykit.questions.sequences import load_sequences

    concepts = load_concepts(content)
    return generate_questions(concepts, load_sequences(content, concepts))


@lru_cache(maxsize=1)
def shipped_generated_questions() -> tuple[Question, ...]:
    """The questions generated from the shipped content, through the parse cache."""
    from studykit.parse_cache import cached
    from studykit.resources import content_dir

    def build() -> tuple[Question, ...]:
        from studykit.concepts import load_concepts
        from studykit.questions.generate import generate_questions
        from studykit.questions.sequences import load_sequences

        concepts = load_concepts()
        return generate_questions(concepts, load_sequences(content_dir(), concepts))

    return cached("generated", content_dir().glob("*.yaml"), build)
