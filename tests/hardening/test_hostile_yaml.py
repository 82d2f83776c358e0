"""Hostile YAML given to every command that reads concept notes or question banks.

Each case turns one file of a valid folder into a hostile variant. A command either
works as it does on the valid folder (BOM, CRLF) or stops with one line on stderr
that names the file and says what to do, exit code 2 (``bank lint`` may instead
report the file as a finding, exit code 1). No traceback: the runner re-raises.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import cli
from tests.hardening import hostile
from tests.hardening.process import run_studykit, studykit_env

DATA = Path(__file__).resolve().parents[1] / "data" / "questions"
CONTENT = DATA / "content"
BANKS = DATA / "good"
CONCEPT_FILE = "fine-tuning.yaml"
BANK_FILE = "customization.yaml"

# A case the reader must take as the valid file ("same"), or refuse ("error"), or either ("either").
EXPECT = {
    "alias-bomb": "error",
    "deep-nesting": "error",
    "binary": "error",
    "non-utf8": "error",
    "bom": "same",
    "crlf": "same",
    "duplicate-key": "error",
    "long-line": "error",
    "truncated": "either",
    "empty": "error",
    "nan": "error",
    "markup": "same",
    "folder": "error",
    "unreadable": "error",
    "100mb": "error",
}
ALL_CASES = list(EXPECT)
# Every command meets every case through the commands that are cheap to run; the rest
# (same loader, slower commands) meet one case of each kind of failure.
SOME_CASES = ["alias-bomb", "non-utf8", "bom", "duplicate-key", "folder", "unreadable", "markup"]
MARKUP_TITLE = b'title: "[bold red]LOUD[/bold red] [link=https://example.com]x[/link] \\e]0;owned\\a\\e[31m"'


def plant(case: str, target: Path, valid: bytes, text_key: bytes) -> None:
    """Replace ``target`` (a copy of ``valid``) with the hostile ``case``."""
    target.unlink(missing_ok=True)
    if case == "folder":
        hostile.plant_folder(target)
    elif case == "unreadable":
        hostile.plant_unreadable(target, valid)
    elif case == "100mb":
        hostile.write_sparse(target, 100 * hostile.MB)
    elif case == "nan":
        target.write_bytes(hostile._yaml_nan(valid, text_key))
    elif case == "markup":
        lines = valid.split(b"\n")
        index = next(n for n, line in enumerate(lines) if line.startswith(b"title:"))
        lines[index] = MARKUP_TITLE
        target.write_bytes(b"\n".join(lines))
    else:
        target.write_bytes(hostile.YAML_CASES[case](valid))


def hostile_copy(source: Path, name: str, case: str, into: Path, text_key: bytes) -> Path:
    folder = into / source.name
    shutil.copytree(source, folder)
    target = folder / name
    plant(case, target, target.read_bytes(), text_key)
    return target


def invoke(args: list[str], stdin: str = "q\n") -> Result:
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)


_baselines: dict[tuple[str, ...], Result] = {}


def baseline(args: list[str]) -> Result:
    """The run on the valid files (the same in every test: seeded, and a fresh progress file)."""
    key = tuple(args)
    if key not in _baselines:
        _baselines[key] = invoke(args)
    result = _baselines[key]
    assert result.exit_code in (0, 1), result.stderr
    return result


def assert_one_line_error(result: Result, target: Path) -> None:
    """One line on stderr: where (the file) and what to do (after the dash), exit code 2."""
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {target}"), lines[0]
    assert " — " in lines[0], f"no hint on what to do: {lines[0]}"
    assert "Traceback" not in result.output


def check(case: str, result: Result, valid: Result, target: Path) -> None:
    expected = EXPECT[case]
    if expected == "same" or (expected == "either" and result.exit_code == valid.exit_code):
        assert result.exit_code == valid.exit_code, result.stderr
        assert result.stderr == valid.stderr.replace(str(CONTENT), str(target.parent))
        if case == "markup":
            assert "\x1b" not in result.stdout
    elif result.exit_code == 1:  # bank lint reports it as a finding
        assert f"{target}:" in result.stdout
    else:
        assert_one_line_error(result, target)


CONTENT_COMMANDS = {
    "topics": ["topics"],
    "learn": ["learn", "continued-pre-training"],
    "compare": ["compare", "fine-tuning", "continued-pre-training"],
    "quiz": ["quiz", "--count", "1", "--seed", "1", "--bank", str(BANKS)],
    "exam": ["exam", "--questions", "1", "--seed", "1", "--bank", str(BANKS)],
    "review": ["review", "--bank", str(BANKS)],
    "bank lint": ["bank", "lint", str(BANKS)],
    "bank coverage": ["bank", "coverage", str(BANKS)],
}


CONTENT_MATRIX = [
    (case, command)
    for command in CONTENT_COMMANDS
    for case in (ALL_CASES if command in ("topics", "bank lint") else SOME_CASES)
]


@pytest.mark.parametrize(("case", "command"), CONTENT_MATRIX)
def test_hostile_concept_file_in_the_content_folder(case: str, command: str, tmp_path: Path) -> None:
    args = CONTENT_COMMANDS[command]
    target = hostile_copy(CONTENT, CONCEPT_FILE, case, tmp_path, b"domain")
    valid = baseline([*args, "--content", str(CONTENT)])
    check(case, invoke([*args, "--content", str(target.parent)]), valid, target)


def test_the_content_folder_from_the_environment_is_checked_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = hostile_copy(CONTENT, CONCEPT_FILE, "alias-bomb", tmp_path, b"domain")
    monkeypatch.setenv("STUDYKIT_CONTENT", str(target.parent))
    assert_one_line_error(invoke(["topics"]), target)


def test_a_content_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    result = invoke(["topics", "--content", str(CONTENT / CONCEPT_FILE)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


BANK_COMMANDS = {
    "quiz": ["quiz", "--count", "1", "--seed", "1", "--no-generated", "--bank"],
    "exam": ["exam", "--questions", "1", "--seed", "1", "--no-generated", "--bank"],
    "review": ["review", "--no-generated", "--bank"],
    "bank lint": ["bank", "lint"],
    "bank coverage": ["bank", "coverage"],
}


BANK_MATRIX = [
    (case, "folder", command)
    for command in BANK_COMMANDS
    for case in (ALL_CASES if command in ("quiz", "bank lint") else SOME_CASES)
    if case != "markup"  # markup in questions: tests/cli/test_quiz_command.py, test_exam_command.py
]
BANK_MATRIX += [
    (case, "file", command) for case in ("folder", "unreadable") for command in ("quiz", "bank lint")
]


@pytest.mark.parametrize(("case", "given", "command"), BANK_MATRIX)
def test_hostile_bank_file(case: str, given: str, command: str, tmp_path: Path) -> None:
    """The bank given by its folder (the file inside is hostile), or by its own path."""
    args = [*BANK_COMMANDS[command]]
    target = hostile_copy(BANKS, BANK_FILE, case, tmp_path, b"title")
    content = ["--content", str(CONTENT)]
    valid = baseline([*args, str(BANKS / BANK_FILE if given == "file" else BANKS), *content])
    result = invoke([*args, str(target if given == "file" else target.parent), *content])
    if given == "file" and case == "folder":
        # The path given is itself a folder, one holding no bank: that is what the message says.
        if command == "bank lint":
            assert_unreadable_finding(result, target)
            assert "no bank files" in result.stdout
        else:
            assert_one_line_error(result, target)
            assert "no bank files" in result.stderr
        return
    if EXPECT[case] == "same" or (EXPECT[case] == "either" and result.exit_code == valid.exit_code):
        assert result.exit_code == valid.exit_code, result.stderr
    elif command == "bank lint" and result.exit_code == 1:
        assert f"{target}:" in result.stdout
    elif command == "bank lint":
        assert_unreadable_finding(result, target)
    else:
        assert_one_line_error(result, target)


def assert_unreadable_finding(result: Result, target: Path) -> None:
    """bank lint: a file it cannot read is a finding among the others (with what to do), exit code 2."""
    assert result.exit_code == 2, result.output
    found = [line for line in result.stdout.splitlines() if line.startswith(f"{target}:")]
    assert len(found) == 1 and ": unreadable " in found[0] and " — " in found[0], result.stdout
    assert "Traceback" not in result.output


HEAVY = ["alias-bomb", "long-line", "100mb"]
MAX_RSS_MB = 120  # the interpreter and studykit take ~30 MB; a YAML file is capped at 2 MB


@pytest.mark.parametrize("case", HEAVY)
def test_heavy_yaml_is_refused_in_bounded_memory_in_a_real_process(case: str, tmp_path: Path) -> None:
    concept = hostile_copy(CONTENT, CONCEPT_FILE, case, tmp_path / "c", b"domain")
    bank = hostile_copy(BANKS, BANK_FILE, case, tmp_path / "b", b"title")
    env = studykit_env(tmp_path / "home")
    runs = [
        (concept, run_studykit(["topics", "--content", str(concept.parent)], env=env)),
        (bank, run_studykit(["bank", "lint", str(bank), "--content", str(CONTENT)], env=env)),
    ]
    for target, outcome in runs[: 1 + (case == "100mb")]:
        assert not outcome.hung
        assert outcome.code == 2, outcome.stderr
        said = outcome.stdout if target == bank else outcome.stderr  # lint: a finding like the others
        assert said.startswith(f"{'' if target == bank else 'Error: '}{target}") and said.count("\n") <= 2
        assert outcome.peak_rss_mb < MAX_RSS_MB, f"{case}: {outcome.peak_rss_mb:.0f} MB"


def test_a_broken_bank_does_not_close_an_unfinished_exam(tmp_path: Path, studykit_home: Path) -> None:
    from studykit.store import latest_active_session, open_store

    content = ["--content", str(CONTENT)]
    paused = invoke([*BANK_COMMANDS["exam"], str(BANKS), *content], stdin="q\n")
    assert paused.exit_code == 0, paused.output
    target = hostile_copy(BANKS, BANK_FILE, "alias-bomb", tmp_path, b"title")
    assert_one_line_error(invoke([*BANK_COMMANDS["exam"], str(target.parent), *content]), target)
    with open_store(studykit_home / "progress.sqlite3") as store:
        assert latest_active_session(store, "exam") is not None


def test_no_path_option_is_pre_checked_by_click() -> None:
    """click's own readable check prints a three-line usage error; the loaders say it in one."""
    import click

    def commands(group: click.Group, ctx: click.Context) -> list[click.Command]:
        found = []
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            found += commands(command, ctx) if isinstance(command, click.Group) else [command]
        return found

    with click.Context(cli) as ctx:
        checked = [
            f"{command.name} {param.name}"
            for command in commands(cli, ctx)
            for param in command.params
            if isinstance(param.type, click.Path) and (param.type.readable or param.type.exists)
        ]
    assert checked == []
