"""Load ``content/*.yaml`` strictly: schema, sources, cross-references.

Every problem is a :class:`StudykitError` with ``file:line:col`` and a fix. Files whose
name starts with ``_`` hold metadata (inventory, comparison presets, the vocabulary of
categories and attributes), not concepts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from studykit.concepts.model import DOMAINS, FACT_KINDS, AttributeValue, Concept, Fact
from studykit.concepts.registry import ConceptSet
from studykit.concepts.vocabulary import Vocabulary, shipped_vocabulary, vocabulary_for
from studykit.errors import StudykitError
from studykit.fields import Field
from studykit.resources import content_dir
from studykit.yamlfile import load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
SEED_PATTERN = re.compile(r"^seed:\d{3}_[0-9a-f]{16}\.txt$")
URL_PATTERN = re.compile(r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com|github\.com/aws-samples)/\S+$")

_CONCEPT_REQUIRED = ("id", "title", "domain", "category", "summary", "facts")
_CONCEPT_OPTIONAL = ("task", "objectives", "aka", "attributes", "related", "prerequisites", "exam_tips")


def parse_concept(field: Field, vocabulary: Vocabulary | None = None) -> Concept:
    """Build one :class:`Concept` from the YAML document behind ``field`` (shipped vocabulary by default)."""
    vocabulary = vocabulary or shipped_vocabulary()
    keys = field.mapping(_CONCEPT_REQUIRED, _CONCEPT_OPTIONAL)
    concept_id = keys["id"].text()
    if not ID_PATTERN.match(concept_id):
        raise keys["id"].error(
            f"concept id {concept_id!r} is not lower-case words joined by '-'", "e.g. continued-pre-training"
        )
    path = Path(field.document.path)
    if path.stem != concept_id:
        raise keys["id"].error(
            f"concept id {concept_id!r} does not match the file name {path.name!r}",
            f"rename the file to {concept_id}.yaml",
        )
    return Concept(
        id=concept_id,
        title=keys["title"].text(max_length=120),
        domain=int(keys["domain"].choice([str(number) for number in DOMAINS])),
        category=keys["category"].choice(tuple(vocabulary.categories)),
        summary=keys["summary"].text(max_length=1200),
        facts=tuple(_parse_fact(item) for item in keys["facts"].items(min_items=1)),
        attributes=_parse_attributes(keys["attributes"], vocabulary) if "attributes" in keys else {},
        related=_ids(keys, "related"),
        prerequisites=_ids(keys, "prerequisites"),
        exam_tips=keys["exam_tips"].text_list() if "exam_tips" in keys else (),
        aka=keys["aka"].text_list() if "aka" in keys else (),
        task=str(keys["task"].value) if "task" in keys else None,
        objectives=_objective_ids(keys),
        path=field.document.path,
        line=field.line,
    )


OBJECTIVE_ID_PATTERN = re.compile(r"^[1-5]\.\d+\.\d+$")


def _objective_ids(keys: dict[str, Field]) -> tuple[str, ...]:
    """Exam-guide objective ids such as ``3.3.2`` (checked against the guide by the folder loader)."""
    if "objectives" not in keys:
        return ()
    ids = []
    for item in keys["objectives"].items(min_items=1):
        value = str(item.value)
        if isinstance(item.value, bool) or not OBJECTIVE_ID_PATTERN.match(value):
            raise item.error(f"{value!r} is not an exam objective id", 'write it like "3.3.2", in quotes')
        if value in ids:
            raise item.error(f"objective {value!r} is listed twice", "list each objective once")
        ids.append(value)
    return tuple(ids)


def _ids(keys: dict[str, Field], name: str) -> tuple[str, ...]:
    if name not in keys:
        return ()
    ids = keys[name].text_list()
    for index, value in enumerate(ids):
        if not ID_PATTERN.match(value):
            raise keys[name].child(index).error(f"{value!r} is not a concept id", "use ids like fine-tuning")
    return ids


def parse_source(field: Field) -> str:
    """A source: ``seed:<seed file name>`` or an AWS documentation (or aws-samples) URL."""
    source = field.text()
    if not (SEED_PATTERN.match(source) or URL_PATTERN.match(source)):
        raise field.error(
            f"source {source!r} is neither a seed note nor an AWS documentation URL",
            "write seed:<file name> or https://docs.aws.amazon.com/...",
        )
    return source


def _parse_fact(field: Field) -> Fact:
    keys = field.mapping(("text", "source"), ("kind", "as_of", "seed_said", "often_taught"))
    source = parse_source(keys["source"])
    kind = keys["kind"].choice(FACT_KINDS) if "kind" in keys else "fact"
    as_of = None
    if "as_of" in keys:
        as_of = str(keys["as_of"].value)
        if not DATE_PATTERN.match(as_of):
            raise keys["as_of"].error(f"as_of {as_of!r} is not a date", "write YYYY-MM-DD")
    if kind in ("price", "quota") and as_of is None:
        raise field.error(f"a {kind} fact needs an 'as_of' date", "add as_of: YYYY-MM-DD")
    seed_said = keys["seed_said"].text() if "seed_said" in keys else None
    often_taught = keys["often_taught"].text() if "often_taught" in keys else None
    if kind == "correction" and seed_said is None and often_taught is None:
        raise field.error(
            "a correction needs 'seed_said' or 'often_taught'",
            "paraphrase what the seed note, or common study material, says that is out of date",
        )
    if kind != "correction" and (seed_said or often_taught):
        name = "seed_said" if seed_said else "often_taught"
        raise keys[name].error(f"only a correction has '{name}'", "add kind: correction, or remove the line")
    return Fact(keys["text"].text(), source, kind, as_of, seed_said, often_taught, field.line)


def _parse_attributes(field: Field, vocabulary: Vocabulary) -> dict[str, AttributeValue]:
    keys = field.mapping((), tuple(vocabulary.attributes))
    attributes: dict[str, AttributeValue] = {}
    for name, item in keys.items():
        spec = vocabulary.attributes[name]
        if spec.kind in ("enum", "ordinal"):
            attributes[name] = item.choice(spec.values)
        elif spec.kind == "bool":
            attributes[name] = item.boolean()
        elif spec.kind == "list":
            attributes[name] = item.text_list(min_items=1)
        else:
            text = item.text()
            if spec.kind == "json":
                try:
                    json.loads(text)
                except ValueError as exc:
                    raise item.error(f"{name} is not valid JSON: {exc}", "fix the JSON") from None
            attributes[name] = text
    return attributes


def load_concept_files(paths: Iterable[Path], vocabulary: Vocabulary | None = None) -> ConceptSet:
    """Load and cross-check the given concept files.

    Without ``vocabulary``, the files' folder's own ``_vocabulary.yaml`` is used, or else the shipped one.
    """
    paths = sorted(paths)
    if vocabulary is None:
        vocabulary = vocabulary_for(paths[0].parent) if paths else shipped_vocabulary()
    concepts: list[Concept] = []
    seen: dict[str, Concept] = {}
    for path in paths:
        concept = parse_concept(Field(load_yaml(path)), vocabulary)
        if concept.id in seen:
            raise StudykitError(
                f"concept id {concept.id!r} is already used by {seen[concept.id].path}",
                concept.path,
                concept.line,
                hint="give each concept its own id",
            )
        seen[concept.id] = concept
        concepts.append(concept)
    concept_set = ConceptSet(concepts, vocabulary)
    check_references(concept_set)
    return concept_set


def concept_paths(folder: Path) -> list[Path]:
    """The concept files of a content folder (``_``-prefixed files hold metadata)."""
    if folder.is_file():
        hint = "give the folder that holds the concept files"
        raise StudykitError("is a file, not a content folder", str(folder), hint=hint)
    if not folder.is_dir():
        raise StudykitError(
            "content folder not found", str(folder), hint="check the path (or reinstall studykit)"
        )
    return sorted(path for path in folder.glob("*.yaml") if not path.name.startswith("_"))


@lru_cache(maxsize=4)
def load_concepts(folder: Path | None = None) -> ConceptSet:
    """All concepts of a content folder (the shipped one by default), checked and cached.

    Cached in memory and on disk (:mod:`studykit.parse_cache`), keyed by every YAML file there.
    """
    from studykit.parse_cache import cached

    folder = folder or content_dir()
    paths = concept_paths(folder)
    return cached("concepts", folder.glob("*.yaml"), lambda: _load_checked_folder(folder, paths))


def _load_checked_folder(folder: Path, paths: list[Path]) -> ConceptSet:
    from studykit.concepts.objectives import check_concept_objectives, load_exam_guide

    concepts = load_concept_files(paths)
    guide = load_exam_guide(folder)
    if guide is not None:
        check_concept_objectives(concepts, guide)
    return concepts


def check_references(concepts: ConceptSet) -> None:
    """Related and prerequisite ids exist, prerequisites have no cycle, and all concepts connect."""
    for concept in concepts:
        for name in ("related", "prerequisites"):
            for index, target in enumerate(getattr(concept, name)):
                if target == concept.id:
                    raise _reference_error(
                        concept,
                        (name, index),
                        f"{concept.id!r} lists itself in {name}",
                        f"fix the {name} list",
                    )
                if target not in concepts:
                    guess = concepts.suggest(target)
                    hint = f"did you mean '{guess}'?" if guess else "check the id with 'studykit topics'"
                    raise _reference_error(
                        concept, (name, index), f"{name} names unknown concept {target!r}", hint
                    )
    _check_prerequisite_cycles(concepts)
    _check_connected(concepts)


def _reference_error(
    concept: Concept, keypath: tuple[str | int, ...], message: str, hint: str
) -> StudykitError:
    """An error pointing at the list entry itself (the file is read again: errors are rare)."""
    path = Path(concept.path)
    if path.is_file():
        try:
            return load_yaml(path).error(keypath, message, hint)
        except StudykitError:
            pass
    return StudykitError(message, concept.path, concept.line, hint=hint)


def _check_prerequisite_cycles(concepts: ConceptSet) -> None:
    state: dict[str, int] = {}

    def visit(concept_id: str, trail: list[str]) -> None:
        if state.get(concept_id) == 2:
            return
        if state.get(concept_id) == 1:
            cycle = " → ".join([*trail[trail.index(concept_id) :], concept_id])
            closing = concepts[trail[-1]]
            raise _reference_error(
                closing,
                ("prerequisites", closing.prerequisites.index(concept_id)),
                f"prerequisites form a cycle: {cycle}",
                "a concept cannot (indirectly) be its own prerequisite",
            )
        state[concept_id] = 1
        for target in concepts[concept_id].prerequisites:
            visit(target, [*trail, concept_id])
        state[concept_id] = 2

    for concept in concepts:
        visit(concept.id, [])


def _check_connected(concepts: ConceptSet) -> None:
    if not len(concepts):
        return
    neighbours: dict[str, set[str]] = {concept.id: set() for concept in concepts}
    for concept in concepts:
        for target in (*concept.related, *concept.prerequisites):
            neighbours[concept.id].add(target)
            neighbours[target].add(concept.id)
    start = next(iter(concepts)).id
    reached = {start}
    frontier = [start]
    while frontier:
        for target in neighbours[frontier.pop()]:
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    for concept in concepts:
        if concept.id not in reached:
            raise StudykitError(
                f"concept {concept.id!r} cannot be reached from the other concepts",
                concept.path,
                concept.line,
                hint="link it with 'related' or 'prerequisites'",
            )
