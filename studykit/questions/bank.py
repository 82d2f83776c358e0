"""Load question banks (``quizzes/*.yaml``) strictly, as described in docs/bank-format.md.

Stable API:

- :func:`load_bank(path, concepts=None) <load_bank>` → :class:`Bank` — one file.
- :func:`load_banks(paths, concepts=None) <load_banks>` → tuple of :class:`Bank` — files and
  folders (every ``*.yaml`` in a folder whose name does not start with ``_``), with question ids
  checked unique across all of them.
- :func:`bank_paths(paths)` — the files :func:`load_banks` would read.
- :func:`load_shipped_banks()` — the banks shipped with studykit (cached).
- :func:`load_banks_cached(paths, content=None) <load_banks_cached>` — an instructor's banks,
  through the same on-disk parse cache.
- :func:`parse_entry` — one entry of a bank's ``questions`` list: a question, or a case study
  (``kind: case_study``, see :mod:`studykit.questions.case_study`) whose questions share a scenario.

``concepts`` defaults to :func:`studykit.concepts.load_concepts` (the shipped content).
Every problem raises :class:`~studykit.errors.StudykitError` with ``file:line:col``, a hint
and exit code 2: schema errors, unknown concept ids (with "did you mean"), duplicate ids,
a single-choice question without exactly one correct option, a case study with one question,
and so on.

What a good question still lacks loads, so that a bank imported from elsewhere can be used and
then completed: an explanation, a ``why`` per part, its concepts (the question is then
*unassigned*: ``concepts`` is empty and ``domain`` is 0 unless given), and a number of parts
outside the exam's shape. ``studykit bank lint`` warns about each (``missing-why``,
``no-concept``, ``part-count``); the shipped banks lint clean, so they keep all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from studykit.errors import StudykitError
from studykit.questions.model import (
    DIFFICULTIES,
    CaseStudy,
    Kind,
    Option,
    Origin,
    Pair,
    Question,
    Step,
)
from studykit.resources import quizzes_dir

if TYPE_CHECKING:
    from studykit.concepts import ConceptSet
    from studykit.fields import Field
    from studykit.yamlfile import YamlDocument

# The concept, field and YAML modules are imported where a bank is parsed: a quiz that reads its
# banks from the parse cache needs none of them.

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_COMMON_REQUIRED = ("id", "kind", "difficulty", "stem")
_COMMON_OPTIONAL = ("concepts", "domain", "explanation", "lint_ignore")
_KIND_KEYS: dict[Kind, tuple[str, ...]] = {
    Kind.SINGLE: ("options",),
    Kind.MULTIPLE: ("options",),
    Kind.TRUE_FALSE: ("answer",),
    Kind.ORDERING: ("steps",),
    Kind.MATCHING: ("pairs",),
}
_KIND_OPTIONAL: dict[Kind, tuple[str, ...]] = {Kind.TRUE_FALSE: ("why_true", "why_false")}
_ALL_KEYS = tuple(
    dict.fromkeys(
        (
            *_COMMON_REQUIRED,
            *_COMMON_OPTIONAL,
            *sum(_KIND_KEYS.values(), ()),
            *sum(_KIND_OPTIONAL.values(), ()),
        )
    )
)
PART_COUNTS: dict[Kind, tuple[int, int]] = {
    Kind.SINGLE: (2, 10),
    Kind.MULTIPLE: (3, 10),
    Kind.ORDERING: (2, 10),
    Kind.MATCHING: (2, 10),
}
"""How many options, steps or pairs a question may have at all; lint holds banks to the exam's shape."""
EXAM_PART_COUNTS: dict[Kind, tuple[int, int]] = {
    Kind.SINGLE: (3, 6),
    Kind.MULTIPLE: (4, 8),
    Kind.ORDERING: (3, 5),
    Kind.MATCHING: (3, 7),
}
_OPTION_COUNTS = {kind: PART_COUNTS[kind] for kind in (Kind.SINGLE, Kind.MULTIPLE)}
CASE_STUDY = "case_study"
"""The ``kind`` of a bank entry that is a case study rather than a question."""
_ENTRY_KINDS = (*(kind.value for kind in Kind), CASE_STUDY)


