"""Rules only the whole file shows: its format named from every record, mixed formats, mixed media.

Each case where studykit once disagreed with AWS's own Nova validator has its own test, with
the page that settles it.
"""

import io
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.formats import get_format
from studykit.datasets.limits import get_model
from studykit.datasets.validate import validate_stream
from tests.datasets.samples import CONVERSATION, VALID, jsonl


def run(data: bytes, format_id: str | None = None, model_id: str | None = None):
    fmt = get_format(format_id) if format_id else None
    model = get_model(model_id) if model_id else None
    return validate_stream(io.BytesIO(data), "d.jsonl", fmt, model, max_findings=10_000)


def conversation(number: int, ends_with_user: bool = False) -> dict:
    record = json.loads(json.dumps(CONVERSATION))
    record["messages"][0]["content"][0]["text"] = f"What is item {number} of the syllabus?"
    if ends_with_user:
        record["messages"].append({"role": "user", "content": [{"text": "And after that one?"}]})
    return record


def test_a_prompt_first_conversation_file_is_judged_the_same_in_any_order():
    # Fine-tuning conversations end with the assistant (Nova validator and
    # https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html);
    # once the first record decided "distillation" for the whole file, and this file passed.
    records = [conversation(0, ends_with_user=True)] + [conversation(n) for n in range(1, 6)]
    verdicts = set()
    for seed in range(6):
        order = list(range(len(records)))
        random.Random(seed).shuffle(order)
        report = run(jsonl(*(records[i] for i in order)))
        user_line = order.index(0) + 1
        assert not report.valid and report.format_id == "multi-turn"
        assert [(f.line, f.code) for f in report.findings if f.is_error] == [(user_line, "last-role")]
        verdicts.add((report.valid, report.format_id, report.errors))
    assert len(verdicts) == 1


def test_a_file_mostly_of_prompts_is_distillation_data_in_any_order():
    # Distillation prompts end with the user; a golden assistant answer is allowed:
    # https://docs.aws.amazon.com/bedrock/latest/userguide/distillation-prepare-datasets.html
    prompts = [{**conversation(n), "messages": conversation(n)["messages"][:1]} for n in range(4)]
    records = [*prompts, conversation(9)]
    for rotation in range(len(records)):
        report = run(jsonl(*records[rotation:], *records[:rotation]))
        assert report.valid and report.format_id == "distillation"


def test_a_model_without_distillation_holds_prompts_to_fine_tuning_rules():
    prompts = [{**conversation(n), "messages": conversation(n)["messages"][:1]} for n in range(3)]
    report = run(jsonl(*prompts, conversation(7)), model_id="nova-2-lite")
    assert report.format_id == "multi-turn" or report.format_id == "single-turn"
    assert {f.code for f in report.findings if f.line == 1} == {"too-few-messages", "last-role"}


def test_a_file_that_mixes_formats_is_named_so_with_the_lines_of_each():
    pairs = [{"prompt": f"What is service {n}?", "completion": "A managed AWS service."} for n in range(3)]
    report = run(jsonl(pairs[0], conversation(1), pairs[1], pairs[2], conversation(2)))
    assert not report.valid and report.format_id == "prompt-completion"
    (mixed,) = [f for f in report.findings if f.code == "mixed-formats"]
    assert mixed.line is None
    assert "prompt-completion on lines 1, 3-4 (3 record(s))" in mixed.message
    assert "single-turn on lines 2, 5 (2 record(s))" in mixed.message
    assert report.formats == {"prompt-completion": 3, "single-turn": 2}


def test_format_overrides_detection_and_checks_every_record_against_it():
    pairs = [{"prompt": f"What is service {n}?", "completion": "A managed AWS service."} for n in range(2)]
    report = run(jsonl(*pairs, conversation(1)), "multi-turn")
    assert report.format_id == "multi-turn" and not report.detected
    assert "mixed-formats" not in report.counts
    assert {(f.line, f.code) for f in report.findings} >= {(1, "missing-key"), (2, "unknown-key")}


def media_record(kind: str, extension: str) -> dict:
    record = conversation(3)
    block = {
        "format": extension,
        "source": {"s3Location": {"uri": f"s3://amzn-s3-demo-bucket/m/a.{extension}"}},
    }
    record["messages"][0]["content"].append({kind: block})
    return record


def test_images_in_one_record_and_a_video_in_another_are_a_mixed_dataset_for_nova():
    # "The dataset can't contain different media modalities": text with images or text with videos.
    # https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html
    records = [media_record("image", "png"), media_record("video", "mp4")] + [
        conversation(n) for n in range(8)
    ]
    report = run(jsonl(*records), model_id="nova-lite")
    (mixed,) = [f for f in report.findings if f.code == "media-mix"]
    assert "images (line 1)" in mixed.message and "videos (line 2)" in mixed.message
    assert not report.valid
    only_images = run(jsonl(media_record("image", "png"), *records[2:]), model_id="nova-lite")
    assert only_images.valid


