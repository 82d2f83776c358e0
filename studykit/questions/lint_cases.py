"""Lint rules for case studies: a scenario its questions need, of a length worth reading, one domain.

Each function yields :class:`~studykit.questions.lint_hit.Hit` values; the table in
:mod:`studykit.questions.lint_rules` registers them. Case-wide problems are reported on the case
study's first question with ``on_case`` set, so they point at the case study's own keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from studykit.questions.lint_hit import Hit
from studykit.questions.model import Question

SCENARIO_WORDS = (25, 300)
"""A scenario's length in words, at least and at most, before lint warns."""

_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_REFERENCES = re.compile(
    r"\b(?:the|this) (?:scenario|case|case study|situation)\b|\bdescribed\b", re.IGNORECASE
)
# Words every stem may use whatever it asks: sharing them with the scenario is no sign of needing it.
_COMMON_WORDS = """
    about above after also answer apply based because been before best both could does doing done
    each every first following from have into itself least like meet meets model models most must
    need needs only other over should some such than that their them then there these they this
    those what when where which while will with without would your
"""
_COMMON = frozenset(_COMMON_WORDS.split())


def case_groups(questions: Sequence[Question]) -> dict[str, list[Question]]:
    """The questions of each case study, by case id, in the order given."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        if question.case is not None:
            groups.setdefault(question.case.id, []).append(question)
    return groups


def _words(text: str) -> set[str]:
    folded = text.casefold().replace("\u2019", "'").replace("'s ", " ")
    return {word for word in _WORD.findall(folded) if len(word) >= 4 and word not in _COMMON}


def check_case_unused(question: Question) -> Iterator[Hit]:
    """A case-study question should need its scenario: one that never refers to it stands alone."""
    case = question.case
    if case is None or _REFERENCES.search(question.stem) or _words(question.stem) & _words(case.scenario):
        return
    yield Hit(
        f"the question does not refer to the scenario of case study {case.id!r} (its stem shares no "
        "word with it): ask about the scenario, or make it an ordinary question",
        question,
        ("stem",),
    )


def check_scenario_length(questions: Sequence[Question]) -> Iterator[Hit]:
    """Too short, and there is no case to study; too long, and learners re-read it for each question."""
    low, high = SCENARIO_WORDS
    for parts in case_groups(questions).values():
        case = parts[0].case
        assert case is not None
        count = len(case.scenario.split())
        if count < low:
            advice = f"a scenario that sets up several questions takes at least {low} words"
        elif count > high:
            advice = f"learners re-read it with each question: keep it to {high} words or fewer"
        else:
            continue
        yield Hit(f"the scenario has {count} words; {advice}", parts[0], ("scenario",), on_case=True)


def check_case_domains(questions: Sequence[Question]) -> Iterator[Hit]:
    """The questions of one case study test one domain's tasks, as on the exam."""
    for case_id, parts in case_groups(questions).items():
        domains = sorted({question.domain for question in parts if question.domain})
        if len(domains) > 1:
            listed = " and ".join(str(domain) for domain in domains)
            yield Hit(
                f"the questions of case study {case_id!r} are in domains {listed}: keep a case study "
                "to one domain (set 'domain' on the case study), or move a question out",
                parts[0],
                ("questions",),
                on_case=True,
            )


def check_duplicate_cases(questions: Sequence[Question]) -> Iterator[Hit]:
    """A case study's id names one case study and no question, across every bank linted."""
    first_place: dict[str, tuple[str | None, int]] = {}
    question_ids = {question.id for question in questions}
    for parts in case_groups(questions).values():
        for part in parts:
            case = part.case
            assert case is not None
            place = (part.origin.path, case.line)
            seen = first_place.setdefault(case.id, place)
            if seen != place:
                where = f"{seen[0]}:{seen[1]}" if seen[0] else f"line {seen[1]}"
                yield Hit(
                    f"case study id {case.id!r} is already used at {where}", part, ("id",), on_case=True
                )
                break
        first = parts[0]
        assert first.case is not None
        if first.case.id in question_ids:
            yield Hit(
                f"case study id {first.case.id!r} is also a question's id: give the case study its own",
                first,
                ("id",),
                on_case=True,
            )