@dataclass(frozen=True)
class Bank:
    """One bank file: a topic's questions."""

    name: str
    title: str
    path: str
    questions: tuple[Question, ...]


def load_bank(path: Path | str, concepts: ConceptSet | None = None) -> Bank:
    """Load and check one bank file."""
    from studykit.concepts import load_concepts
    from studykit.yamlfile import load_yaml

    concepts = load_concepts() if concepts is None else concepts
    name, title, items = bank_header(load_yaml(path))
    questions = tuple(question for item in items for question in parse_entry(item, concepts, bank=name))
    _check_unique_ids(questions)
    return Bank(name, title, str(path), questions)


def bank_header(document: YamlDocument) -> tuple[str, str, list[Field]]:
    """Check a bank's top level: its name (equal to the file name), title and question list.

    Returns the name, the title and one field per question, for :func:`parse_question`.
    """
    from studykit.fields import Field

    keys = Field(document).mapping(("bank", "title", "questions"))
    name = keys["bank"].text(max_length=80)
    stem = Path(document.path).stem
    if name != stem:
        raise keys["bank"].error(
            f"bank name {name!r} does not match the file name {Path(document.path).name!r}",
            f"write 'bank: {stem}' or rename the file to {name}.yaml",
        )
    items = keys["questions"].items(min_items=1)
    return name, keys["title"].text(max_length=120), items


def parse_entry(field: Field, concepts: ConceptSet, *, bank: str | None = None) -> tuple[Question, ...]:
    """The questions of one entry of a bank's list: one question, or every question of a case study."""
    value = field.value
    if isinstance(value, dict) and value.get("kind") == CASE_STUDY:
        from studykit.questions.case_study import parse_case_study  # it builds on parse_question

        return parse_case_study(field, concepts, bank=bank)
    return (parse_question(field, concepts, bank=bank),)


def parse_question(
    field: Field,
    concepts: ConceptSet,
    *,
    bank: str | None = None,
    case: CaseStudy | None = None,
    inherited: dict[str, Field] | None = None,
) -> Question:
    """Build one :class:`Question` from its YAML mapping.

    A question of a case study names its ``case``, and takes the case's ``concepts``, ``domain``
    and ``difficulty`` fields (``inherited``) where it does not give its own.
    """
    inherited = inherited or {}
    keys = field.mapping((), _ALL_KEYS)
    if "kind" not in keys:
        raise field.error(
            f"{field.name} is missing 'kind'", f"add 'kind:' ({', '.join(k.value for k in Kind)})"
        )
    kind_name = keys["kind"].choice(_ENTRY_KINDS)
    if kind_name == CASE_STUDY:
        raise keys["kind"].error(
            "a case study cannot be a question of another case study"
            if case
            else "a case study is not a question kind here",
            "give this question another kind, or make it a case study of its own",
        )
    kind = Kind(kind_name)
    optional = (*_COMMON_OPTIONAL, *_KIND_OPTIONAL.get(kind, ()))
    own = (*_COMMON_REQUIRED, *optional, *_KIND_KEYS[kind])
    for key, child in keys.items():
        if key not in own:
            raise child.error(
                f"a {kind} question has no '{key}'",
                f"it takes {' and '.join(repr(name) for name in _KIND_KEYS[kind])}; or change 'kind'",
                of_key=True,
            )
    field.require((*(key for key in _COMMON_REQUIRED if key not in inherited), *_KIND_KEYS[kind]))
    keys = {**inherited, **keys}
    question_id = keys["id"].text(max_length=120)
    if not ID_PATTERN.match(question_id):
        raise keys["id"].error(
            f"question id {question_id!r} is not lower-case words or digits joined by '-'",
            "e.g. cpt-unlabeled-data",
        )
    concept_ids = _concept_ids(keys["concepts"], concepts) if "concepts" in keys else ()
    if "domain" in keys:
        domain = keys["domain"].integer(1, 5)
    else:
        domain = concepts[concept_ids[0]].domain if concept_ids else 0
    options: tuple[Option, ...] = ()
    steps: tuple[Step, ...] = ()
    pairs: tuple[Pair, ...] = ()
    if kind in _OPTION_COUNTS:
        options = _options(keys["options"], kind)
    elif kind is Kind.TRUE_FALSE:
        truth = keys["answer"].boolean()
        options = tuple(
            Option(text, correct, _why(keys, key), (keys[key] if key in keys else keys["answer"]).line)
            for text, correct, key in (("True", truth, "why_true"), ("False", not truth, "why_false"))
        )
    elif kind is Kind.ORDERING:
        steps = _steps(keys["steps"])
    else:
        pairs = _pairs(keys["pairs"])
    return Question(
        id=question_id,
        kind=kind,
        concepts=concept_ids,
        domain=domain,
        difficulty=keys["difficulty"].choice(DIFFICULTIES),
        stem=keys["stem"].text(max_length=4000),
        explanation=keys["explanation"].text(max_length=4000) if "explanation" in keys else "",
        options=options,
        steps=steps,
        pairs=pairs,
        origin=Origin(field.document.path, field.line),
        lint_ignore=keys["lint_ignore"].text_list() if "lint_ignore" in keys else (),
        bank=bank,
        case=case,
    )