def test_images_and_videos_mixed_are_an_error_without_a_model_too():
    # Every model that takes video is a Nova model, and Nova takes text with images or text with
    # videos, never both (same pages as above): no model can train on such a file.
    records = [media_record("image", "png"), media_record("video", "mp4")] + [
        conversation(n) for n in range(8)
    ]
    report = run(jsonl(*records))
    (mixed,) = [f for f in report.findings if f.code == "media-mix"]
    assert mixed.hint.startswith("nova-lite, nova-pro, nova-2-lite train on text with images")
    assert not report.valid
    assert run(jsonl(media_record("video", "mp4"), *records[2:])).valid


def test_a_model_without_video_refuses_the_videos_not_the_mix():
    records = [media_record("image", "png"), media_record("video", "mp4")] + [
        conversation(n) for n in range(8)
    ]
    report = run(jsonl(*records), model_id="llama-3-2-11b")
    assert "media-mix" not in report.counts and not report.valid


def test_a_gif_for_titan_image_generator_is_an_error():
    # Titan Image Generator takes PNG or JPEG images:
    # https://docs.aws.amazon.com/bedrock/latest/userguide/preparing-image-generation-data.html
    records = [{**VALID["image-caption"], "caption": f"A diagram of pipeline {n}"} for n in range(5)]
    records[2] = {**records[2], "image-ref": "s3://amzn-s3-demo-bucket/diagrams/loop.gif"}
    report = run(jsonl(*records), model_id="titan-image-generator")
    assert not report.valid
    assert [(f.line, f.code, f.severity) for f in report.findings] == [(3, "image-format", "error")]


RECORDS = st.lists(
    st.sampled_from(
        [
            ("conversation", False),
            ("conversation", True),
            ("prompt", False),
            ("prompt-completion", False),
        ]
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=80, deadline=None)
@given(kinds=RECORDS, seed=st.integers(0, 1000), model=st.sampled_from([None, "nova-lite", "nova-2-lite"]))
def test_the_verdict_does_not_depend_on_the_order_of_the_records(kinds, seed, model):
    records = []
    for number, (kind, flag) in enumerate(kinds):
        if kind == "conversation":
            records.append(conversation(number, ends_with_user=flag))
        elif kind == "prompt":
            records.append({**conversation(number), "messages": conversation(number)["messages"][:1]})
        else:
            records.append({"prompt": f"What is service {number}?", "completion": "A managed AWS service."})
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    first, second = run(jsonl(*records), model_id=model), run(jsonl(*shuffled), model_id=model)
    assert (first.valid, first.format_id, first.errors, first.counts, first.formats) == (
        second.valid,
        second.format_id,
        second.errors,
        second.counts,
        second.formats,
    )


def test_records_ending_on_a_user_turn_are_all_counted_however_they_are_spread():
    # Only a few line ranges are listed; every such record must still be counted, in any order.
    prompts = [{**conversation(n), "messages": conversation(n)["messages"][:1]} for n in range(30)]
    dialogues = [conversation(100 + n) for n in range(32)]
    blocked = run(jsonl(*prompts, *dialogues))
    pairs = zip(dialogues[:30], prompts, strict=True)
    striped = run(jsonl(*[record for pair in pairs for record in pair], *dialogues[30:]))
    for report in (blocked, striped):
        assert report.format_id == "single-turn" and not report.valid
        assert (report.counts["last-role"], report.counts["too-few-messages"]) == (30, 30)
    assert blocked.errors == striped.errors == 60
    assert striped.omitted == 0  # the ones not listed are summed up in one finding, not hidden
    summary = [f.message for f in striped.findings if f.line is None and f.code == "last-role"]
    assert len(summary) == 1 and "; 30 in all (lines 2, 4, 6" in summary[0]


def chat(number: int, system: str | None = None, key: bool = False) -> dict:
    messages = [
        {"role": "user", "content": f"What does service number {number} do for you?"},
        {"role": "assistant", "content": f"Service number {number} answers questions about AWS."},
    ]
    if system and not key:
        return {"messages": [{"role": "system", "content": system}, *messages]}
    return {"system": system, "messages": messages} if system else {"messages": messages}


def test_openai_chat_records_without_a_system_message_do_not_make_the_file_mixed():
    # Without a system prompt, OpenAI chat and Claude 3 Haiku records look the same.
    records = [chat(0, "Be brief."), *[chat(n) for n in range(1, 7)]]
    for order in (records, records[::-1]):
        report = run(jsonl(*order))
        assert report.format_id == "openai-chat" and report.formats == {"openai-chat": 7}
        assert "mixed-formats" not in report.counts and report.counts["openai-format"] == 1
    claude = run(jsonl(*records, chat(9, "Be brief.", key=True)))
    assert claude.counts["mixed-formats"] == 1
    assert claude.formats == {"claude-messages": 7, "openai-chat": 1}
