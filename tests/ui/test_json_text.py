import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.ui.json_text import pretty_json

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


def test_a_part_that_no_longer_fits_moves_to_a_line_of_its_own():
    record = {"role": "assistant", "content": [{"text": "Object storage: files kept as objects in buckets."}]}
    assert pretty_json(record, width=70).splitlines() == [
        "{",
        '  "role": "assistant",',
        '  "content": [',
        '    {"text": "Object storage: files kept as objects in buckets."}',
        "  ]",
        "}",
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
        assert not isinstance(parsed, (dict, list)) or not parsed, line
