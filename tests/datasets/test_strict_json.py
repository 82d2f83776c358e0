"""Repeated keys and NaN are refused whichever decoder path a line takes."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.strict_json import DuplicateKeyError, parse_record

KEYS = st.sampled_from(["role", "text", "a", 'q":', "\\u0072ole", "x y"])
SCALARS = st.none() | st.booleans() | st.integers() | st.text(alphabet='ab":\\ u{}', max_size=6)


def _object_text(draw, depth: int) -> str:
    pairs = draw(st.lists(st.tuples(KEYS, st.integers(0, 2)), max_size=4))
    parts = []
    for key, kind in pairs:
        key_text = '"' + key.replace('"', '\\"') + '"' if "\\u" not in key else f'"{key}"'
        if kind == 0 or depth == 0:
            value = json.dumps(draw(SCALARS))
        elif kind == 1:
            value = _object_text(draw, depth - 1)
        else:
            value = (
                "[" + ", ".join(_object_text(draw, depth - 1) for _ in range(draw(st.integers(0, 2)))) + "]"
            )
        parts.append(f"{key_text}{draw(st.sampled_from(['', ' ', ' ']))}:{value}")
    return "{" + ", ".join(parts) + "}"


@st.composite
def json_objects(draw) -> str:
    return _object_text(draw, 2)


def _strict_reading(text: str) -> object:
    def unique(pairs):
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise DuplicateKeyError(keys[0])
        return dict(pairs)

    return json.loads(text, object_pairs_hook=unique)


@settings(max_examples=300, deadline=None)
@given(text=json_objects())
def test_parse_record_refuses_exactly_the_objects_with_a_repeated_key(text):
    try:
        expected = _strict_reading(text)
    except DuplicateKeyError:
        with pytest.raises(DuplicateKeyError):
            parse_record(text)
        return
    assert parse_record(text) == expected
    assert parse_record(text.encode()) == expected


@pytest.mark.parametrize(
    "line",
    [
        '{"role": "user", "role": "assistant"}',
        '{"a": {"b": 1, "b": 2}}',
        '[{"a": 1}, {"a": 1, "a": 2}]',
        '{"role": 1, "\\u0072ole": 2}',
        '{"t": "x\\":", "t": 2}',
    ],
)
def test_a_repeated_key_is_named(line):
    with pytest.raises(DuplicateKeyError):
        parse_record(line)


@pytest.mark.parametrize("line", ['{"a": NaN}', '{"a": [Infinity]}', '{"a": -Infinity}'])
def test_nan_and_infinity_are_refused(line):
    with pytest.raises(ValueError):
        parse_record(line)


def test_a_key_mark_inside_a_string_does_not_hide_anything():
    assert parse_record('{"text": "say \\": here", "role": "user"}') == {
        "text": 'say ": here',
        "role": "user",
    }
