"""The fast clean-record test must never pass a record the full checker would flag."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.checks import RecordChecker
from studykit.datasets.fastpath import FastCheck
from studykit.datasets.formats import get_format
from studykit.datasets.limits import MODELS, get_model
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


@settings(max_examples=400, deadline=None)
@given(case=near_valid())
def test_fast_path_passes_only_records_the_full_checker_finds_clean(case):
    format_id, model_id, record = case
    fmt, model = get_format(format_id), get_model(model_id) if model_id else None
    fast = FastCheck(fmt, model).clean_chars(record)
    findings: list = []
    chars = RecordChecker(fmt, model).check_fully(record, 1, findings)
    if fast is not None:
        assert findings == [] and fast == chars


def test_fast_path_accepts_the_clean_samples():
    for format_id, record in VALID.items():
        if format_id != "image-caption":
            assert FastCheck(get_format(format_id), None).clean_chars(record) is not None, format_id
