import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.ui.json_text import pretty_json, wrap_json_line

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


def test_short_parts_stay_on_one_line_and_long_ones_break():
    record = {
        "schemaVersion": "bedrock-conversation-2024",
        "messages": [
            {"role": "user", "content": [{"text": "What is Amazon S3?"}]},
            {"role": "assistant", "content": [{"text": "Object storage: files kept as objects in buckets."}]},
        ],
    }
    assert pretty_json(record, width=80).splitlines() == [
        "{",
        '  "schemaVersion": "bedrock-conversation-2024",',
        '  "messages": [',
        '    {"role": "user", "content": [{"text": "What is Amazon S3?"}]},',
        "    {",
        '      "role": "assistant",',
        '      "content": [{"text": "Object storage: files kept as objects in buckets."}]',
        "    }",
        "  ]",
        "}",
    ]
    assert pretty_json({"prompt": "a", "completion": "b"}) == '{"prompt": "a", "completion": "b"}'


def record_line(value):
    return json.dumps(value, ensure_ascii=False)


def test_a_part_that_no_longer_fits_moves_to_a_line_of_its_own():
    record = {"role": "assistant", "content": [{"text": "Object storage: files kept as objects in buckets."}]}
    assert pretty_json(record, width=70).splitlines() == [
        "{",
        '  "role": "assistant",',
        '  "content": [{"text": "Object storage: files kept as objects in buckets."}]',
        "}",
    ]
    # one text in one block in one list: breaking it up would only add lines
    assert pretty_json(record["content"], width=20) == record_line(record["content"])
    assert pretty_json([[None, None]], width=10).splitlines() == [
        "[",
        "  [",
        "    null,",
        "    null",
        "  ]",
        "]",
    ]


@settings(max_examples=150)
@given(JSON, st.integers(min_value=10, max_value=100))
def test_layout_never_changes_the_data(value, width):
    assert json.loads(pretty_json(value, width=width)) == value


@settings(max_examples=150)
@given(JSON, st.integers(min_value=10, max_value=100))
def test_only_a_single_unbreakable_value_runs_past_the_width(value, width):
    """Lines too long hold one scalar (or empty container), or open a container under a long key."""
    for line in pretty_json(value, width=width).split("\n"):
        if len(line) <= width or line.endswith(("{", "[")):
            continue
        item = line.strip().removesuffix(",")
        key = re.match(r'"(?:[^"\\]|\\.)*": ', item)
        if key:
            item = item[key.end() :]
        parsed = json.loads(item)
        while isinstance(parsed, (dict, list)) and len(parsed) == 1:  # one element: nothing to break
            parsed = next(iter(parsed.values())) if isinstance(parsed, dict) else parsed[0]
        assert not isinstance(parsed, (dict, list)) or not parsed, line


def test_a_long_text_wraps_at_spaces_hanging_under_its_opening_quote():
    text = "Amazon S3 is AWS object storage: you keep files as objects in buckets."
    line = f'      "content": [{{"text": "{text}"}}]'
    pieces = [" " * pad + line[start:end] for start, end, pad in wrap_json_line(line, 78)]
    assert pieces == [
        '      "content": [{"text": "Amazon S3 is AWS object storage: you keep files as',
        '                            objects in buckets."}]',
    ]
    assert wrap_json_line('  "a": 1', 76) == [(0, 8, 0)]


@settings(max_examples=150)
@given(st.text(alphabet='ab "\\:,', max_size=200), st.integers(min_value=8, max_value=90))
def test_wrapping_keeps_every_character_but_the_broken_spaces_and_fits_the_width(line, width):
    pieces = wrap_json_line(line, width)
    assert all(pad + end - start <= width or end - start == 0 for start, end, pad in pieces)
    joined = ""
    for start, end, _pad in pieces:
        joined += " " * (start - len(joined)) + line[start:end]
    assert joined == line
