"""Wherever a model is listed or chosen, a user learns when its customization is no longer confirmed."""

import json

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from tests.datasets.samples import jsonl

FLAGGED = {
    "titan-text-express": ("continued-pretraining", "not in Bedrock's current fine-tuning table"),
    "titan-text-lite": ("prompt-completion", "not in Bedrock's current fine-tuning table"),
    "titan-text-premier": ("prompt-completion", "not in Bedrock's current fine-tuning table"),
    "cohere-command": ("prompt-completion", "fine-tuning deprecated by its provider"),
}
CURRENT = {"nova-lite": "single-turn", "llama-3-1-8b": "prompt-completion"}


def invoke(*args: str):
    return CliRunner().invoke(cli, ["dataset", *args])


def generated(tmp_path, format_id: str, model_id: str):
    out = tmp_path / "train.jsonl"
    result = invoke("generate", format_id, "--count", "120", "--model", model_id, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out, result


@pytest.mark.parametrize("model_id", FLAGGED)
def test_generate_and_validate_note_a_flagged_model_and_still_succeed(tmp_path, model_id):
    format_id, label = FLAGGED[model_id]
    out, made = generated(tmp_path, format_id, model_id)
    assert f"Note: {model_id}: {label} (as of 2026-12-05)" in made.stderr
    checked = invoke("validate", str(out), "--model", model_id)
    assert checked.exit_code == 0, checked.stdout
    notes = [line for line in checked.stdout.splitlines() if ": note: " in line]
    assert len(notes) == 1 and f"note: {model_id}: {label}" in notes[0]
    assert "before paying for a job" in notes[0]
    assert "valid — 120 records" in checked.stdout and "1 note(s)" in checked.stdout

    report = json.loads(invoke("validate", str(out), "--model", model_id, "--json").stdout)
    assert report["valid"] is True and report["errors"] == 0
    assert report["notes"] == report["counts"]["model-availability"] == 1
    (finding,) = [f for f in report["findings"] if f["code"] == "model-availability"]
    assert finding["severity"] == "note" and finding["line"] is None and label in finding["message"]


@pytest.mark.parametrize("model_id", CURRENT)
def test_current_models_are_not_noted(tmp_path, model_id):
    out, made = generated(tmp_path, CURRENT[model_id], model_id)
    assert "Note:" not in made.stderr
    checked = invoke("validate", str(out), "--model", model_id, "--json")
    report = json.loads(checked.stdout)
    assert checked.exit_code == 0 and "model-availability" not in report["counts"]


def test_an_invalid_file_for_a_flagged_model_still_exits_1(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(jsonl({"prompt": "only a prompt"}))
    result = invoke("validate", str(path), "--model", "cohere-command")
    assert result.exit_code == 1 and "INVALID" in result.stdout
    assert "note: cohere-command: fine-tuning deprecated by its provider" in result.stdout


def test_generating_continued_pretraining_without_a_model_says_every_model_is_flagged(tmp_path):
    result = invoke("generate", "continued-pretraining", "--count", "5", "--out", str(tmp_path / "t"))
    assert result.exit_code == 0
    assert "Note: every model that takes this format may no longer be customizable" in result.stderr
    plain = invoke("generate", "single-turn", "--count", "5", "--out", str(tmp_path / "u"))
    assert plain.exit_code == 0 and "may no longer be customizable" not in plain.stderr


def test_formats_text_flags_models_and_the_continued_pretraining_format():
    result = invoke("formats", "continued-pretraining")
    text = " ".join(result.stdout.split())
    assert result.exit_code == 0
    assert "Availability: every model that takes this format may no longer be customizable" in text
    assert "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html" in text
    listing = " ".join(invoke("formats").stdout.split())
    for model_id, (_, label) in FLAGGED.items():
        assert f"{model_id} *" in listing and label in listing
    for model_id in CURRENT:
        assert f"{model_id} *" not in listing


def test_formats_json_gives_each_model_its_availability():
    data = json.loads(invoke("formats", "--json").stdout)
    models = {model["id"]: model["availability"] for model in data["models"]}
    for model_id, (_, label) in FLAGGED.items():
        assert models[model_id]["label"] == label and models[model_id]["as_of"] == "2026-12-05"
        assert models[model_id]["sources"]
    assert all(models[model_id] is None for model_id in CURRENT)
    formats = {fmt["id"]: fmt["availability"] for fmt in data["formats"]}
    assert formats["continued-pretraining"].startswith("every model that takes this format")
    assert "cohere-command" in formats["prompt-completion"] and formats["single-turn"] is None


def test_cost_for_a_flagged_model_says_so_and_for_a_current_one_does_not(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl({"prompt": "What is AWS?", "completion": "A cloud platform."}))
    flagged = invoke("cost", str(path), "--model", "cohere-command")
    assert flagged.exit_code == 0
    assert "note: cohere-command: fine-tuning deprecated by its provider" in flagged.stdout
    data = json.loads(invoke("cost", str(path), "--model", "cohere-command", "--json").stdout)
    assert data["model_availability"]["status"] == "deprecated-by-provider"
    current = invoke("cost", str(path), "--model", "llama-3-1-8b")
    assert current.exit_code == 0 and "deprecated" not in current.stdout
