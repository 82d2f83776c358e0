from __future__ import annotations

import json

import jsonschema
import yaml

from studykit.export.json_banks import FORMAT, banks_to_json
from studykit.questions.bank import load_bank, load_shipped_banks
from studykit.questions.schema import bank_schema


def test_every_shipped_bank_is_in_the_json_and_validates_against_the_bank_schema():
    banks = load_shipped_banks()
    data = json.loads(banks_to_json(banks))
    assert data["format"] == FORMAT
    validator = jsonschema.Draft7Validator(bank_schema())
    assert [entry["bank"] for entry in data["banks"]] == [bank.name for bank in banks]
    for entry, bank in zip(data["banks"], banks, strict=True):
        assert list(validator.iter_errors(entry)) == []
        ids = [part["id"] for item in entry["questions"] for part in item.get("questions", [item])]
        assert ids == [q.id for q in bank.questions]


def test_a_json_bank_turned_back_into_yaml_loads_to_the_same_questions(tricky, concepts, tmp_path):
    (entry,) = json.loads(banks_to_json([tricky], concepts))["banks"]
    target = tmp_path / "tricky.yaml"
    target.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    assert load_bank(target, concepts).questions == tricky.questions
