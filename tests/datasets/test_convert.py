import io
import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.checks import RecordChecker
from studykit.datasets.convert import (
    PASSAGE_KEYS,
    SOURCES,
    TARGETS,
    Skip,
    convert_one,
    convert_stream,
    read_conversation,
    write_conversation,
)
from studykit.datasets.formats import get_format
from studykit.datasets.validate import validate_stream
from studykit.errors import StudykitError
from tests.datasets.samples import generated, jsonl

TEXT = st.text(min_size=1, max_size=30)


def roundtrip(record: dict, source: str, via: str, back: str) -> tuple[dict, Counter]:
    dropped: Counter = Counter()
    middle = write_conversation(read_conversation(record, source, dropped), via, dropped)
    return write_conversation(read_conversation(middle, via, dropped), back, dropped), dropped


@st.composite
def dialogues(draw):
    exchanges = draw(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=4))
    return [
        (role, text)
        for question, answer in exchanges
        for role, text in (("user", question), ("assistant", answer))
    ]


@settings(max_examples=80, deadline=None)
@given(prompt=TEXT, completion=TEXT)
def test_prompt_completion_round_trips_through_bedrock_and_openai(prompt, completion):
    record = {"prompt": prompt, "completion": completion}
    for via in ("multi-turn", "openai-chat", "claude-messages"):
        back, dropped = roundtrip(record, "prompt-completion", via, "prompt-completion")
        assert back == record and not dropped


@settings(max_examples=80, deadline=None)
@given(turns=dialogues(), system=st.none() | TEXT)
def test_openai_chat_round_trips_through_bedrock_conversation(turns, system):
    messages = ([{"role": "system", "content": system}] if system is not None else []) + [
        {"role": role, "content": text} for role, text in turns
    ]
    record = {"messages": messages}
    back, dropped = roundtrip(record, "openai-chat", "multi-turn", "openai-chat")
    assert back == record and not dropped


@settings(max_examples=80, deadline=None)
@given(turns=dialogues(), system=st.none() | TEXT)
def test_bedrock_conversation_round_trips_through_openai_and_claude(turns, system):
    record: dict = {"schemaVersion": "bedrock-conversation-2024"}
    if system is not None:
        record["system"] = [{"text": system}]
    record["messages"] = [{"role": role, "content": [{"text": text}]} for role, text in turns]
    for via in ("openai-chat", "claude-messages"):
        back, dropped = roundtrip(record, "multi-turn", via, "multi-turn")
        assert back == record and not dropped


def test_what_a_target_cannot_hold_is_dropped_and_counted():
    record = {
        "schemaVersion": "bedrock-conversation-2024",
        "system": [{"text": "Be brief."}],
        "messages": [
            {
                "role": "user",
                "content": [{"text": "What is this?"}, {"image": {"format": "png", "source": {}}}],
            },
            {"role": "assistant", "content": [{"text": "A diagram."}]},
        ],
    }
    dropped: Counter = Counter()
    result = write_conversation(
        read_conversation(record, "multi-turn", dropped), "prompt-completion", dropped
    )
    assert result == {"prompt": "What is this?", "completion": "A diagram."}
    assert dropped == {"image blocks": 1, "system prompts": 1}


def test_a_dialogue_cannot_become_prompt_completion():
    conversation = read_conversation(
        {"messages": [{"role": r, "content": "x"} for r in ("user", "assistant", "user", "assistant")]},
        "openai-chat",
        Counter(),
    )
    with pytest.raises(Skip, match="one user-assistant exchange"):
        write_conversation(conversation, "prompt-completion", Counter())


def test_converted_openai_data_validates_as_bedrock(tmp_path):
    source = tmp_path / "openai.jsonl"
    lines = [
        {
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": f"Question {i}?"},
                {"role": "assistant", "content": f"Answer number {i}."},
            ]
        }
        for i in range(3)
    ]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = io.StringIO()
    report = convert_stream(str(source), None, "multi-turn", out)
    assert report.written == 3 and report.source == "openai-chat"
    assert validate_stream(io.BytesIO(out.getvalue().encode()), "x").valid


