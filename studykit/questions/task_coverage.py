"""Coverage of the exam guide: ``studykit bank coverage --by task``.

Stable API: :func:`task_coverage(authored, generated, concepts, guide) <task_coverage>` →
:class:`TaskCoverage`, and :func:`task_coverage_lines` for the text report.

Every task statement and objective of the guide (``content/_objectives.yaml``) is listed with the
concepts that name the objective and the questions on it: a question counts for every objective
of every concept it tests, authored and generated counted apart. Gaps are what an author must
fill: an objective no concept teaches, or one with fewer than ``threshold`` authored questions
(generated questions are shown, but they do not close a gap). Per domain, the authored questions
are held against the minimums that give five distinct full exams, and every kind, case studies
included, must appear in every domain.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studykit.concepts import DOMAINS, ConceptSet
from studykit.concepts.objectives import ExamGuide
from studykit.questions.coverage import COVERAGE_KINDS, KIND_HEADINGS, KIND_NAMES, coverage_kind
from studykit.questions.model import Question

AUTHORED_MINIMUMS: Mapping[int, int] = {1: 65, 2: 80, 3: 95, 4: 50, 5: 50}
"""Authored questions each domain needs: five 65-question exams with no question repeated."""


@dataclass(frozen=True)
class ObjectiveRow:
    """One objective: the concepts that teach it and the questions on them."""

    id: str
    text: str
    concepts: tuple[str, ...]
    authored: int
    generated: int
    threshold: int

    @property
    def gap(self) -> bool:
        return not self.concepts or self.authored < self.threshold

    def to_json(self) -> dict[str, object]:
        return {
            "objective": self.id,
            "text": self.text,
            "concepts": list(self.concepts),
            "authored": self.authored,
            "generated": self.generated,
            "no_concept": not self.concepts,
            "below_threshold": self.authored < self.threshold,
        }


@dataclass(frozen=True)
class TaskRow:
    """A task statement; its counts are of distinct questions on any of its objectives."""

    id: str
    title: str
    objectives: tuple[ObjectiveRow, ...]
    authored: int
    generated: int

    def to_json(self) -> dict[str, object]:
        return {
            "task": self.id,
            "title": self.title,
            "authored": self.authored,
            "generated": self.generated,
            "objectives": [row.to_json() for row in self.objectives],
        }


@dataclass(frozen=True)
class DomainRow:
    """A domain's authored questions against its minimum, by kind."""

    domain: int
    name: str
    authored: int
    minimum: int
    by_kind: tuple[tuple[str, int], ...]

    @property
    def missing_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, count in self.by_kind if not count)

    @property
    def short(self) -> bool:
        return self.authored < self.minimum

    def to_json(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "name": self.name,
            "authored": self.authored,
            "minimum": self.minimum,
            "below_minimum": self.short,
            "by_kind": dict(self.by_kind),
            "missing_kinds": list(self.missing_kinds),
        }


@dataclass(frozen=True)
class TaskCoverage:
    guide: str
    checked: str
    tasks: tuple[TaskRow, ...]
    domains: tuple[DomainRow, ...]
    threshold: int
    authored: int
    generated: int
    unmapped_concepts: tuple[str, ...]

    @property
    def objectives(self) -> list[ObjectiveRow]:
        return [row for task in self.tasks for row in task.objectives]

    @property
    def problems(self) -> list[str]:
        """Every gap in one line each; none means the check passes."""
        found = [
            f"objective {row.id}: "
            + (
                "no concept teaches it"
                if not row.concepts
                else f"{row.authored} authored question(s), {self.threshold} needed"
            )
            for row in self.objectives
            if row.gap
        ]
        for domain in self.domains:
            if domain.short:
                found.append(
                    f"domain {domain.domain}: {domain.authored} authored question(s), {domain.minimum} needed"
                )
            if domain.missing_kinds:
                names = ", ".join(KIND_NAMES[kind] for kind in domain.missing_kinds)
                found.append(f"domain {domain.domain}: missing kinds: {names}")
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "guide": self.guide,
            "checked": self.checked,
            "threshold": self.threshold,
            "authored": self.authored,
            "generated": self.generated,
            "tasks": [task.to_json() for task in self.tasks],
            "domains": [domain.to_json() for domain in self.domains],
            "concepts_without_objective": list(self.unmapped_concepts),
            "problems": self.problems,
            "ok": not self.problems,
        }


