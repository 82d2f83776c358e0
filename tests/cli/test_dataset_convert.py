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


def test_conversations_convert_to_reinforcement_prompts_whose_reference_is_the_last_reply(tmp_path):
    # RFT data: OpenAI chat messages as the prompt and a reference_answer for the reward function
    # (https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data-open-weight.html).
    source = tmp_path / "bedrock.jsonl"
    dialogue = {
        "schemaVersion": "bedrock-conversation-2024",
        "system": [{"text": "Be brief."}],
        "messages": [
            {"role": "user", "content": [{"text": "What is RAG?"}]},
            {"role": "assistant", "content": [{"text": "Retrieval-augmented generation."}]},
            {"role": "user", "content": [{"text": "Does it change the weights?"}]},
            {"role": "assistant", "content": [{"text": "No: it fetches documents at query time."}]},
        ],
    }
    prompt_only = {**dialogue, "messages": dialogue["messages"][:1]}
    source.write_text(json.dumps(dialogue) + "\n" + json.dumps(prompt_only) + "\n")
    out = tmp_path / "rft.jsonl"
    result = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "reinforcement", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "What is RAG?"},
            {"role": "assistant", "content": "Retrieval-augmented generation."},
            {"role": "user", "content": "Does it change the weights?"},
        ],
        "reference_answer": "No: it fetches documents at query time.",
    }
    assert "skipped 1 record(s): no assistant reply to score against" in result.stderr
    checked = CliRunner().invoke(cli, ["dataset", "validate", str(out), "--json"])
    assert checked.exit_code == 0 and json.loads(checked.stdout)["format"] == "reinforcement"


def test_continued_pretraining_text_converts_between_titan_input_and_nova_text(tmp_path):
    source = tmp_path / "titan.jsonl"
    source.write_text('{"input": "Amazon S3 stores objects in buckets.", "source": "notes"}\n')
    nova = tmp_path / "nova.jsonl"
    result = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "nova-continued-pretraining", "--out", str(nova)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(nova.read_text()) == {"text": "Amazon S3 stores objects in buckets."}
    assert "dropped: record source ×1" in result.stderr
    back = CliRunner().invoke(
        cli, ["dataset", "convert", str(nova), "--to", "continued-pretraining", "--out", "-"]
    )
    assert json.loads(back.stdout) == {"input": "Amazon S3 stores objects in buckets."}


def test_unlabeled_text_and_conversations_do_not_convert_into_each_other(tmp_path):
    source = tmp_path / "titan.jsonl"
    source.write_text('{"input": "Amazon S3 stores objects in buckets."}\n')
    asked = CliRunner().invoke(
        cli,
        [
            "dataset",
            "convert",
            str(source),
            "--from",
            "continued-pretraining",
            "--to",
            "multi-turn",
            "--out",
            "-",
        ],
    )
    assert asked.exit_code == 2 and "cannot convert continued-pretraining to multi-turn" in asked.stderr
    detected = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "multi-turn", "--out", "-"]
    )
    assert detected.exit_code == 2 and detected.stdout == ""
    assert "no record converts to multi-turn: unlabeled text converts only between" in detected.stderr


def test_a_format_convert_does_not_read_is_named_not_called_unrecognised(tmp_path):
    from tests.datasets.samples import VALID

    source = tmp_path / "dpo.jsonl"
    source.write_text(json.dumps(VALID["preference"]) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "multi-turn", "--out", str(out)]
    )
    assert result.exit_code == 2
    assert f"{source}:1: preference records do not convert" in result.stderr
    assert "--from" not in result.stderr and "prompt-completion" in result.stderr
    assert not out.exists()


def test_a_conversion_that_converts_no_record_fails_and_writes_no_file(tmp_path):
    source = tmp_path / "prompts.jsonl"
    prompt = {
        "schemaVersion": "bedrock-conversation-2024",
        "messages": [{"role": "user", "content": [{"text": "What is RAG?"}]}],
    }
    source.write_text(json.dumps(prompt) + "\n" + json.dumps(prompt) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["dataset", "convert", str(source), "--to", "claude-messages", "--out", str(out)]
    )
    assert result.exit_code == 2
    assert f"{source}: no record converts to claude-messages" in result.stderr
    assert "no assistant reply to train on (2 of 2 records)" in result.stderr
    assert not out.exists()


def test_a_wrong_from_that_converts_nothing_asks_whether_it_is_right(tmp_path):
    source = tmp_path / "pc.jsonl"
    source.write_text('{"prompt": "What is S3?", "completion": "Object storage."}\n')
    result = CliRunner().invoke(
        cli,
        ["dataset", "convert", str(source), "--from", "claude-messages", "--to", "multi-turn", "--out", "-"],
    )
    assert result.exit_code == 2 and result.stdout == ""
    assert "are these claude-messages records?" in result.stderr
