"""Each case where 'dataset validate' once disagreed with AWS's own Nova dataset validator, run through
the command a user types, with the AWS page that settles it."""

import json

from click.testing import CliRunner

from studykit.cli import cli
from tests.datasets.samples import CONVERSATION, VALID, jsonl


def validate(tmp_path, data: bytes, *options: str):
    path = tmp_path / "train.jsonl"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["dataset", "validate", str(path), "--json", *options])
    return result.exit_code, json.loads(result.stdout)


def conversation(number: int, *, ends_with_user: bool = False) -> dict:
    record = json.loads(json.dumps(CONVERSATION))
    record["messages"][0]["content"][0]["text"] = f"What is item {number} of the syllabus?"
    if ends_with_user:
        record["messages"].append({"role": "user", "content": [{"text": "And after that one?"}]})
    return record


def codes(report: dict) -> list[tuple[int | None, str]]:
    return [(finding["line"], finding["code"]) for finding in report["findings"]]


def test_a_conversation_ending_on_a_user_turn_fails_wherever_it_sits_in_the_file(tmp_path):
    # Fine-tuning conversations end with the assistant's turn:
    # https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html
    # Once the first record alone named the format, and this file passed when that record came first.
    prompt_first = [conversation(0, ends_with_user=True)] + [conversation(n) for n in range(1, 9)]
    prompt_last = prompt_first[1:] + prompt_first[:1]
    first_code, first = validate(tmp_path, jsonl(*prompt_first), "--model", "nova-lite")
    last_code, last = validate(tmp_path, jsonl(*prompt_last), "--model", "nova-lite")
    assert first_code == last_code == 1
    assert first["format"] == last["format"] == "multi-turn"
    assert codes(first) == [(1, "last-role")] and codes(last) == [(9, "last-role")]


def test_crlf_line_endings_pass_with_one_note(tmp_path):
    # Bedrock reads training data as JSON Lines
    # (https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html),
    # and JSON Lines allows \r\n between records (https://jsonlines.org/).
    records = [json.dumps(conversation(n)).encode() for n in range(8)]
    exit_code, report = validate(tmp_path, b"\r\n".join(records) + b"\r\n", "--model", "nova-lite")
    assert exit_code == 0 and report["valid"]
    assert codes(report) == [(1, "crlf")] and report["counts"]["crlf"] == 8 and report["notes"] == 1
    exit_code, report = validate(tmp_path, b"\r".join(records) + b"\r", "--model", "nova-lite")
    assert exit_code == 1 and ("cr-line-break", 1) in [(code, line) for line, code in codes(report)]


def test_reasoning_content_passes_for_nova_2_lite(tmp_path):
    # Assistant turns may carry reasoningContent before the answer ("Supervised fine-tuning on
    # Amazon Nova 2.0"): https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html
    records = []
    for number in range(200):
        record = conversation(number)
        reasoning = {"reasoningContent": {"reasoningText": {"text": f"Item {number}: recall the syllabus."}}}
        record["messages"][1]["content"].insert(0, reasoning)
        records.append(record)
    exit_code, report = validate(tmp_path, jsonl(*records), "--model", "nova-2-lite")
    assert exit_code == 0 and report["errors"] == 0, codes(report)[:3]
    exit_code, report = validate(tmp_path, jsonl(*records[:8]), "--model", "nova-lite")
    assert exit_code == 1 and report["counts"]["reasoning"] == 8


def media_record(number: int, kind: str, extension: str) -> dict:
    record = conversation(number)
    block = {
        "format": extension,
        "source": {"s3Location": {"uri": f"s3://amzn-s3-demo-bucket/m/{number}.{extension}"}},
    }
    record["messages"][0]["content"].append({kind: block})
    return record


def test_images_and_videos_in_one_dataset_fail_for_nova(tmp_path):
    # A Nova dataset holds text with images or text with videos, never both:
    # https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html
    records = [media_record(0, "image", "png"), media_record(1, "video", "mp4")]
    records += [conversation(n) for n in range(2, 10)]
    exit_code, report = validate(tmp_path, jsonl(*records), "--model", "nova-lite")
    assert exit_code == 1 and codes(report) == [(None, "media-mix")]
    exit_code, report = validate(tmp_path, jsonl(records[0], *records[2:]), "--model", "nova-lite")
    assert exit_code == 0


def test_a_gif_image_for_titan_image_generator_is_an_error(tmp_path):
    # Titan Image Generator fine-tuning takes JPEG or PNG images:
    # https://docs.aws.amazon.com/bedrock/latest/userguide/preparing-image-generation-data.html
    records = [{**VALID["image-caption"], "caption": f"A diagram of pipeline {n}"} for n in range(5)]
    records[3] = {**records[3], "image-ref": "s3://amzn-s3-demo-bucket/diagrams/loop.gif"}
    exit_code, report = validate(tmp_path, jsonl(*records), "--model", "titan-image-generator")
    assert exit_code == 1
    assert [(f["line"], f["code"], f["severity"]) for f in report["findings"]] == [
        (4, "image-format", "error")
    ]