def task_coverage(
    authored: Sequence[Question],
    generated: Sequence[Question],
    concepts: ConceptSet,
    guide: ExamGuide,
    *,
    threshold: int = 3,
    minimums: Mapping[int, int] = AUTHORED_MINIMUMS,
) -> TaskCoverage:
    """Map the guide's objectives to concepts and count the questions on each."""
    teaching: dict[str, list[str]] = {}
    for concept in sorted(concepts, key=lambda item: item.id):
        for objective_id in concept.objectives:
            teaching.setdefault(objective_id, []).append(concept.id)
    authored_on = _questions_by_objective(authored, concepts)
    generated_on = _questions_by_objective(generated, concepts)
    tasks = []
    for task in guide.tasks:
        rows = tuple(
            ObjectiveRow(
                objective.id,
                objective.text,
                tuple(teaching.get(objective.id, ())),
                len(authored_on.get(objective.id, ())),
                len(generated_on.get(objective.id, ())),
                threshold,
            )
            for objective in task.objectives
        )
        ids = [objective.id for objective in task.objectives]
        tasks.append(
            TaskRow(
                task.id,
                task.title,
                rows,
                len(set().union(*(authored_on.get(i, set()) for i in ids))),
                len(set().union(*(generated_on.get(i, set()) for i in ids))),
            )
        )
    domains = []
    for number, name in DOMAINS.items():
        kinds = [coverage_kind(question) for question in authored if question.domain == number]
        by_kind = tuple((kind, kinds.count(kind)) for kind in COVERAGE_KINDS)
        domains.append(DomainRow(number, name, len(kinds), minimums.get(number, 0), by_kind))
    unmapped = tuple(sorted(concept.id for concept in concepts if not concept.objectives))
    return TaskCoverage(
        guide.name,
        guide.checked,
        tuple(tasks),
        tuple(domains),
        threshold,
        len(authored),
        len(generated),
        unmapped,
    )


def _questions_by_objective(questions: Sequence[Question], concepts: ConceptSet) -> dict[str, set[str]]:
    """Objective id → ids of the questions on it (through any of their concepts)."""
    found: dict[str, set[str]] = {}
    for question in questions:
        for concept_id in question.concepts:
            if concept_id in concepts:
                for objective_id in concepts[concept_id].objectives:
                    found.setdefault(objective_id, set()).add(question.id)
    return found


WIDTH = 80


def task_coverage_lines(coverage: TaskCoverage) -> list[str]:
    """The report as lines of at most 80 characters; rows with a gap start with '!'."""
    lines = [
        _fit(coverage.guide, WIDTH),
        f"Checked {coverage.checked}: {len(coverage.tasks)} tasks, {len(coverage.objectives)} objectives.",
        f"Questions: {coverage.authored} authored, {coverage.generated} generated.",
        f"! = no concept, or fewer than {coverage.threshold} authored questions.",
        "",
        f"  {'task / objective':<62}{'authored':>9}{'gen':>7}",
    ]
    for task in coverage.tasks:
        lines.append(f"  {_fit(f'{task.id} {task.title}', 62):<62}{task.authored:>9}{task.generated:>7}")
        for row in task.objectives:
            mark = "!" if row.gap else " "
            text = _fit(f"{row.id} {' '.join(row.text.split())}", 60)
            lines.append(f"{mark}   {text:<60}{row.authored:>9}{row.generated:>7}")
            taught = ", ".join(row.concepts) if row.concepts else "no concept teaches it"
            lines += _wrapped(taught, 10)
    kinds = "".join(f"{KIND_HEADINGS[kind]:>5}" for kind in COVERAGE_KINDS)
    lines += [
        "",
        "Domains: authored questions against the minimum (! = short, or a kind missing)",
        f"  {'domain':<38}{'auth':>5}{'min':>5}{kinds}",
    ]
    for domain in coverage.domains:
        mark = "!" if domain.short or domain.missing_kinds else " "
        counts = "".join(f"{count:>5}" for _, count in domain.by_kind)
        name = _fit(f"{domain.domain} {domain.name}", 38)
        lines.append(f"{mark} {name:<38}{domain.authored:>5}{domain.minimum:>5}{counts}")
    if coverage.unmapped_concepts:
        lines += ["", f"Concepts that name no objective ({len(coverage.unmapped_concepts)}):"]
        lines += _wrapped(", ".join(coverage.unmapped_concepts), 2)
    problems = coverage.problems
    lines.append("")
    if problems:
        lines.append(f"{len(problems)} gap(s):")
        for problem in problems:
            lines += _wrapped(problem, 2, 4)
    else:
        lines.append("No gaps: every objective is taught and has questions, every domain is complete.")
    return lines


def _wrapped(text: str, indent: int, hanging: int | None = None) -> list[str]:
    """``text`` in lines of the report's width, indented; ids are never broken at a hyphen."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent if hanging is None else hanging),
        break_on_hyphens=False,
        break_long_words=False,
    )


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
