import json

from click.testing import CliRunner

from studykit.cli import cli
from tests.datasets.samples import VALID, jsonl


def invoke(*args: str):
    return CliRunner().invoke(cli, ["dataset", *args])


def test_stats_prints_counts_percentiles_and_a_histogram(tmp_path):
    path = tmp_path / "d.jsonl"
    invoke("generate", "multi-turn", "--count", "60", "--out", str(path))
    result = invoke("stats", str(path))
    assert result.exit_code == 0
    assert "60 records, multi-turn" in result.output and "p95" in result.output and "█" in result.output
    assert "characters / 6" in result.output
    assert "tokens per record:" in result.output and "turns per record:" in result.output
    assert all(len(line) <= 80 for line in result.output.splitlines() if str(path) not in line)


def test_stats_json(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]))
    data = json.loads(invoke("stats", str(path), "--json").output)
    assert data["records"] == 1 and data["tokens"]["per_record"]["p50"] > 0


def test_cost_prints_prices_with_source_and_date(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(*[VALID["single-turn"]] * 8))
    result = invoke("cost", str(path), "--model", "nova-micro", "--epochs", "2")
    assert result.exit_code == 0
    assert "as of 2026-11-23" in result.output and "aws.amazon.com" in result.output
    assert "$1.95" in result.output
    assert "1M tokens in + 1M out: $0.175" in result.output  # 1,000 x ($0.000035 + $0.00014)


def test_cost_json_and_unknown_model(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]))
    data = json.loads(invoke("cost", str(path), "--model", "titan-text-lite", "--json").output)
    assert data["training_usd"] is None and data["pricing_page"]["url"].startswith("https://aws.amazon.com")
    result = invoke("cost", str(path), "--model", "nova-mikro")
    assert result.exit_code == 2 and "did you mean 'nova-micro'" in result.output


def test_stats_and_cost_say_when_the_file_mixes_formats(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"], VALID["single-turn"], VALID["prompt-completion"]))
    result = invoke("stats", str(path))
    assert result.exit_code == 0
    assert (
        f"Warning: {path} mixes formats (prompt-completion 2, single-turn 1);"
        f" 'studykit dataset validate {path}' shows which lines" in result.stderr
    )
    data = json.loads(invoke("stats", str(path), "--json").stdout)
    assert data["formats"] == {"prompt-completion": 2, "single-turn": 1}
    priced = invoke("cost", str(path), "--model", "titan-text-express")
    assert priced.exit_code == 0 and "mixes formats" in priced.stderr


def test_cost_warns_when_the_model_does_not_take_the_files_format(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["image-caption"]))
    result = invoke("cost", str(path), "--model", "claude-3-haiku")
    assert result.exit_code == 0
    assert f"Warning: {path} holds image-caption records, which claude-3-haiku does not take" in result.stderr
    taken = invoke("cost", str(path), "--model", "nova-canvas")
    assert taken.exit_code == 0 and "Warning" not in taken.stderr


def test_nothing_to_measure_on_standard_input_points_at_validate_dash():
    for command in (["stats", "-"], ["cost", "-", "--model", "nova-micro"]):
        result = CliRunner().invoke(cli, ["dataset", *command], input="not json\n")
        assert result.exit_code == 2
        assert "run 'studykit dataset validate -' to see why" in result.stderr
