"""Broken and hostile concept files: each gives one located line on stderr and exit code 2.

Fixtures live in tests/data/concepts/broken/<case>/; cases that need huge or
unreadable files build them in a temporary folder.
"""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.yamlfile import MAX_YAML_BYTES

DATA = Path(__file__).parent.parent / "data" / "concepts"
BROKEN = DATA / "broken"
VALID_CONCEPT = (DATA / "valid" / "transfer-learning.yaml").read_text(encoding="utf-8")

CASES = {
    "tab-indentation": (
        "tabbed.yaml:4:1",
        "invalid YAML: a tab character where YAML expects spaces — indent with spaces, not tabs",
    ),
    "billion-laughs": (
        "laughs.yaml:1:4",
        "YAML anchors and aliases (&name / *name) are not allowed — write the value out in full",
    ),
    "deeply-nested": ("deep.yaml:3:73", "nested more than 64 levels deep — flatten it"),
    "binary": ("image.yaml:3", "looks like a binary file, not a YAML file (NUL byte) — give a text file"),
    "non-utf8": ("latin.yaml:5:13", "not valid UTF-8 (byte 0xe9) — save the file as UTF-8"),
    "duplicate-key": ("twice.yaml:9:1", "duplicate key 'title' — each key may appear once"),
    "unknown-key": ("typo.yaml:9:1", "unknown key 'exam_tip' — did you mean 'exam_tips'?"),
    "missing-key": ("missing.yaml:1:1", "the file is missing 'summary' — add a 'summary:' line"),
    "wrong-type": (
        "wrong.yaml:6:8",
        "facts must be a list (lines starting with '- '), not text — write one '- item' line per entry",
    ),
    "unknown-related": (
        "lonely.yaml:9:11",
        "related names unknown concept 'freind' — did you mean 'friend'?",
    ),
    "prerequisite-cycle": (
        "second.yaml:9:17",
        "prerequisites form a cycle: first → third → second → first"
        " — a concept cannot (indirectly) be its own prerequisite",
    ),
    "unreachable": (
        "island.yaml:1",
        "concept 'island' cannot be reached from the other concepts"
        " — link it with 'related' or 'prerequisites'",
    ),
    "folder-as-file": ("inner.yaml", "is a folder, not a YAML file — give the path of a file"),
    "unsupported-tag": (
        "tagged.yaml:2:8",
        "unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system — remove the tag",
    ),
    "empty-file": (
        "empty.yaml:1:1",
        "the file must be a mapping (key: value lines), not nothing — write it as 'key: value' lines",
    ),
    "list-at-top": (
        "listed.yaml:1:1",
        "the file must be a mapping (key: value lines), not a list (lines starting with '- ')"
        " — write it as 'key: value' lines",
    ),
    "id-not-file-name": (
        "named.yaml:1:5",
        "concept id 'other-name' does not match the file name 'named.yaml'"
        " — rename the file to other-name.yaml",
    ),
}


def topics_in(folder):
    return CliRunner().invoke(cli, ["topics", "--content", str(folder)], catch_exceptions=False)


def assert_one_line_error(result, folder, where, message):
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {folder.resolve()}/{where}: {message}\n"


@pytest.mark.parametrize("case", CASES)
def test_broken_concept_file_gives_a_located_one_line_error(case):
    where, message = CASES[case]
    assert_one_line_error(topics_in(BROKEN / case), BROKEN / case, where, message)


def test_a_yaml_syntax_error_gives_the_place_and_says_to_fix_the_syntax():
    folder = BROKEN / "invalid-syntax"
    result = topics_in(folder)
    assert (result.exit_code, result.stdout) == (2, "")
    # Between studykit's prefix and hint stand the parser's words for the problem: PyYAML's, not asserted.
    assert result.stderr.startswith(f"Error: {folder.resolve()}/broken.yaml:3:7: invalid YAML: ")
    assert result.stderr.endswith(" that starts at line 2) — fix the YAML syntax\n")  # where the list opened
    assert result.stderr.count("\n") == 1


def test_a_byte_order_mark_is_accepted():
    result = CliRunner().invoke(cli, ["learn", "with-bom", "--content", str(DATA / "bom")])
    assert result.exit_code == 0
    assert result.stdout.startswith("With bom\n")


def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path):
    huge = tmp_path / "huge.yaml"
    huge.write_text("# padding\n" * (MAX_YAML_BYTES // 10 + 1), encoding="utf-8")
    message = f"YAML file is larger than {MAX_YAML_BYTES // 1024} KiB — split it into smaller files"
    assert_one_line_error(topics_in(tmp_path), tmp_path, "huge.yaml", message)


def test_nesting_deep_enough_to_crash_the_parser_is_stopped(tmp_path):
    levels = 300_000
    (tmp_path / "abyss.yaml").write_text("[" * levels + "]" * levels, encoding="utf-8")
    assert_one_line_error(
        topics_in(tmp_path), tmp_path, "abyss.yaml:1:65", "nested more than 64 levels deep — flatten it"
    )


def test_block_nesting_past_the_parsers_own_limit_gets_studykits_message(tmp_path):
    # PyYAML 6.0.4's libyaml refuses about 1,000 block levels with a message of its own before
    # handing out the events studykit counts; studykit's 64-level limit must still be what is shown.
    levels = 1_200
    text = "".join("  " * level + "a:\n" for level in range(levels)) + "  " * levels + "b: 1\n"
    (tmp_path / "stairs.yaml").write_text(text, encoding="utf-8")
    assert_one_line_error(
        topics_in(tmp_path), tmp_path, "stairs.yaml:65:129", "nested more than 64 levels deep — flatten it"
    )


def test_an_unreadable_file_says_so(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text(VALID_CONCEPT.replace("transfer-learning", "secret"), encoding="utf-8")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("this user can read files without read permission (root)")
        message = "permission denied — make the file readable"
        assert_one_line_error(topics_in(tmp_path), tmp_path, "secret.yaml", message)
    finally:
        secret.chmod(0o600)


def test_a_permission_error_while_reading_is_one_line_even_as_root(tmp_path, monkeypatch):
    (tmp_path / "secret.yaml").write_text(
        VALID_CONCEPT.replace("transfer-learning", "secret"), encoding="utf-8"
    )

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = topics_in(tmp_path)
    assert_one_line_error(result, tmp_path, "secret.yaml", "permission denied — make the file readable")


def test_the_content_option_must_name_a_folder(tmp_path):
    file = tmp_path / "concept.yaml"
    file.write_text(VALID_CONCEPT, encoding="utf-8")
    result = topics_in(file)
    assert (result.exit_code, result.stdout) == (2, "")
    message = "is a file, not a content folder — give the folder that holds the concept files"
    assert result.stderr == f"Error: {file.resolve()}: {message}\n"
