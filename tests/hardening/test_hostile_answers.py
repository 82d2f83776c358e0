"""Hostile answers piped into quiz, quiz --json and exam: bad bytes, escape codes, a 20 MB line.

A piped answer is read at most MAX_ANSWER_CHARS at a time and echoed after the prompt,
so a pasted page or a binary file on stdin costs neither time nor memory, and escape
codes in it are shown, not obeyed. Each bad answer is asked again; ``q`` ends.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from studykit.ui.line_input import MAX_ANSWER_CHARS, read_answer_line
from tests.hardening import hostile
from tests.hardening.process import ROOT, run_studykit, studykit_env

QUESTIONS = ["--bank", str(ROOT / "tests" / "data" / "exam"), "--no-generated", "--seed", "1"]
ANSWERS = (
    b"\xff\xfe\x80 not UTF-8\n"
    + b"\x00\x01\x02 NUL and control bytes\n"
    + hostile.ESCAPES.encode()
    + hostile.MARKUP.encode()
    + b"\n"
    + b"1" * 5000
    + b"a\n"  # a matching answer whose number has 5,000 digits
    + b"A" * (20 * hostile.MB)
    + b"\n"
    + b"q\n"
)


@pytest.mark.parametrize(
    "command",
    [["quiz", "--count", "2"], ["quiz", "--json", "--count", "2"], ["exam", "--questions", "2"]],
    ids=["quiz", "quiz --json", "exam"],
)
def test_hostile_answers_are_asked_again_in_bounded_time_and_memory(
    command: list[str], tmp_path: Path
) -> None:
    outcome = run_studykit([*command, *QUESTIONS], env=studykit_env(tmp_path), stdin=ANSWERS)
    assert not outcome.hung
    assert outcome.code == 0, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert "\x1b" not in outcome.stdout
    assert len(outcome.stdout) < 100_000  # the 20 MB line is not echoed back
    assert outcome.peak_rss_mb < 150


def test_a_long_line_is_cut_and_the_next_line_is_still_read() -> None:
    stream = io.StringIO("x" * (MAX_ANSWER_CHARS * 50) + "\nB\n")
    first = read_answer_line(stream)
    assert first == "x" * MAX_ANSWER_CHARS + "\n"
    assert read_answer_line(stream) == "B\n"
    assert read_answer_line(stream) == ""


def test_bytes_that_are_not_utf8_read_as_an_answer_that_is_asked_again() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\n"), encoding="utf-8", errors="strict")
    assert read_answer_line(stream) == "\ufffd\n"
