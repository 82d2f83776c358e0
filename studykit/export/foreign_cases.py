"""Case studies in imported questions: put back together from what a reader found for each question.

Neither GIFT nor Moodle XML has a case-study kind, so an export writes the case's title and
scenario with each of its questions and names the case (GIFT: the studykit comment's ``case``).
A reader that recognises this hands the case on as ``meta["case"]`` (id, title, scenario, and
optionally lint_ignore), with the question's own stem; :func:`gather_cases` then builds one
:class:`~studykit.questions.model.CaseStudy` per id from its questions.
"""

from __future__ import annotations

import dataclasses

from studykit.errors import StudykitError
from studykit.questions.model import CaseStudy, Question


def case_from_meta(data: object) -> CaseStudy | None:
    """The case study a reader found for a question (``case`` with id, title and scenario), if any."""
    if not isinstance(data, dict):
        return None
    texts = [data.get(key) for key in ("id", "title", "scenario")]
    if not all(isinstance(text, str) and text.strip() for text in texts):
        return None
    case_id, title, scenario = (str(text).strip() for text in texts)
    ignore = data.get("lint_ignore")
    rules = tuple(str(rule) for rule in ignore) if isinstance(ignore, list) else ()
    return CaseStudy(case_id, title, scenario, lint_ignore=rules)


def gather_cases(questions: list[Question], source: str, problems: list[StudykitError]) -> list[Question]:
    """Each case study's questions brought together where its first one is, naming all of them.

    Two questions of one case study that tell different titles or scenarios are a problem: the
    bank can hold only one.
    """
    members: dict[str, list[Question]] = {}
    for question in questions:
        if question.case is None:
            continue
        group = members.setdefault(question.case.id, [])
        group.append(question)
        first = group[0]
        if first.case is not None and (first.case.title, first.case.scenario) != (
            question.case.title,
            question.case.scenario,
        ):
            problems.append(
                StudykitError(
                    f"question {question.id!r}: case study {question.case.id!r} has another title "
                    f"or scenario than at line {first.origin.line}",
                    source,
                    question.origin.line,
                    hint="give every question of a case study the same title and scenario",
                )
            )
    together: list[Question] = []
    for question in questions:
        if question.case is None:
            together.append(question)
        elif members[question.case.id][0] is question:
            group = members[question.case.id]
            case = dataclasses.replace(question.case, questions=tuple(member.id for member in group))
            together += [dataclasses.replace(member, case=case) for member in group]
    return together