def test_a_broken_line_stops_the_conversion_with_its_line_number(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"prompt": "a", "completion": "b"}\n{oops\n')
    with pytest.raises(StudykitError) as caught:
        convert_stream(str(source), None, "multi-turn", io.StringIO())
    assert caught.value.line == 2 and "validate" in caught.value.hint


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["role", "content", "text", "type", "image"]), children, max_size=3)
    ),
    max_leaves=12,
)
RECORDS = st.dictionaries(
    st.sampled_from(["messages", "system", "prompt", "completion", "schemaVersion"]), JSON, max_size=4
)


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=300) | st.lists(RECORDS, min_size=1, max_size=3).map(lambda rs: jsonl(*rs)),
    target=st.sampled_from(TARGETS),
    source=st.sampled_from([None, *SOURCES]),
)
def test_convert_never_raises_anything_but_a_one_line_error_on_arbitrary_bytes(
    tmp_path_factory, data, target, source
):
    path = tmp_path_factory.getbasetemp() / "fuzz-convert.jsonl"
    path.write_bytes(data)
    out = io.StringIO()
    try:
        report = convert_stream(str(path), source, target, out)
    except StudykitError as error:
        assert error.line is None or error.line >= 1
        return
    assert report.written == len(out.getvalue().splitlines())


CONVERTIBLE = {
    source: generated(source)
    for source in ("prompt-completion", "single-turn", "multi-turn", "claude-messages")
}


@settings(max_examples=60, deadline=None)
@given(
    source=st.sampled_from(sorted(CONVERTIBLE)),
    target=st.sampled_from([target for target in TARGETS if target != "openai-chat"]),
    index=st.integers(min_value=0, max_value=10_000),
)
def test_generated_records_convert_to_records_that_validate_as_the_target(source, target, index):
    record = CONVERTIBLE[source][index % len(CONVERTIBLE[source])]
    dropped: Counter = Counter()
    try:
        converted = convert_one(record, source, target, dropped)
    except Skip:
        if target in PASSAGE_KEYS:
            return
        assert target in ("prompt-completion", "single-turn") and len(record.get("messages", [])) > 2
        return
    findings: list = []
    RecordChecker(get_format(target)).check(converted, 1, findings)
    assert not [finding for finding in findings if finding.is_error], findings
    assert set(dropped) <= {"system prompts"}


@settings(max_examples=60, deadline=None)
@given(turns=dialogues(), system=st.none() | TEXT)
def test_a_conversation_becomes_a_reinforcement_prompt_with_its_last_reply_as_the_reference(turns, system):
    record: dict = {"schemaVersion": "bedrock-conversation-2024"}
    if system is not None:
        record["system"] = [{"text": system}]
    record["messages"] = [{"role": role, "content": [{"text": text}]} for role, text in turns]
    dropped: Counter = Counter()
    converted = convert_one(record, "multi-turn", "reinforcement", dropped)
    assert converted["reference_answer"] == turns[-1][1] and not dropped
    prompt = [(message["role"], message["content"]) for message in converted["messages"]]
    assert prompt == ([("system", system)] if system is not None else []) + turns[:-1]


def test_unlabeled_text_keeps_its_passage_between_the_two_continued_pretraining_layouts():
    dropped: Counter = Counter()
    nova = convert_one(
        {"input": "Passage.", "id": 3}, "continued-pretraining", "nova-continued-pretraining", dropped
    )
    assert nova == {"text": "Passage."} and dropped == {"record id": 1}
    assert convert_one(nova, "nova-continued-pretraining", "continued-pretraining", Counter()) == {
        "input": "Passage."
    }
    with pytest.raises(Skip, match="only between continued-pretraining and nova-continued-pretraining"):
        convert_one(
            {"prompt": "a", "completion": "b"}, "prompt-completion", "continued-pretraining", Counter()
        )