def _why(keys: dict[str, Field], key: str = "why") -> str:
    """A reason, or "" when it is not written yet (lint's ``missing-why`` warns)."""
    return keys[key].text() if key in keys else ""


def _concept_ids(field: Field, concepts: ConceptSet) -> tuple[str, ...]:
    ids = field.text_list(min_items=1)
    for index, concept_id in enumerate(ids):
        if concept_id not in concepts:
            guess = concepts.suggest(concept_id)
            hint = f"did you mean '{guess}'?" if guess else "run 'studykit topics' to list the concept ids"
            raise field.child(index).error(f"unknown concept {concept_id!r}", hint)
        if concept_id in ids[:index]:
            raise field.child(index).error(f"concept {concept_id!r} is listed twice", "list it once")
    return ids


def _options(field: Field, kind: Kind) -> tuple[Option, ...]:
    low, high = _OPTION_COUNTS[kind]
    options = []
    for item in field.items(min_items=low, max_items=high):
        keys = item.mapping(("text",), ("correct", "why"))
        correct = keys["correct"].boolean() if "correct" in keys else False
        options.append(Option(keys["text"].text(max_length=1000), correct, _why(keys), item.line))
    _check_distinct(field, [option.text for option in options], "option")
    correct_count = sum(option.correct for option in options)
    if kind is Kind.SINGLE and correct_count != 1:
        raise field.error(
            f"a single-choice question needs exactly one correct option, has {correct_count}",
            "mark one option 'correct: true', or use kind: multiple",
        )
    if kind is Kind.MULTIPLE and correct_count < 2:
        raise field.error(
            f"a multiple-response question needs at least two correct options, has {correct_count}",
            "mark the right options 'correct: true', or use kind: single",
        )
    if kind is Kind.MULTIPLE and correct_count == len(options):
        raise field.error("every option is correct", "add options that are wrong")
    return tuple(options)


def _steps(field: Field) -> tuple[Step, ...]:
    steps = []
    low, high = PART_COUNTS[Kind.ORDERING]
    for item in field.items(min_items=low, max_items=high):
        keys = item.mapping(("text",), ("why",))
        steps.append(Step(keys["text"].text(max_length=1000), _why(keys), item.line))
    _check_distinct(field, [step.text for step in steps], "step")
    return tuple(steps)


