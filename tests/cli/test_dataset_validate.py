import json

from click.testing import CliRunner

from studykit.cli import cli
from tests.datasets.samples import VALID, jsonl


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["dataset", *args], input=input)


def test_formats_lists_every_format_with_its_models_and_sources():
    result = invoke("formats")
    assert result.exit_code == 0
    for format_id in VALID:
        assert f"{format_id} — " in result.output
    assert "nova-micro" in result.output and "as of 2026-11-23" in result.output
    assert all(len(line) <= 80 or "http" in line for line in result.output.splitlines())


def test_formats_json_carries_sources_with_dates():
    data = json.loads(invoke("formats", "--json").output)
    assert {fmt["id"] for fmt in data["formats"]} == set(VALID)
    assert all(source["as_of"] for model in data["models"] for source in model["sources"])


def test_formats_states_what_generate_can_make_of_each_format(tmp_path):
    data = json.loads(invoke("formats", "--json").output)
    capacity = {fmt["id"]: fmt["capacity"] for fmt in data["formats"]}
    assert capacity["multi-turn"] >= 20_000 and capacity["prompt-completion"] >= 10_000
    shown = invoke("formats", "image-caption").output
    assert f"Capacity: {capacity['image-caption']:,} distinct records" in shown
    refused = invoke(
        "generate",
        "image-caption",
        "--count",
        str(capacity["image-caption"] + 1),
        "--out",
        str(tmp_path / "x"),
    )
    assert refused.exit_code == 2
    assert f"yields {capacity['image-caption']:,} distinct image-caption records" in refused.stderr


def test_formats_of_an_unknown_format_suggests_one():
    result = invoke("formats", "single-trun")
    assert result.exit_code == 2 and "did you mean 'single-turn'" in result.output


def test_validate_exits_0_for_a_valid_file(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_bytes(
        jsonl(VALID["prompt-completion"], VALID["prompt-completion"] | {"prompt": "What is S3?"})
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 0, result.output
    assert "valid — 2 records" in result.output


def test_validate_exits_1_with_line_numbers_for_an_invalid_file(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]) + b"{oops\n")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:2: error: invalid JSON" in result.output
    assert "INVALID" in result.output


def test_validate_exits_2_for_a_missing_file(tmp_path):
    result = invoke("validate", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 2 and "file not found" in result.output and "Traceback" not in result.output


def test_validate_json_report_and_max_errors(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_bytes(b"\n" * 10)
    result = invoke("validate", str(path), "--json", "--max-errors", "3")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert len(data["findings"]) == 3 and data["findings_omitted"] >= 7 and data["valid"] is False


def test_validate_reads_standard_input():
    result = invoke(
        "validate", "-", "--model", "titan-image-generator", input=jsonl(*[VALID["image-caption"]] * 5)
    )
    assert result.exit_code == 0, result.output


def test_validate_rejects_a_model_that_does_not_take_the_format(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]))
    result = invoke("validate", str(path), "--format", "prompt-completion", "--model", "nova-micro")
    assert result.exit_code == 2 and "nova-micro takes:" in result.output


def test_terminal_escapes_in_data_are_shown_not_executed(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"prompt": "a", "completion": "b", "\\u001b[31mred": 1}\n')
    result = invoke("validate", str(path))
    assert "\x1b" not in result.output and "\\x1b" in result.output


def test_one_record_in_one_line_is_said_in_the_singular(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]))
    result = invoke("validate", str(path))
    assert result.exit_code == 0 and f"{path}: valid — 1 record in 1 line, prompt-completion" in result.stdout
