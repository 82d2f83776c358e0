"""The JSON Schema of the bank format, for editors (yaml-language-server) and other tools.

Built from the loader's own constants so the two cannot drift; ``schema/bank.schema.json`` in
the repository is this schema written out (a test keeps it current). The schema checks shape
and completion; the loader and ``studykit bank lint`` still check what a schema cannot express
(concept ids that exist, exactly one correct option, unique ids across banks). An entry of a
bank's ``questions`` list is a question or, with ``kind: case_study``, a case study whose
questions may leave out the ``concepts``, ``domain`` and ``difficulty`` it gives them.
"""

from __future__ import annotations

import json

from studykit.questions.bank import (
    _COMMON_REQUIRED,
    _KIND_KEYS,
    _KIND_OPTIONAL,
    CASE_STUDY,
    ID_PATTERN,
    PART_COUNTS,
)
from studykit.questions.case_study import (
    CASE_PARTS,
    INHERITED_KEYS,
    REQUIRED_KEYS,
    SCENARIO_MAX_LENGTH,
    TITLE_MAX_LENGTH,
)
from studykit.questions.lint_rules import RULES
from studykit.questions.model import DIFFICULTIES, Kind

SCHEMA_URL = "https://raw.githubusercontent.com/studykit/studykit/main/schema/bank.schema.json"
_TEXT_PATTERN = r"\S"
_PART_KEYS = {
    Kind.SINGLE: "options",
    Kind.MULTIPLE: "options",
    Kind.ORDERING: "steps",
    Kind.MATCHING: "pairs",
}


def _text(description: str, max_length: int | None = None) -> dict[str, object]:
    schema: dict[str, object] = {"type": "string", "pattern": _TEXT_PATTERN, "description": description}
    if max_length:
        schema["maxLength"] = max_length
    return schema


def _object(properties: dict[str, object], required: list[str]) -> dict[str, object]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


def bank_schema() -> dict[str, object]:
    """The schema as plain data (JSON Schema draft-07, which yaml-language-server supports)."""
    kind_rules = []
    all_kind_keys = sorted({key for keys in (*_KIND_KEYS.values(), *_KIND_OPTIONAL.values()) for key in keys})
    for kind, keys in _KIND_KEYS.items():
        own = (*keys, *_KIND_OPTIONAL.get(kind, ()))
        then: dict[str, object] = {
            "required": list(keys),
            "properties": {key: False for key in all_kind_keys if key not in own},
        }
        if kind in _PART_KEYS:
            low, high = PART_COUNTS[kind]
            then["properties"][_PART_KEYS[kind]] = {"minItems": low, "maxItems": high}  # type: ignore[index]
        kind_rules.append({"if": {"properties": {"kind": {"const": kind.value}}}, "then": then})
    identifier = {"type": "string", "pattern": ID_PATTERN.pattern, "maxLength": 120}
    question = _object(
        {
            "id": dict(identifier, description="Unique across all banks; lower-case words joined by '-'."),
            "kind": {"enum": [kind.value for kind in Kind], "description": "The question kind."},
            "concepts": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": identifier,
                "description": "Concept ids from the content; the first is the one mainly tested."
                " Leave it out while the question is unassigned (lint warns).",
            },
            "domain": {"type": "integer", "minimum": 1, "maximum": 5, "description": "AIF-C01 domain."},
            "difficulty": {"enum": list(DIFFICULTIES)},
            "stem": _text("The question as the learner reads it.", 4000),
            "explanation": _text(
                "Why the answer is right, shown after answering; lint warns if absent.", 4000
            ),
            "options": {"type": "array", "items": {"$ref": "#/definitions/option"}},
            "answer": {"type": "boolean", "description": "true_false: whether the statement is true."},
            "why_true": _text("true_false: why answering True is right or wrong."),
            "why_false": _text("true_false: why answering False is right or wrong."),
            "steps": {
                "type": "array",
                "items": {"$ref": "#/definitions/step"},
                "description": "ordering: the steps in the correct order.",
            },
            "pairs": {"type": "array", "items": {"$ref": "#/definitions/pair"}},
            "lint_ignore": {
                "type": "array",
                "items": {"enum": [rule.id for rule in RULES]},
                "description": "Lint rules not to apply to this question.",
            },
        },
        list(_COMMON_REQUIRED),
    )
    question["allOf"] = kind_rules
    required = question["required"]
    assert isinstance(required, list)
    question["required"] = [key for key in required if key not in INHERITED_KEYS]
    by_itself = {
        "allOf": [{"$ref": "#/definitions/question_shape"}],
        "required": [key for key in required if key in INHERITED_KEYS],
    }
    entry = {
        "if": {"properties": {"kind": {"const": CASE_STUDY}}, "required": ["kind"]},
        "then": {"$ref": "#/definitions/case_study"},
        "else": {"$ref": "#/definitions/question"},
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_URL,
        "title": "studykit question bank",
        "description": "One topic's exam-style questions; see docs/bank-format.md.",
        **_object(
            {
                "bank": _text("The bank name: the file name without .yaml.", 80),
                "title": _text("The topic, as shown to learners.", 120),
                "questions": {"type": "array", "minItems": 1, "items": entry},
            },
            ["bank", "title", "questions"],
        ),
        "definitions": {
            "question": by_itself,
            "question_shape": question,
            "case_study": _case_study_schema(question, identifier),
            "option": _object(
                {
                    "text": _text("The option as shown.", 1000),
                    "correct": {"type": "boolean", "default": False},
                    "why": _text("Why this option is right or wrong."),
                },
                ["text"],
            ),
            "step": _object(
                {"text": _text("One step.", 1000), "why": _text("Why it sits where it does.")},
                ["text"],
            ),
            "pair": _object(
                {
                    "prompt": _text("The left-hand item.", 1000),
                    "match": _text("The item that belongs with it.", 1000),
                    "why": _text("Why they belong together."),
                },
                ["prompt", "match"],
            ),
        },
    }


def _case_study_schema(question: dict[str, object], identifier: dict[str, object]) -> dict[str, object]:
    """A case-study entry: its questions are question shapes, which may leave the case's defaults out."""
    properties = question["properties"]
    assert isinstance(properties, dict)
    default = "Default for the case study's questions."
    low, high = CASE_PARTS
    return _object(
        {
            "id": dict(identifier, description="The case study's id; unique across all banks."),
            "kind": {"const": CASE_STUDY},
            "title": _text("The case study's name, shown above each of its questions.", TITLE_MAX_LENGTH),
            "scenario": _text("The scenario every question of the case study is about.", SCENARIO_MAX_LENGTH),
            **{key: dict(properties[key], description=default) for key in INHERITED_KEYS},
            "lint_ignore": dict(
                properties["lint_ignore"], description="Lint rules not to apply to the case."
            ),
            "questions": {
                "type": "array",
                "minItems": low,
                "maxItems": high,
                "items": {"$ref": "#/definitions/question_shape"},
                "description": "The questions on the scenario, each scored on its own.",
            },
        },
        list(REQUIRED_KEYS),
    )


def schema_text() -> str:
    """The schema as the JSON text shipped in ``schema/bank.schema.json``."""
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"