def _pairs(field: Field) -> tuple[Pair, ...]:
    pairs = []
    low, high = PART_COUNTS[Kind.MATCHING]
    for item in field.items(min_items=low, max_items=high):
        keys = item.mapping(("prompt", "match"), ("why",))
        pairs.append(
            Pair(
                keys["prompt"].text(max_length=1000),
                keys["match"].text(max_length=1000),
                _why(keys),
                item.line,
            )
        )
    _check_distinct(field, [pair.prompt for pair in pairs], "prompt")
    _check_distinct(field, [pair.match for pair in pairs], "match")
    return tuple(pairs)


def _check_distinct(field: Field, texts: list[str], what: str) -> None:
    seen: set[str] = set()
    for index, text in enumerate(texts):
        folded = " ".join(text.casefold().split())
        if folded in seen:
            raise field.child(index).error(
                f"{what} {text!r} appears twice in this question", f"make every {what} different"
            )
        seen.add(folded)


def _check_unique_ids(questions: Iterable[Question]) -> None:
    """Question ids and case-study ids share one namespace: each names one thing."""
    seen: dict[str, tuple[str | None, int | None]] = {}
    for question in questions:
        named = [("question", question.id, question.origin.line)]
        if question.case is not None:
            named.insert(0, ("case study", question.case.id, question.case.line))
        for what, identifier, line in named:
            place = (question.origin.path, line)
            first = seen.setdefault(identifier, place)
            if first != place:
                raise StudykitError(
                    f"{what} id {identifier!r} is already used at {Origin(*first).describe()}",
                    question.origin.path,
                    line,
                    hint="give every question and case study its own id",
                )


def bank_paths(paths: Iterable[Path | str]) -> list[Path]:
    """The bank files named by ``paths``: files as given, folders expanded to their ``*.yaml``."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(item for item in path.glob("*.yaml") if not item.name.startswith("_"))
            if not inside:
                raise StudykitError(
                    "no bank files (*.yaml) in this folder", str(path), hint="give a bank file or its folder"
                )
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise StudykitError("no such bank file or folder", str(path), hint="check the path")
    return list(dict.fromkeys(found))


def load_banks(paths: Iterable[Path | str], concepts: ConceptSet | None = None) -> tuple[Bank, ...]:
    """Load every bank under ``paths``; question ids must be unique across all of them."""
    from studykit.concepts import load_concepts

    concepts = load_concepts() if concepts is None else concepts
    banks = tuple(load_bank(path, concepts) for path in bank_paths(paths))
    _check_unique_ids(question for bank in banks for question in bank.questions)
    return banks


def load_banks_cached(paths: Iterable[Path | str], content: Path | None = None) -> tuple[Bank, ...]:
    """:func:`load_banks` against the concepts in ``content`` (default: shipped), through the parse cache.

    An instructor's banks can be large (thousands of questions), and a quiz over them should
    start as fast as one over the shipped banks: the entry is keyed by every bank and concept
    file, and named after the paths as given, so its questions keep the paths they were read by.
    """
    import zlib

    from studykit.concepts import load_concepts
    from studykit.parse_cache import cached
    from studykit.resources import content_dir

    files = bank_paths(paths)
    named = "\0".join(f"{path}\0{path.resolve()}" for path in files) + f"\0{content}"
    sources = [*files, *(content or content_dir()).glob("*.yaml")]
    name = f"banks-{zlib.crc32(named.encode('utf-8', 'surrogateescape')):08x}"
    return cached(name, sources, lambda: load_banks(files, load_concepts(content)))


@lru_cache(maxsize=1)
def load_shipped_banks() -> tuple[Bank, ...]:
    """The banks shipped with studykit, checked against the shipped content (cached on disk too)."""
    from studykit.parse_cache import cached
    from studykit.resources import content_dir

    sources = [*quizzes_dir().glob("*.yaml"), *content_dir().glob("*.yaml")]
    return cached("banks", sources, lambda: load_banks([quizzes_dir()]))
