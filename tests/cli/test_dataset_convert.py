import json

from click.testing import CliRunner

from studykit.cli import cli


def test_convert_writes_atomically_and_reports_what_was_dropped(tmp_path):
    source = tmp_path / "openai.jsonl"
    record = {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi there?"},
            {"role": "assistant", "content": "Hello.", "weight": 1},
        ]
    }
    source.write_text(json.dumps(record) + "\n")
    out = tmp_path / "pc.jsonl"
    result = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "prompt-completion", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {"prompt": "Hi there?", "completion": "Hello."}
    assert "dropped: system prompts ×1" in result.stderr and "message weight" in result.stderr
    again = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "multi-turn", "--out", str(out)]
    )
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_convert_to_stdout(tmp_path):
    source = tmp_path / "pc.jsonl"
    source.write_text('{"prompt": "What is S3?", "completion": "Object storage."}\n')
    result = CliRunner().invoke(cli, ["dataset", "convert", str(source), "--to", "multi-turn", "--out", "-"])
    assert json.loads(result.stdout)["schemaVersion"] == "bedrock-conversation-2024"
