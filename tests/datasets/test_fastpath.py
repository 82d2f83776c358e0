"""The fast clean-record test must never pass a record the full checker would flag."""

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.checks import RecordChecker
from studykit.datasets.fastpath import FastCheck
from studykit.datasets.formats import get_format
from studykit.datasets.limits import MODELS, get_model
from studykit.datasets.strict_json import parse_record
from tests.datasets.samples import VALID

PAIRS = [(fmt, None) for fmt in VALID] + [(fmt, model) for model in MODELS for fmt in MODELS[model].formats]
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(["", " x", "x ", "User: hi", "ok text here", "é"])
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


@st.composite
def near_valid(draw):
    format_id, model_id = draw(st.sampled_from(PAIRS))
    record = copy.deepcopy(VALID[format_id])
    for _ in range(draw(st.integers(0, 3))):
        paths = [p for p in _paths(record) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        target = record
        for step in path[:-1]:
            target = target[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and isinstance(target, dict):
            del target[path[-1]]
        elif action == "add" and isinstance(target, dict):
            target[draw(st.sampled_from(["role", "text", "extra", "system", "content"]))] = draw(LEAVES)
        else:
            target[path[-1]] = draw(LEAVES | st.lists(LEAVES, max_size=2))
    return format_id, model_id, record


def dumps_repeating(value, repeat: int, counter: list[int]) -> str:
    """JSON for ``value`` in which the ``repeat``-th object (counting from 0) names its first key twice."""
    if isinstance(value, dict):
        number = counter[0]
        counter[0] += 1
        items = [
            f"{json.dumps(key)}: {dumps_repeating(item, repeat, counter)}" for key, item in value.items()
        ]
        if number == repeat and value:
            items.append(items[0])
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dumps_repeating(item, repeat, counter) for item in value) + "]"
    return json.dumps(value)


def full_check(fmt, model, line: bytes) -> tuple[list, int] | None:
    """The strict parse and full checker's verdict on one line; None when it is not strict JSON."""
    try:
        record = parse_record(line)
    except (ValueError, RecursionError):
        return None
    findings: list = []
    chars = RecordChecker(fmt, model).check(record, 1, findings)
    return findings, chars


def fast_check(fmt, model, line: bytes) -> int | None:
    return FastCheck(fmt, model).clean_chars(line)


@settings(max_examples=400, deadline=None)
@given(case=near_valid(), repeat=st.integers(-1, 8))
def test_fast_path_passes_only_records_the_full_checker_finds_clean(case, repeat):
    format_id, model_id, record = case
    fmt, model = get_format(format_id), get_model(model_id) if model_id else None
    line = dumps_repeating(record, repeat, [0]).encode()
    fast = fast_check(fmt, model, line)
    if fast is not None:
        assert full_check(fmt, model, line) == ([], fast)


# Bytes that matter to a JSON reader: quotes, escapes (\u0022 is a quote), separators, spaces.
SPLICES = st.sampled_from(
    [
        b'"',
        b"\\",
        b'\\"',
        b"\\u0022",
        b"\\u0072",
        b":",
        b",",
        b" ",
        b"{",
        b"}",
        b"[",
        b"]",
        b"\t",
        b"\xff",
        b"\xc3\xa9",
        b"NaN",
        b"1e999",
        b'"role": "user", ',
        b'"text": "x", ',
        b"\\ud800",
    ]
)


@settings(max_examples=600, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), SPLICES), min_size=1, max_size=3),
)
def test_no_byte_level_damage_slips_through_the_fast_path(pair, edits):
    format_id, model_id = pair
    fmt, model = get_format(format_id), get_model(model_id) if model_id else None
    line = json.dumps(VALID[format_id], ensure_ascii=False).encode()
    for where, cut, splice in edits:
        at = int(where * len(line))
        line = line[:at] + splice + line[at + cut :]
    fast = fast_check(fmt, model, line)
    if fast is not None:
        assert full_check(fmt, model, line) == ([], fast)


def test_a_repeated_key_anywhere_sends_the_record_to_the_full_check():
    for format_id, record in VALID.items():
        fmt = get_format(format_id)
        for repeat in range(8):
            line = dumps_repeating(record, repeat, [0]).encode()
            if full_check(fmt, None, line) is None:
                assert fast_check(fmt, None, line) is None, (format_id, repeat)


# A repeated key adds at least two quote bytes; each quote written as \u0022 adds none.
@pytest.mark.parametrize("said", [b"say \\u0022hi\\u0022 twice", b"say \\u0022hi once"])
def test_a_quote_written_as_an_escape_does_not_hide_a_repeated_key(said):
    line = (
        b'{"schemaVersion": "bedrock-conversation-2024", "messages": ['
        b'{"role": "user", "content": [{"text": "' + said + b'"}]}, '
        b'{"role": "assistant", "content": [{"text": "hi hi, then"}], "role": "assistant"}]}'
    )
    assert full_check(get_format("multi-turn"), None, line) is None
    assert fast_check(get_format("multi-turn"), None, line) is None


def test_two_quotes_spelled_as_escapes_get_the_strict_parse_and_plain_ones_stay_fast():
    line = (
        b'{"schemaVersion": "bedrock-conversation-2024", "messages": ['
        b'{"role": "user", "content": [{"text": "say \\"hi\\" and \\u0022bye\\u0022"}]}, '
        b'{"role": "assistant", "content": [{"text": "hi, then bye"}]}]}'
    )
    fmt = get_format("multi-turn")
    assert fast_check(fmt, None, line) is None  # two quotes spelled \u0022: the strict parse decides
    assert full_check(fmt, None, line)[0] == []
    plain = line.replace(b"\\u0022", b'\\"')
    assert fast_check(fmt, None, plain) == full_check(fmt, None, plain)[1]


def test_fast_path_accepts_the_clean_samples():
    for format_id, record in VALID.items():
        if format_id not in ("image-caption", "preference", "reinforcement"):  # no fast path for these
            line = json.dumps(record).encode()
            assert FastCheck(get_format(format_id), None).clean_chars(line) is not None, format_id


def test_ascii_escaped_text_with_quotes_still_takes_the_fast_path():
    record = {
        "prompt": 'What does "fine-tuning" mean — café?',
        "completion": "Training further on labeled data.",
    }
    line = json.dumps(record, ensure_ascii=True).encode()  # Python's default: \u2014, \u00e9
    fmt = get_format("prompt-completion")
    assert b"\\u2014" in line
    assert fast_check(fmt, None, line) == full_check(fmt, None, line)[1]
