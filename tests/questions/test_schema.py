from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from studykit.questions.bank import bank_paths
from studykit.questions.schema import SCHEMA_URL, bank_schema, schema_text
from studykit.questions.starter import starter_bank
from studykit.resources import quizzes_dir
from studykit.yamlfile import load_yaml, load_yaml_text

ROOT = Path(__file__).resolve().parent.parent.parent
LINT = ROOT / "tests" / "data" / "bank_tools" / "lint"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = bank_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_repository_schema_file_is_current():
    shipped = ROOT / "schema" / "bank.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_text(), (
        "run: studykit bank schema --out schema/bank.schema.json --force"
    )


@pytest.mark.parametrize("path", bank_paths([quizzes_dir()]), ids=lambda path: path.name)
def test_every_shipped_bank_validates_against_the_schema(path, validator):
    errors = [error.message for error in validator.iter_errors(load_yaml(path).data)]
    assert errors == []


def test_shipped_banks_point_editors_at_the_schema():
    for path in bank_paths([quizzes_dir()]):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={SCHEMA_URL}", path.name


def test_starter_bank_validates(validator):
    assert list(validator.iter_errors(load_yaml_text(starter_bank("week-1"), "week-1.yaml").data)) == []


def refusals(validator, data):
    """(keyword, path, instance) of every error, nested ones included: the schema's facts, not
    jsonschema's sentences about them."""
    errors = list(validator.iter_errors(data))
    found = []
    while errors:
        error = errors.pop()
        found.append((error.validator, tuple(error.absolute_path), error.instance))
        errors.extend(error.context or ())
    return found


@pytest.mark.parametrize(("rule", "value"), [("schema", "simple"), ("unknown-rule", "long-answer")])
def test_schema_rejects_what_the_loader_rejects_by_shape(rule, value, validator):
    data = load_yaml(LINT / rule / "triggers.yaml").data
    assert any(keyword == "enum" and instance == value for keyword, _, instance in refusals(validator, data))


def test_schema_rejects_keys_of_another_kind(validator):
    data = load_yaml(LINT / "yaml" / "clean.yaml").data
    data["questions"][0]["answer"] = True  # a single-choice question with a true/false key
    assert list(validator.iter_errors(data))
    data = load_yaml(LINT / "yaml" / "clean.yaml").data
    del data["questions"][3]["steps"][1:]  # an ordering question needs two steps at least
    assert ("minItems", ("questions", 3, "steps"), data["questions"][3]["steps"]) in refusals(validator, data)


def test_schema_text_is_json():
    assert json.loads(schema_text())["$id"] == SCHEMA_URL


CASES = ROOT / "tests" / "data" / "questions" / "cases" / "assistant.yaml"


def test_a_case_study_validates_and_its_questions_may_leave_out_its_defaults(validator):
    data = load_yaml(CASES).data
    assert list(validator.iter_errors(data)) == []
    del data["questions"][0]["difficulty"]  # a question on its own still needs its difficulty
    missing = {
        (tuple(error.absolute_path), name)
        for error in validator.iter_errors(data)
        if error.validator == "required"
        for name in error.validator_value
        if name not in error.instance
    }
    assert (("questions", 0), "difficulty") in missing


@pytest.mark.parametrize(
    "break_case",
    [
        lambda case: case.update(questions=case["questions"][:1]),
        lambda case: case.pop("scenario"),
        lambda case: case["questions"][0].update(kind="case_study"),  # a case inside a case
        lambda case: case.update(stem="Why?"),  # a question's key on the case
    ],
    ids=["one-question", "no-scenario", "nested", "question-key"],
)
def test_the_schema_rejects_a_malformed_case_study(validator, break_case):
    data = load_yaml(CASES).data
    break_case(data["questions"][1])
    assert list(validator.iter_errors(data))
