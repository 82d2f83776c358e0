"""Nova 2 Lite reasoning traces are accepted where the docs allow them; tool use is refused with their reason.

Source for every case: "Supervised fine-tuning on Amazon Nova 2.0",
https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html
"""

import io
import json

from studykit.datasets.formats import get_format
from studykit.datasets.limits import get_model
from studykit.datasets.validate import validate_stream
from tests.datasets.samples import CONVERSATION, jsonl

REASONING = {"reasoningContent": {"reasoningText": {"text": "The learner asks about unlabeled data."}}}


def record_with(assistant_content: list, user_content: list | None = None) -> dict:
    record = json.loads(json.dumps(CONVERSATION))
    record["messages"][1]["content"] = assistant_content
    if user_content is not None:
        record["messages"][0]["content"] = user_content
    return record


def findings(record: dict, model_id: str | None = "nova-2-lite") -> list[tuple[str, str]]:
    model = get_model(model_id) if model_id else None
    report = validate_stream(io.BytesIO(jsonl(record)), "r.jsonl", get_format("multi-turn"), model)
    return [(f.code, f.path) for f in report.findings if f.line == 1]


def test_reasoning_content_before_the_answer_is_accepted_for_nova_2_lite():
    # Once refused as an "unknown content block"; the Nova 2.0 SFT page supports it in assistant turns.
    record = record_with([REASONING, {"text": "Continued pre-training uses unlabeled text."}])
    assert findings(record) == []
    assert findings(record, None) == []


def test_reasoning_content_is_refused_for_a_model_that_does_not_train_on_it():
    record = record_with([REASONING, {"text": "Continued pre-training uses unlabeled text."}])
    assert findings(record, "nova-lite") == [("reasoning", "messages[1].content[0]")]


def test_reasoning_content_has_its_own_rules():
    in_user_turn = record_with(
        [{"text": "Continued pre-training uses unlabeled text."}],
        [{"text": "What is continued pre-training?"}, REASONING],
    )
    assert ("reasoning", "messages[0].content[1]") in findings(in_user_turn)
    without_answer = record_with([REASONING])
    assert findings(without_answer) == [("reasoning", "messages[1]")]
    redacted = record_with([{"reasoningContent": {"redactedContent": "abc"}}, {"text": "An answer here."}])
    assert findings(redacted) == [("reasoning", "messages[1].content[0].reasoningContent")]
    reserved = record_with(
        [{"reasoningContent": {"reasoningText": {"text": "Thought: it is CPT"}}}, {"text": "It is CPT."}]
    )
    assert findings(reserved) == [
        ("reserved-word", "messages[1].content[0].reasoningContent.reasoningText.text")
    ]


def test_tool_use_is_refused_with_the_reason_the_docs_give():
    tool_call = {"toolUse": {"toolUseId": "t1", "name": "lookup", "input": {}}}
    record = record_with([tool_call, {"text": "Looking it up."}])
    record["toolConfig"] = {"tools": []}
    report = validate_stream(
        io.BytesIO(jsonl(record)), "r.jsonl", get_format("multi-turn"), get_model("nova-2-lite")
    )
    tool_findings = [f for f in report.findings if f.code == "tool-use"]
    assert [f.path for f in tool_findings] == ["toolConfig", "messages[1].content[0]"]
    assert "not supported by Nova 2 supervised fine-tuning" in tool_findings[0].message
    assert "can make the job fail" in tool_findings[0].message
    assert "unknown-key" not in report.counts


def test_a_stray_key_is_not_told_that_toolconfig_is_allowed():
    report = validate_stream(io.BytesIO(jsonl({**CONVERSATION, "weight": 1})), "d.jsonl")
    hints = [f.hint for f in report.findings if f.code == "unknown-key"]
    assert hints == ["allowed: messages, schemaVersion, system"]
