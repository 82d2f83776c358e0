"""How each foreign question type becomes a studykit kind, and what of it cannot come along.

Moodle decides the type of a multiple-choice question by its own flag (``single``: one answer
to choose), so studykit does too; weights never change the kind. studykit scores every kind all
or nothing, so partial credit and penalties cannot be kept: each is reported in a note that names
the line, and the answer keeps its feedback. Problems (nothing earns marks, two answers earn full
marks in a one-answer question) raise :class:`~studykit.errors.StudykitError` via ``fail``.
"""

from __future__ import annotations

from collections.abc import Callable

from studykit.errors import StudykitError
from studykit.export.foreign import CHOICE, MATCH, ORDERING, TRUE_FALSE, ForeignQuestion
from studykit.export.gift import STEP_PROMPT
from studykit.questions.model import Kind, Option, Pair, Step

Fail = Callable[..., StudykitError]

FULL = 100.0
_TOLERANCE = 0.01


def parts(item: ForeignQuestion, fail: Fail, notes: list[str]) -> dict[str, object]:
    """``kind`` and ``options``, ``steps`` or ``pairs`` of the studykit question ``item`` becomes."""
    if item.kind == CHOICE:
        return _choice(item, fail, notes)
    if item.kind == TRUE_FALSE:
        return {
            "kind": Kind.TRUE_FALSE,
            "options": (
                Option("True", item.truth, item.feedback_true),
                Option("False", not item.truth, item.feedback_false),
            ),
        }
    if item.kind == ORDERING:
        ordered = sorted(item.answers, key=lambda answer: answer.weight)
        return {
            "kind": Kind.ORDERING,
            "steps": tuple(Step(answer.text, answer.feedback) for answer in ordered),
        }
    if item.kind != MATCH:
        raise ValueError(f"unknown foreign kind {item.kind!r}")
    pairs = [pair for pair in item.pairs if pair.prompt]
    if len(pairs) < len(item.pairs):
        notes.append(
            f"line {item.line}: {len(item.pairs) - len(pairs)} extra wrong match(es) (no prompt) were "
            "dropped: studykit matches each prompt with one of the prompts' own matches"
        )
    if item.meta.get("kind") == Kind.ORDERING.value and all(
        pair.prompt == STEP_PROMPT.format(number) for number, pair in enumerate(pairs, 1)
    ):
        return {"kind": Kind.ORDERING, "steps": tuple(Step(pair.match) for pair in pairs)}
    return {"kind": Kind.MATCHING, "pairs": tuple(Pair(pair.prompt, pair.match) for pair in pairs)}


def _choice(item: ForeignQuestion, fail: Fail, notes: list[str]) -> dict[str, object]:
    answers = item.answers
    if item.single:
        full = [answer for answer in answers if answer.weight >= FULL - _TOLERANCE]
        if not full:
            raise fail(
                "no answer earns full marks",
                "mark the right answer with '=' (in Moodle XML: fraction=\"100\")",
            )
        if len(full) > 1:
            raise fail(
                f"{len(full)} answers earn full marks, but a one-answer question has one right answer",
                "keep one '=' and make the others '~'; if several are right, give each a share such "
                "as '~%50%' instead, so that learners choose them all",
            )
        kept = [answer for answer in answers if answer.weight not in (FULL, 0.0)]
        if kept:
            _credit_note(item, kept, notes)
        options = tuple(Option(answer.text, answer is full[0], answer.feedback) for answer in answers)
        return {"kind": Kind.SINGLE, "options": options}
    right = [answer for answer in answers if answer.weight > 0]
    if not right:
        raise fail(
            "no answer earns marks",
            "mark the right answer with '=', or give each right answer a share such as '~%50%'",
        )
    options = tuple(Option(answer.text, answer.weight > 0, answer.feedback) for answer in answers)
    if len(right) == 1:
        notes.append(
            f"line {item.line}: a several-answer question with one right answer became single choice"
        )
        return {"kind": Kind.SINGLE, "options": options}
    share = FULL / len(right)
    unusual = [
        answer
        for answer in answers
        if (answer.weight > 0 and abs(answer.weight - share) > _TOLERANCE)
        or (answer.weight <= 0 and answer.weight != -FULL)
    ]
    if unusual:
        _credit_note(item, unusual, notes)
    return {"kind": Kind.MULTIPLE, "options": options}


def _credit_note(item: ForeignQuestion, answers: list, notes: list[str]) -> None:
    weights = ", ".join(f"{answer.text!r} {answer.weight:g} %" for answer in answers[:3])
    more = f" and {len(answers) - 3} more" if len(answers) > 3 else ""
    notes.append(
        f"line {item.line}: partial credit is not kept ({weights}{more}): studykit scores all or "
        "nothing, so an answer is right or wrong"
    )
