"""studykit's YAML limits are its own: the same refusal, place and message whichever parser PyYAML uses.

Every case runs with libyaml (PyYAML's C parser), with the pure-Python parser (a PyYAML built without
libyaml), and with a stand-in for a PyYAML whose parser has limits of its own that fire before studykit's
(as libyaml's nesting limit does from PyYAML 6.0.4): what the user sees must not change.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from studykit import yamlfile
from studykit.errors import StudykitError
from studykit.yamlfile import MAX_DEPTH, MAX_YAML_BYTES, load_yaml, load_yaml_text

STRICTER_DEPTH = 8


def stricter(base: Any) -> Any:
    """A parser that refuses, in words of its own, what studykit refuses, and nests only 8 deep."""
    import yaml

    class Stricter(base):
        depth = 0

        def get_event(self) -> Any:
            event = super().get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.depth += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.depth -= 1
            tag = getattr(event, "tag", None) or ""
            if (
                self.depth > STRICTER_DEPTH
                or isinstance(event, yaml.AliasEvent)
                or getattr(event, "anchor", None)
                or tag.startswith("tag:yaml.org,2002:python")
            ):
                raise yaml.parser.ParserError(None, None, "exceeded a limit of this parser", event.start_mark)
            return event

    return Stricter


@pytest.fixture(params=["libyaml", "pure-python", "stricter-parser"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    yamlfile._import_yaml()
    if request.param == "libyaml":
        if yamlfile._CSafeLoader is yamlfile._PySafeLoader:
            pytest.skip("this PyYAML was built without libyaml")
    elif request.param == "pure-python":
        monkeypatch.setattr(yamlfile, "_CSafeLoader", yamlfile._PySafeLoader)
    else:
        monkeypatch.setattr(yamlfile, "_CSafeLoader", stricter(yamlfile._CSafeLoader))
    return request.param


def stairs(levels: int) -> str:
    """Block mappings ``levels`` deep, one more indentation per line."""
    return "".join("  " * level + "a:\n" for level in range(levels)) + "  " * levels + "b: 1\n"


DEEP = f"nested more than {MAX_DEPTH} levels deep — flatten it"
ANCHORS = "YAML anchors and aliases (&name / *name) are not allowed — write the value out in full"
LAUGHS = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: [*b, *b]\n'

# name: (text, where, message). Each is studykit's own refusal, with studykit's own words.
REFUSED = {
    "flow nesting": ("[" * 100 + "]" * 100, "1:65", DEEP),
    "flow nesting that crashes parsers": (
        "[" * 300_000 + "]" * 300_000,
        "1:65",
        DEEP,
    ),
    "block nesting": (stairs(MAX_DEPTH + 1), "65:129", DEEP),
    "block nesting past libyaml's own limit": (
        stairs(1_200),
        "65:129",
        DEEP,
    ),
    "anchor": ("title: &t Fine-tuning\n", "1:8", ANCHORS),
    "alias with no anchor": ("title: *t\n", "1:8", ANCHORS),
    "billion laughs": (LAUGHS, "1:4", ANCHORS),
    "python tag": (
        "run: !!python/object/apply:os.system ['true']\n",
        "1:6",
        "unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system — remove the tag",
    ),
    "set tag on a mapping": (
        "ids: !!set {a: null}\n",
        "1:6",
        "unsupported YAML tag tag:yaml.org,2002:set — remove the tag",
    ),
    "local tag": ("title: !shout hello\n", "1:8", "unsupported YAML tag !shout — remove the tag"),
    "merge key": (
        "base: {a: 1}\nmore:\n  <<: {b: 2}\n",
        "3:3",
        "keys must be plain words — use a simple key, no merges or lists",
    ),
    "duplicate key": (
        "title: a\nsummary: b\ntitle: c\n",
        "3:1",
        "duplicate key 'title' — each key may appear once",
    ),
    "two documents": (
        "a: 1\n---\nb: 2\n",
        "2:1",
        "more than one YAML document in the file — keep one document per file",
    ),
    "control character": (
        "title: ok\nsummary: bell \x07 here\n",
        "2:15",
        "character U+0007 is not allowed in YAML — delete it, or write it as an escape inside double quotes",
    ),
    "control character after non-ASCII text": (
        "title: Café ☕\nsummary: \x9f\n",
        "2:10",
        "character U+009F is not allowed in YAML — delete it, or write it as an escape inside double quotes",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_each_limit_gives_studykits_message_whichever_parser_reads_the_file(parser: str, case: str) -> None:
    text, where, message = REFUSED[case]
    with pytest.raises(StudykitError) as refused:
        load_yaml_text(text, "notes.yaml")
    assert refused.value.format() == f"notes.yaml:{where}: {message}"


def test_a_file_over_the_size_cap_is_refused_before_any_parser_sees_it(parser: str, tmp_path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_text("a: 1\n" + "# padding\n" * (MAX_YAML_BYTES // 10), encoding="utf-8")
    with pytest.raises(StudykitError) as refused:
        load_yaml(huge)
    message = f"YAML file is larger than {MAX_YAML_BYTES // 1024} KiB — split it into smaller files"
    assert refused.value.format() == f"{huge}: {message}"


def test_nesting_up_to_the_limit_loads_even_past_a_stricter_parsers_limit(parser: str) -> None:
    document = load_yaml_text(stairs(MAX_DEPTH - 1), "deep.yaml")
    inner = document.data
    for _ in range(MAX_DEPTH - 1):
        inner = inner["a"]  # type: ignore[index]
    assert inner == {"b": 1}
    assert document.positions[("a",) * (MAX_DEPTH - 1) + ("b",)] == (MAX_DEPTH, 2 * (MAX_DEPTH - 1) + 4)


def test_data_and_positions_are_the_same_whichever_parser_reads_the_file(parser: str) -> None:
    text = 'id: x\nfacts:\n  - text: "Two\\tparts"\n    source: https://aws.amazon.com/\nsize: 3\nok: on\n'
    document = load_yaml_text(text, "x.yaml")
    assert document.data == {
        "id": "x",
        "facts": [{"text": "Two\tparts", "source": "https://aws.amazon.com/"}],
        "size": 3,
        "ok": True,
    }
    assert document.positions[("facts", 0, "source")] == (4, 13)
    assert document.key_positions[("size",)] == (5, 1)


def test_an_absent_key_path_points_at_the_nearest_value_or_key_that_is_written(parser: str) -> None:
    document = load_yaml_text("# notes\nid: x\nfacts:\n  - text: a\n    source: b\n", "x.yaml")
    assert document.position(("facts", 0, "why")) == (4, 5)
    assert document.position(("facts", 0, "source"), of_key=True) == (5, 5)
    assert document.position(("facts", 0, "why"), of_key=True) == (4, 5)
    assert document.position(("facts", 5)) == (4, 3)
    assert document.position(("facts", 5), of_key=True) == (3, 1)
    assert document.position(("id", "more")) == (2, 5)
    assert document.position(("nothing", "here")) == (2, 1)
    assert dict(document.key_positions) == {
        ("id",): (2, 1),
        ("facts",): (3, 1),
        ("facts", 0, "text"): (4, 5),
        ("facts", 0, "source"): (5, 5),
    }
    assert load_yaml_text("# nothing yet\n", "empty.yaml").position(("id",)) == (1, 1)


def test_plain_scalars_get_their_yaml_types_and_any_other_plain_text_stays_text(parser: str) -> None:
    text = "- ~\n-\n- 1_000\n- 0x1F\n- -2.5\n- Yes\n- off\n- 2001-12-14\n- Yesterday, not a flag\n"
    text += "- https://docs.aws.amazon.com/x\n- élan\n- '3'\n- 7 days\n"
    assert load_yaml_text(text, "x.yaml").data == [
        None,
        None,
        1000,
        31,
        -2.5,
        True,
        False,
        "2001-12-14",
        "Yesterday, not a flag",
        "https://docs.aws.amazon.com/x",
        "élan",
        "3",
        "7 days",
    ]


SYNTAX_ERRORS = {
    "unclosed list": ("id: x\ntitle: [unclosed\ndomain: 3\n", 3),
    "value after a value": ("id: x\ntitle: a: b\n", 2),
    "unclosed quote": ('id: x\ntitle: "open\n', 3),
}


@pytest.mark.parametrize("case", SYNTAX_ERRORS)
def test_a_syntax_error_is_one_located_line_with_studykits_prefix_and_hint(parser: str, case: str) -> None:
    text, line = SYNTAX_ERRORS[case]
    with pytest.raises(StudykitError) as refused:
        load_yaml_text(text, "x.yaml")
    # The words between prefix and hint are the parser's (they differ between libyaml and pure Python).
    pattern = rf"x\.yaml:{line}:\d+: invalid YAML: [^\n]+ — fix the YAML syntax"
    assert re.fullmatch(pattern, refused.value.format())
