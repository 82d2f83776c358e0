"""The exam guide's task statements and objectives (``content/_objectives.yaml``).

Concepts name the objectives they teach, so coverage can be shown per objective and a
gap in the content is visible instead of discovered on exam day. The file is checked
strictly like concept files: ids have the guide's shape, belong to their task, and
appear once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studykit.concepts.loader import parse_source
from studykit.concepts.model import DOMAINS
from studykit.errors import StudykitError
from studykit.fields import Field
from studykit.yamlfile import load_yaml

OBJECTIVES_FILE = "_objectives.yaml"
TASK_PATTERN = re.compile(r"^[1-5]\.\d+$")
OBJECTIVE_PATTERN = re.compile(r"^[1-5]\.\d+\.\d+$")


@dataclass(frozen=True)
class Objective:
    """One objective of a task statement, e.g. ``3.3.2``."""

    id: str
    text: str

    @property
    def task(self) -> str:
        return self.id.rsplit(".", 1)[0]

    @property
    def domain(self) -> int:
        return int(self.id.split(".", 1)[0])


@dataclass(frozen=True)
class Task:
    """A task statement of one domain and its objectives."""

    id: str
    title: str
    source: str
    objectives: tuple[Objective, ...]

    @property
    def domain(self) -> int:
        return int(self.id.split(".", 1)[0])


@dataclass(frozen=True)
class ExamGuide:
    """Every task statement of the guide, in the guide's order."""

    name: str
    checked: str
    tasks: tuple[Task, ...]

    @property
    def objectives(self) -> dict[str, Objective]:
        return {objective.id: objective for task in self.tasks for objective in task.objectives}

    def task(self, task_id: str) -> Task | None:
        return next((task for task in self.tasks if task.id == task_id), None)


def load_exam_guide(folder: Path) -> ExamGuide | None:
    """The guide of a content folder, or ``None`` when the folder has no objectives file."""
    path = folder / OBJECTIVES_FILE
    if not path.is_file():
        return None
    root = Field(load_yaml(path))
    keys = root.mapping(("guide", "checked", "tasks"))
    tasks: list[Task] = []
    seen: set[str] = set()
    for item in keys["tasks"].items(min_items=1):
        task = _parse_task(item, seen)
        tasks.append(task)
    return ExamGuide(keys["guide"].text(max_length=200), str(keys["checked"].value), tuple(tasks))


def _parse_task(field: Field, seen: set[str]) -> Task:
    keys = field.mapping(("id", "title", "source", "objectives"))
    task_id = _unique_id(keys["id"], TASK_PATTERN, "task ids look like 3.3", seen)
    if int(task_id.split(".")[0]) not in DOMAINS:
        raise keys["id"].error(f"task {task_id!r} names no exam domain", "domains are 1 to 5")
    objectives = []
    for item in keys["objectives"].items(min_items=1):
        parts = item.mapping(("id", "text"))
        objective_id = _unique_id(parts["id"], OBJECTIVE_PATTERN, "objective ids look like 3.3.2", seen)
        if objective_id.rsplit(".", 1)[0] != task_id:
            raise parts["id"].error(
                f"objective {objective_id!r} is listed under task {task_id}",
                f"number it {task_id}.N or move it to its task",
            )
        objectives.append(Objective(objective_id, parts["text"].text(max_length=600)))
    return Task(task_id, keys["title"].text(max_length=200), parse_source(keys["source"]), tuple(objectives))


def _unique_id(field: Field, pattern: re.Pattern[str], hint: str, seen: set[str]) -> str:
    value = str(field.value)
    if isinstance(field.value, bool) or not pattern.match(value):
        raise field.error(f"{value!r} is not a valid id here", f"{hint}; quote it")
    if value in seen:
        raise field.error(f"{value!r} appears twice", "give each task and objective its own id")
    seen.add(value)
    return value


def check_concept_objectives(concepts: object, guide: ExamGuide) -> None:
    """Every ``task`` and ``objectives`` entry of every concept exists in the guide."""
    from studykit.concepts.registry import ConceptSet

    assert isinstance(concepts, ConceptSet)
    known = guide.objectives
    task_ids = {task.id for task in guide.tasks}
    for concept in concepts:
        if concept.task is not None and concept.task not in task_ids:
            raise StudykitError(
                f"task {concept.task!r} is not a task statement of the exam guide",
                concept.path,
                concept.line,
                hint=f"use one of the tasks in {OBJECTIVES_FILE}",
            )
        for objective_id in concept.objectives:
            if objective_id not in known:
                raise StudykitError(
                    f"objective {objective_id!r} is not in the exam guide",
                    concept.path,
                    concept.line,
                    hint=f"use an objective id from {OBJECTIVES_FILE}, such as 3.3.2",
                )
