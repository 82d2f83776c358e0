"""The README's "Use from Python" examples run, and the API behaves as they say."""

import re
from pathlib import Path

import pytest

from studykit.datasets.api import capacity, convert_record, generate, validate
from studykit.errors import StudykitError

README = Path(__file__).parents[2] / "README.md"


def python_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Use from Python", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_readme_has_examples_for_validate_generate_and_convert():
    examples = "".join(python_examples())
    assert all(name in examples for name in ("validate(", "generate(", "convert_record("))


@pytest.mark.parametrize("number", range(3))
def test_each_readme_python_example_runs(number):
    exec(compile(python_examples()[number], f"README example {number + 1}", "exec"), {})


def test_validate_takes_a_path(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"prompt": "What is Amazon S3?", "completion": "Object storage."}\n')
    report = validate(path)
    assert report.valid and report.records == 1


def test_a_value_json_cannot_hold_is_reported_on_its_record():
    report = validate([{"prompt": "What is Amazon S3?", "completion": float("nan")}])
    assert [(f.line, f.code) for f in report.findings] == [(1, "invalid-json")]


def test_generate_yields_distinct_records_up_to_the_capacity_and_refuses_more():
    total = capacity("image-caption")
    records = list(generate("image-caption"))
    assert len(records) == total == len({str(record) for record in records})
    with pytest.raises(StudykitError, match="distinct image-caption records"):
        generate("image-caption", total + 1)
    assert len(list(generate("image-caption", total + 1, allow_duplicates=True))) == total + 1


def test_convert_record_refuses_what_the_target_cannot_hold():
    dialogue = {"messages": [{"role": r, "content": "x"} for r in ("user", "assistant", "user", "assistant")]}
    with pytest.raises(StudykitError, match="cannot convert this record to prompt-completion"):
        convert_record(dialogue, "prompt-completion")


def test_convert_record_says_when_it_cannot_tell_the_format():
    with pytest.raises(StudykitError) as caught:
        convert_record({"question": "What is RAG?"}, "multi-turn")
    assert caught.value.message == "cannot tell which format this record is"
    assert "source=" in (caught.value.hint or "")


def test_a_record_nested_too_deeply_is_a_finding_not_a_crash():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    report = validate([{"prompt": "What is Amazon S3?", "completion": "Object storage.", "x": deep}])
    assert [(f.line, f.code) for f in report.findings] == [(1, "invalid-json")]
    assert report.findings[0].message == "the record is nested too deeply for JSON"


def test_a_python_value_json_cannot_hold_is_named():
    report = validate([{"prompt": "What is Amazon S3?", "completion": {"object", "storage"}}])
    assert [(f.line, f.code, f.message) for f in report.findings] == [
        (1, "invalid-json", "the record holds a set, which JSON cannot hold")
    ]


@pytest.mark.parametrize(
    "source",
    [b'{"prompt": "a", "completion": "b"}\n', {"prompt": "What is S3?", "completion": "Object storage."}],
)
def test_bytes_or_a_single_record_are_refused_not_read_as_records(source):
    with pytest.raises(StudykitError, match="validate takes a path or an iterable of records"):
        validate(source)


def test_generate_refuses_a_negative_count_and_words_limits_for_python():
    with pytest.raises(StudykitError, match="count must be 0 or more"):
        generate("single-turn", count=-5)
    assert list(generate("single-turn", count=0, model="nova-micro")) == []
    with pytest.raises(StudykitError) as caught:
        generate("single-turn", count=50, model="llama-3-2-1b")
    assert "at least 100" in caught.value.message and "--" not in (caught.value.hint or "")
