"""Every finding says what to do: a record broken in each way gets findings that all carry a hint."""

import io
import json

import pytest

from studykit.datasets.formats import get_format
from studykit.datasets.limits import get_model
from studykit.datasets.validate import validate_stream
from tests.datasets.samples import CONVERSATION, VALID, jsonl


def media(kind: str, extension: str) -> dict:
    uri = f"s3://amzn-s3-demo-bucket/media/item.{extension}"
    return {kind: {"format": extension, "source": {"s3Location": {"uri": uri}}}}


def asking(*blocks: dict) -> dict:
    record = json.loads(json.dumps(CONVERSATION))
    record["messages"][0]["content"] = [*blocks, {"text": "What does this show?"}]
    return record


PREFERENCE = VALID["preference"]
REINFORCEMENT = VALID["reinforcement"]
CASES = {
    "media format": ("single-turn", "nova-lite", asking(media("image", "bmp"))),
    "images in a message": ("single-turn", "nova-lite", asking(*[media("image", "png")] * 11)),
    "videos in a record": ("single-turn", "nova-lite", asking(media("video", "mp4"), media("video", "mov"))),
    "documents in a record": (
        "single-turn",
        "nova-2-lite",
        asking(media("document", "pdf"), media("document", "pdf")),
    ),
    "preference documents": (
        "preference",
        None,
        {
            **PREFERENCE,
            "messages": [
                {"role": "user", "content": [media("document", "pdf"), media("document", "pdf")]},
                PREFERENCE["messages"][1],
            ],
        },
    ),
    "messages not a list": ("multi-turn", None, {**CONVERSATION, "messages": "hello"}),
    "message not an object": ("multi-turn", None, {**CONVERSATION, "messages": ["hello", "there"]}),
    "candidates too early": (
        "preference",
        None,
        {**PREFERENCE, "messages": [*PREFERENCE["messages"], {"role": "user", "content": [{"text": "So?"}]}]},
    ),
    "candidate not an object": (
        "preference",
        None,
        {
            **PREFERENCE,
            "messages": [
                PREFERENCE["messages"][0],
                {"role": "assistant", "candidates": ["yes", *PREFERENCE["messages"][1]["candidates"]]},
            ],
        },
    ),
    "label not a string": (
        "preference",
        None,
        {
            **PREFERENCE,
            "messages": [
                PREFERENCE["messages"][0],
                {
                    "role": "assistant",
                    "candidates": [
                        {**PREFERENCE["messages"][1]["candidates"][0], "preferenceLabel": 1},
                        PREFERENCE["messages"][1]["candidates"][1],
                    ],
                },
            ],
        },
    ),
    "reinforcement without messages": ("reinforcement", None, {**REINFORCEMENT, "messages": []}),
    "reinforcement message not an object": (
        "reinforcement",
        None,
        {**REINFORCEMENT, "messages": [*REINFORCEMENT["messages"], 7]},
    ),
    "reinforcement role": (
        "reinforcement",
        None,
        {**REINFORCEMENT, "messages": [*REINFORCEMENT["messages"], {"role": "tool", "content": "42"}]},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_finding_on_a_broken_record_says_what_to_do(case):
    format_id, model_id, record = CASES[case]
    report = validate_stream(
        io.BytesIO(jsonl(record)), "d.jsonl", get_format(format_id), get_model(model_id) if model_id else None
    )
    assert report.errors, case
    assert [f.format("d.jsonl") for f in report.findings if not f.hint] == []


def test_records_of_no_format_past_the_listing_limit_still_say_what_to_do():
    unknown = jsonl(*[{"question": n} for n in range(3)])
    report = validate_stream(io.BytesIO(unknown), "d.jsonl", max_findings=1)
    assert report.counts["unknown-format"] >= 3
    assert [f.format("d.jsonl") for f in report.findings if not f.hint] == []
