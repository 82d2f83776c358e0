import io
import json

import pytest

from studykit.datasets.formats import get_format
from studykit.datasets.limits import get_model
from studykit.datasets.validate import validate_path, validate_stream
from studykit.errors import StudykitError
from tests.datasets.samples import CONVERSATION, MODEL_FOR, VALID, jsonl


def run(data: bytes, format_id: str | None = None, model_id: str | None = None, **options):
    fmt = get_format(format_id) if format_id else None
    model = get_model(model_id) if model_id else None
    return validate_stream(io.BytesIO(data), "data.jsonl", fmt, model, **options)


def codes(report) -> set[tuple[int | None, str]]:
    return {(finding.line, finding.code) for finding in report.findings}


@pytest.mark.parametrize("format_id", sorted(VALID))
def test_a_valid_record_of_each_format_is_detected_and_passes(format_id):
    report = run(jsonl(VALID[format_id]))
    assert report.valid, [f.format("x") for f in report.findings]
    assert report.format_id == format_id
    assert report.records == 1


def test_file_level_byte_problems_are_reported_on_their_lines():
    good = json.dumps(VALID["prompt-completion"]).encode()
    data = b"\xef\xbb\xbf" + good + b"\r\n" + good + b"\n\n" + b'{"prompt": "caf\xe9"}\n' + b'{"prompt": "a'
    report = run(data)
    assert {(1, "bom"), (1, "crlf"), (3, "blank-line"), (4, "not-utf8"), (5, "truncated-line")} <= codes(
        report
    )
    assert not report.valid


def test_a_conversation_file_is_called_multi_turn_once_any_record_has_more_than_one_exchange():
    single = VALID["single-turn"]
    longer = VALID["multi-turn"]
    assert len(longer["messages"]) > 2
    assert run(jsonl(single, single)).format_id == "single-turn"
    assert run(jsonl(single, longer)).format_id == "multi-turn"


def test_crlf_line_endings_are_valid_noted_once_and_counted_on_every_line():
    # JSON Lines allows \r\n as the line separator: https://jsonlines.org/
    first = json.dumps(VALID["prompt-completion"]).encode()
    second = json.dumps({"prompt": "What is Amazon S3?", "completion": "Object storage in buckets."}).encode()
    report = run(first + b"\r\n" + second + b"\r\n")
    assert report.valid and report.errors == report.warnings == 0
    (note,) = report.findings
    assert (note.code, note.line, note.severity) == ("crlf", 1, "note")
    assert report.counts["crlf"] == 2 and report.notes == 1 and report.records == 2


def test_a_blank_crlf_line_is_one_blank_line_error_and_one_crlf_note():
    # Found by hypothesis: the note counts as a finding of its own, beside the error.
    report = run(b"\r\n")
    assert [(f.line, f.code, f.severity) for f in report.findings] == [
        (1, "crlf", "note"),
        (1, "blank-line", "error"),
    ]
    assert (report.errors, report.warnings, report.notes, report.lines, report.bytes) == (1, 0, 1, 1, 2)
    assert report.to_json()["findings_omitted"] == 0


def test_carriage_returns_alone_between_records_are_an_error():
    # JSON Lines separates values with \n (\r\n allowed); a lone \r is no line break: https://jsonlines.org/
    first = json.dumps(VALID["prompt-completion"]).encode()
    second = json.dumps({"prompt": "What is Amazon S3?", "completion": "Object storage in buckets."}).encode()
    report = run(first + b"\r" + second + b"\r")
    assert not report.valid
    assert [(f.line, f.code) for f in report.findings] == [(1, "cr-line-break")]
    report = run(first + b"\n" + second + b"\r" + first + b"\n")
    assert (2, "cr-line-break") in codes(report) and report.records == 1


def test_invalid_json_names_the_column():
    report = run(b'{"prompt": "a", "completion": "b",}\n')
    (finding,) = report.findings
    assert finding.code == "invalid-json" and finding.line == 1 and finding.column == 35


def test_nan_is_not_json():
    report = run(b'{"prompt": NaN, "completion": "b"}\n', "prompt-completion")
    assert (1, "invalid-json") in codes(report)


def test_schema_errors_name_the_field_path():
    record = json.loads(json.dumps(CONVERSATION))
    record["system"] = "You are a tutor."
    record["messages"][1]["content"] = [{"text": "  "}]
    record["extra"] = 1
    report = run(jsonl(record), "multi-turn")
    paths = {(finding.code, finding.path) for finding in report.findings}
    assert ("wrong-type", "system") in paths
    assert ("empty-text", "messages[1].content[0].text") in paths
    assert ("unknown-key", "") in paths


def test_roles_must_start_with_user_alternate_and_end_with_assistant():
    swapped = json.loads(json.dumps(CONVERSATION))
    swapped["messages"].reverse()
    ends_with_user = json.loads(json.dumps(VALID["multi-turn"]))
    ends_with_user["messages"].pop()
    doubled = json.loads(json.dumps(VALID["multi-turn"]))
    doubled["messages"][2]["role"] = "assistant"
    report = run(jsonl(swapped, ends_with_user, doubled), "multi-turn")
    assert {(1, "first-role"), (1, "last-role"), (2, "last-role"), (3, "role-order")} <= codes(report)


def test_a_system_role_inside_messages_points_to_the_top_level_list():
    record = json.loads(json.dumps(CONVERSATION))
    record["messages"].insert(0, {"role": "system", "content": [{"text": "Be brief."}]})
    report = run(jsonl(record), "multi-turn")
    finding = next(f for f in report.findings if f.code == "role-value")
    assert "top-level 'system'" in finding.hint


