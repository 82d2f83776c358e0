"""Standard streams, terminals, locales and homes that fail (cases 8, 9, 10, 11).

Each runs as a real process, because these are properties of the process: a closed
descriptor, a full stdout, a terminal that reports no columns, an ASCII-only locale.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from studykit.errors import EXIT_INPUT, EXIT_IO
from tests.hardening.faults import QUESTIONS, limit_file_size, only_line, studykit
from tests.hardening.process import studykit_env


def run(args: list[str], home: Path, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "studykit", *args],
        text=True,
        env=studykit_env(home),
        timeout=120,
        **options,
    )


def test_a_full_stdout_is_one_line(tmp_path: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (OSError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    with full.open("w") as stdout:
        result = run(["topics"], tmp_path, stdout=stdout, stderr=subprocess.PIPE)
    assert result.returncode == EXIT_IO
    assert only_line(result.stderr) == (
        "Error: standard output: cannot write: the disk is full — free some space and try again"
    )


def test_stdout_over_the_file_size_limit_is_one_line(tmp_path: Path) -> None:
    with (tmp_path / "out.txt").open("w") as stdout:
        result = run(
            ["learn", "fine-tuning"],
            tmp_path,
            stdout=stdout,
            stderr=subprocess.PIPE,
            preexec_fn=limit_file_size(1024),
        )
    assert result.returncode == EXIT_IO
    assert "standard output: cannot write: the file size limit (ulimit -f) was reached" in only_line(
        result.stderr
    )


def test_a_closed_stdout_is_one_line_and_commands_that_print_nothing_still_work(tmp_path: Path) -> None:
    closed = run(["bank", "schema"], tmp_path, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert closed.returncode == EXIT_IO
    assert only_line(closed.stderr).startswith("Error: standard output: cannot write: it is closed — ")
    out = tmp_path / "schema.json"
    quiet = run(
        ["bank", "schema", "--out", str(out)],
        tmp_path,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert quiet.returncode == 0, quiet.stderr
    assert out.read_text().startswith("{")


def test_a_closed_stdin_reads_as_empty(tmp_path: Path) -> None:
    quiz = run(
        ["quiz", "--count", "2", *QUESTIONS],
        tmp_path,
        capture_output=True,
        preexec_fn=lambda: os.close(0),
    )
    assert quiz.returncode == 0, quiz.stderr
    assert quiz.stderr == ""  # the quiz ends with its input: nothing is left waiting for --resume
    reset = run(["progress", "--reset"], tmp_path, capture_output=True, preexec_fn=lambda: os.close(0))
    assert reset.returncode == 1
    assert "Nothing was deleted." in reset.stdout and reset.stderr == ""


@pytest.mark.parametrize("columns", [None, "60"])
def test_a_terminal_with_no_columns_still_shows_the_page(columns: str | None, tmp_path: Path) -> None:
    env = studykit_env(tmp_path, TERM="xterm")
    env.pop("COLUMNS", None)
    if columns:
        env["COLUMNS"] = columns
    child = pexpect.spawn(
        sys.executable, ["-m", "studykit", "topics"], env=env, encoding="utf-8", dimensions=(0, 0), timeout=60
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    lines = [line for line in child.before.splitlines() if line.strip()]
    assert len(lines) > 20
    widest = max(len(line.rstrip()) for line in lines)
    assert widest <= int(columns or 80) and widest > 40


def test_an_ascii_only_locale_gets_ascii_text(tmp_path: Path) -> None:
    env = studykit_env(tmp_path, PYTHONUTF8="0", LC_ALL="C", LANG="C")
    env.pop("PYTHONIOENCODING", None)
    for args in (["topics"], ["learn", "fine-tuning"], ["compare", "--preset", "fine-tuning-types"]):
        result = subprocess.run(
            [sys.executable, "-m", "studykit", *args], capture_output=True, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.isascii() and result.stderr == b""
        assert len(result.stdout.splitlines()) > 10
    error = subprocess.run(
        [sys.executable, "-m", "studykit", "learn", "no-such-topic"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert error.returncode == EXIT_INPUT
    assert error.stderr.isascii() and b"Traceback" not in error.stderr
    assert len(error.stderr.splitlines()) == 1


UNICODE_BANK = """\
bank: unicode
title: "Caf\u00e9 \u2014 \u201cquoted\u201d \U0001f600"
questions:
  - id: unicode-quotes
    kind: true_false
    concepts: [fine-tuning]
    difficulty: easy
    stem: "Fine\u2011tuning changes a model\u2019s weights \u2014 \u201cyes\u201d."
    answer: true
    explanation: "Training \u2265 prompting \U0001f600"
    why_true: "Right \u2014 training changes them."
    why_false: "It does \u2014 see \u201cweights\u201d."
