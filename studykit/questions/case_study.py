"""Read a case study from a bank: one scenario and the two to six questions asked about it.

The exam's case-study kind is a scenario followed by questions that are each scored on their
own. In a bank it is one entry of the ``questions`` list with ``kind: case_study``, a ``title``,
a ``scenario`` and a ``questions`` list of ordinary questions (docs/bank-format.md). Each of
them becomes a :class:`~studykit.questions.model.Question` whose ``case`` is the shared
:class:`~studykit.questions.model.CaseStudy`; ``concepts``, ``domain`` and ``difficulty`` given
on the case study are the default of each of its questions.

Stable API: :func:`parse_case_study` (reached through
:func:`studykit.questions.bank.parse_entry`), :func:`entry_fields`, :data:`CASE_PARTS`.
"""

from __future__ import annotations

from dataclasses import replace

from studykit.concepts import ConceptSet
from studykit.fields import Field
from studykit.questions.bank import CASE_STUDY, ID_PATTERN, parse_question
from studykit.questions.model import DIFFICULTIES, CaseStudy, Question

CASE_PARTS = (2, 6)
"""How many questions a case study holds, at least and at most."""
TITLE_MAX_LENGTH = 120
SCENARIO_MAX_LENGTH = 6000

REQUIRED_KEYS = ("id", "kind", "title", "scenario", "questions")
INHERITED_KEYS = ("concepts", "domain", "difficulty")


def parse_case_study(field: Field, concepts: ConceptSet, *, bank: str | None = None) -> tuple[Question, ...]:
    """The questions of the case study at ``field``, in the order written, each naming the case."""
    keys = field.mapping(REQUIRED_KEYS, (*INHERITED_KEYS, "lint_ignore"))
    case_id = keys["id"].text(max_length=120)
    if not ID_PATTERN.match(case_id):
        raise keys["id"].error(
            f"case study id {case_id!r} is not lower-case words or digits joined by '-'",
            "e.g. cs-support-assistant",
        )
    case = CaseStudy(
        case_id,
        keys["title"].text(max_length=TITLE_MAX_LENGTH),
        keys["scenario"].text(max_length=SCENARIO_MAX_LENGTH),
        field.line,
        keys["lint_ignore"].text_list() if "lint_ignore" in keys else (),
    )
    parts = keys["questions"].items()
    low, high = CASE_PARTS
    if not low <= len(parts) <= high:
        raise keys["questions"].error(
            f"a case study needs {low} to {high} questions, has {len(parts)}",
            "write more questions on the scenario" if len(parts) < low else "split it into two case studies",
            of_key=True,
        )
    inherited = {key: keys[key] for key in INHERITED_KEYS if key in keys}
    if "domain" in inherited:
        inherited["domain"].integer(1, 5)
    if "difficulty" in inherited:
        inherited["difficulty"].choice(DIFFICULTIES)
    questions = [parse_question(part, concepts, bank=bank, case=case, inherited=inherited) for part in parts]
    case = replace(case, questions=tuple(question.id for question in questions))
    return tuple(replace(question, case=case) for question in questions)


def entry_fields(field: Field) -> list[Field]:
    """Where each question of a bank entry is written: the entry itself, or each question of a case study.

    In the order :func:`~studykit.questions.bank.parse_entry` returns the questions.
    """
    value = field.value
    if isinstance(value, dict) and value.get("kind") == CASE_STUDY:
        inner = value.get("questions")
        if isinstance(inner, list):
            return [field.child("questions").child(index) for index in range(len(inner))]
    return [field]