def test_openai_chat_data_is_recognised_and_pointed_at_convert():
    record = {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}
    report = run(jsonl(record))
    assert not report.valid
    assert "convert" in report.findings[0].hint


def test_record_counts_are_checked_against_the_model():
    few = run(jsonl(*[VALID["single-turn"]] * 3), model_id="nova-micro")
    assert any(f.code == "record-count" and "at least 8" in f.message for f in few.findings)
    many = run(jsonl(*[VALID["image-caption"]] * 6), model_id="titan-image-generator")
    assert not any(f.code == "record-count" for f in many.findings)


def test_over_limit_record_is_an_error_and_near_limit_a_warning():
    limit = get_model("titan-text-express").max_chars
    over = {"prompt": "word " * (limit // 5), "completion": "more text here"}
    near = {"prompt": "x" * int(limit * 0.95), "completion": "fits"}
    report = run(jsonl(over, near), model_id="titan-text-express")
    assert {(1, "over-limit"), (2, "long")} <= codes(report)


def test_image_references_must_be_s3_uris():
    record = {"image-ref": "https://example.com/cat.png", "caption": "an orange cat with white spots"}
    report = run(jsonl(record), model_id="titan-image-generator")
    assert (1, "image-ref") in codes(report)


def test_nova_reserved_words_are_rejected_case_insensitively():
    record = json.loads(json.dumps(CONVERSATION))
    record["messages"][0]["content"][0]["text"] = "user: what is RAG?"
    assert (1, "reserved-word") in codes(run(jsonl(record), model_id="nova-micro"))
    assert (1, "reserved-word") not in codes(run(jsonl(record), model_id="llama-3-2-1b"))


def test_nova_micro_takes_no_images():
    record = json.loads(json.dumps(CONVERSATION))
    image = {"format": "png", "source": {"s3Location": {"uri": "s3://amzn-s3-demo-bucket/a.png"}}}
    record["messages"][0]["content"].append({"image": image})
    assert (1, "media") in codes(run(jsonl(record), model_id="nova-micro"))
    assert run(jsonl(*[record] * 8), model_id="nova-lite").errors == 0


def test_duplicates_whitespace_and_short_records_are_warnings_only():
    record = VALID["prompt-completion"]
    padded = {"prompt": " What is S3? ", "completion": "Object storage in buckets."}
    tiny = {"prompt": "Hi", "completion": "Yo"}
    report = run(jsonl(record, record, padded, tiny))
    assert report.valid
    assert {(2, "duplicate"), (3, "whitespace"), (4, "short")} <= codes(report)
    assert report.duplicates == 1


def test_only_max_findings_are_kept_but_all_are_counted():
    report = run(b"\n" * 50, max_findings=5)
    assert len(report.findings) == 5 and report.errors >= 50 and report.omitted >= 45


def test_an_empty_file_is_invalid():
    assert run(b"").counts["empty"] == 1


def test_a_model_that_does_not_take_the_format_is_a_usage_error(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]))
    with pytest.raises(StudykitError, match="does not take"):
        validate_path(str(path), "prompt-completion", "nova-micro")


def test_missing_files_and_folders_are_unreadable(tmp_path):
    for path in (tmp_path / "nope.jsonl", tmp_path):
        with pytest.raises(StudykitError) as caught:
            validate_path(str(path))
        assert caught.value.exit_code == 2


@pytest.mark.parametrize("format_id", sorted(VALID))
def test_each_sample_is_valid_for_its_model(format_id):
    model = get_model(MODEL_FOR[format_id]).for_format(format_id) if MODEL_FOR[format_id] else None
    count = (model.min_records or 1) if model else 1
    records = [VALID[format_id]] * count
    report = run(jsonl(*records), format_id, model.id if model else None)
    assert report.valid, [f.format("x") for f in report.findings[:3]]


def test_too_many_records_for_the_model_are_an_error_for_training_and_validation_files():
    pair = {"prompt": "What is Amazon Bedrock?", "completion": "A managed service for foundation models."}
    report = run(jsonl(*[pair] * 10_001), "prompt-completion", "cohere-command")
    (finding,) = [f for f in report.findings if f.code == "record-count"]
    assert "at most 10,000" in finding.message and not report.valid
    chat = VALID["claude-messages"]
    report = run(jsonl(*[chat] * 1_001), "claude-messages", "claude-3-haiku", validation_set=True)
    assert any("at most 1,000 in a validation file" in f.message for f in report.findings)
    assert run(jsonl(*[chat] * 1_000), "claude-messages", "claude-3-haiku", validation_set=True).valid


def test_a_validation_file_for_a_model_without_a_validation_set_is_an_error():
    report = run(jsonl(*[VALID["multi-turn"]] * 3), "multi-turn", "nova-2-lite", validation_set=True)
    assert report.counts["no-validation-set"] == 1 and not report.valid


def test_a_whole_last_line_without_a_line_ending_is_not_called_cut_short():
    repeated = b'{"prompt": "What is AWS?", "prompt": "Again?", "completion": "Amazon Web Services."}'
    report = run(json.dumps(VALID["prompt-completion"]).encode() + b"\n" + repeated)
    assert {(2, "duplicate-key"), (2, "no-final-newline")} <= codes(report)
    assert (2, "truncated-line") not in codes(report)


def test_openai_chat_data_is_named_once_and_counted_on_every_line():
    record = {
        "messages": [
            {"role": "system", "content": "You are a tutor."},
            {"role": "user", "content": "What is RAG?"},
            {"role": "assistant", "content": "Retrieval-augmented generation."},
        ]
    }
    report = run(b"".join(json.dumps({**record, "n": n}).encode() + b"\n" for n in range(50)))
    assert not report.valid
    assert [finding.code for finding in report.findings] == ["openai-format"]
    assert report.counts["openai-format"] == 50