"""


@pytest.mark.parametrize(
    "args",
    [
        ["topics", "--json"],
        ["bank", "lint", "{misspelt}", "--format", "json"],
        ["bank", "export", "--to", "json", "{bank}"],
        ["dataset", "generate", "single-turn", "--count", "40", "--out", "-"],
    ],
    ids=["topics", "lint", "export", "generate"],
)
def test_json_in_an_ascii_only_locale_keeps_every_character(args: list[str], tmp_path: Path) -> None:
    """Escaped as ``json.dumps(ensure_ascii=True)`` does, never turned to the nearest ASCII."""
    (tmp_path / "unicode.yaml").write_text(UNICODE_BANK, encoding="utf-8")
    misspelt = UNICODE_BANK.replace("bank: unicode", "bank: misspelt")
    misspelt = misspelt.replace("[fine-tuning]", "[na\u00efve-tuning]")
    (tmp_path / "misspelt.yaml").write_text(misspelt, encoding="utf-8")
    args = [arg.format(bank=tmp_path / "unicode.yaml", misspelt=tmp_path / "misspelt.yaml") for arg in args]
    outputs = []
    for locale in ("C.UTF-8", "C"):
        env = studykit_env(tmp_path, PYTHONUTF8="0", LC_ALL=locale, LANG=locale)
        env.pop("PYTHONIOENCODING", None)
        result = subprocess.run(
            [sys.executable, "-m", "studykit", *args], capture_output=True, env=env, timeout=120
        )
        assert result.returncode in (0, 1), result.stderr
        outputs.append(result.stdout)
    unicode, ascii_only = outputs
    assert not unicode.isascii()  # the data has characters ASCII cannot show
    assert ascii_only.isascii()
    assert _json_values(ascii_only) == _json_values(unicode)


def _json_values(output: bytes) -> list[object]:
    """The JSON document, or each line of JSON Lines, that ``output`` holds."""
    text = output.decode("utf-8")
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines()]


def test_an_unknown_users_home_is_one_line(tmp_path: Path) -> None:
    home = Path("~studykit-no-such-user/study")
    assert studykit(["topics"], home).returncode == 0
    progress = studykit(["progress"], home)
    assert progress.returncode == EXIT_INPUT
    assert only_line(progress.stderr) == (
        "Error: STUDYKIT_HOME starts with '~studykit-no-such-user', but there is no such user to take"
        " the home folder of — give a full path, or ~/ for your own home folder"
    )


def test_homes_longer_than_the_system_or_sqlite_allows_are_one_line(tmp_path: Path) -> None:
    too_long_a_name = tmp_path / ("e" * 300)
    for args in (["progress"], ["quiz", "--count", "1", *QUESTIONS]):
        result = studykit(args, too_long_a_name, stdin="A\n")
        assert result.returncode == EXIT_INPUT
        assert "a name in the path is 300 bytes long, more than the 255 allowed" in only_line(result.stderr)
    deep = tmp_path.joinpath(*["d" * 100] * 5)  # every name fits; the whole is more than SQLite opens
    result = studykit(["quiz", "--count", "1", *QUESTIONS], deep, stdin="A\n")
    assert result.returncode == EXIT_INPUT
    assert "bytes long, more than SQLite opens (512) — set STUDYKIT_HOME to a shorter path" in only_line(
        result.stderr
    )
