"""Ctrl-C and SIGTERM in real processes: a friendly line, nothing half-written, and a way to go on.

Interactive commands run in a pseudo-terminal and are signalled at an answer prompt;
dataset commands are signalled while their output file is being written. Afterwards
the progress file passes SQLite's integrity check, no partial or temporary file is
left, and ``--resume`` (or running the command again) carries on.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.engine.review import new_card
from studykit.questions.pool import question_pool
from studykit.store import all_answers, all_cards, latest_active_session, open_store, save_card
from tests.hardening import hostile
from tests.hardening.process import ROOT, studykit_env

BANK = ROOT / "tests" / "data" / "exam"
QUESTIONS = ["--bank", str(BANK), "--no-generated", "--seed", "5"]
PROMPT = r"Answer[^\n]*: "
EXIT = {signal.SIGINT: (130, "Interrupted."), signal.SIGTERM: (143, "Stopped (terminated).")}


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = studykit_env(home, TERM="xterm")
    return pexpect.spawn(
        sys.executable, ["-m", "studykit", *args], env=env, encoding="utf-8", timeout=30, dimensions=(60, 100)
    )


def wait_until_reading(child: pexpect.spawn) -> None:
    """Wait until the child sleeps in the read behind the prompt it has printed.

    The prompt appears a moment before that read starts; a signal in between only marks itself
    pending for Python, and the read then waits for a key that never comes. (Linux: /proc.)
    """
    stat = Path(f"/proc/{child.pid}/stat")
    deadline = time.monotonic() + 30
    while stat.exists() and time.monotonic() < deadline:
        if stat.read_text().rpartition(")")[2].split()[0] == "S":
            return
        time.sleep(0.01)


def stop(child: pexpect.spawn, how: signal.Signals) -> str:
    """Signal the child at its prompt; return what it printed on the way out."""
    wait_until_reading(child)
    child.kill(how)
    child.expect(pexpect.EOF)
    child.close()
    code, last_line = EXIT[how]
    assert child.exitstatus == code, child.before
    assert child.before.rstrip().endswith(last_line)
    assert "Traceback" not in child.before
    return child.before


def assert_intact(store_path: Path) -> None:
    """SQLite finds nothing wrong, and studykit opens the file without moving it aside."""
    connection = sqlite3.connect(store_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    with open_store(store_path) as store:
        assert store.notices == []


def invoke(*args: str, stdin: str = "") -> str:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stopped_quiz_keeps_its_answers_and_resumes(how: signal.Signals, studykit_home: Path) -> None:
    child = spawn(studykit_home, "quiz", "--count", "3", *QUESTIONS)
    child.expect(PROMPT)
    child.sendline("A")
    child.expect(PROMPT)
    said = stop(child, how)
    assert "Quiz paused; continue it with 'studykit quiz --resume'." in said
    store_path = studykit_home / "progress.sqlite3"
    assert_intact(store_path)
    with open_store(store_path) as store:
        assert len(all_answers(store)) == 1
    resumed = invoke("quiz", "--resume", *QUESTIONS[:3], stdin="A\nA\n")
    assert "Resuming a quiz: 1 of 3 already answered." in resumed
    with open_store(store_path) as store:
        assert len(all_answers(store)) == 3
        assert latest_active_session(store, "quiz") is None


def test_sigterm_pauses_the_exam_like_ctrl_c(studykit_home: Path) -> None:
    # Ctrl-C mid-exam: tests/cli/test_exam_terminal.py
    child = spawn(studykit_home, "exam", "--questions", "4", *QUESTIONS)
    child.expect(PROMPT)
    child.sendline("A")
    child.expect(PROMPT)
    said = stop(child, signal.SIGTERM)
    assert "Exam paused with 5:5" in said and "studykit exam --resume" in said  # 4 questions: 6 minutes
    assert_intact(studykit_home / "progress.sqlite3")
    resumed = invoke("exam", "--resume", *QUESTIONS[:3], stdin="q\n")
    assert "1 answered" in resumed


def test_sigterm_mid_review_keeps_the_ratings_given(studykit_home: Path) -> None:
    store_path = studykit_home / "progress.sqlite3"
    yesterday = datetime.now(timezone.utc) - timedelta(days=1)
    questions = question_pool([BANK], generated=False)[:3]
    with open_store(store_path) as store:
        for question in questions:
            save_card(store, new_card(question.id, yesterday, question.domain, question.concepts), yesterday)
    child = spawn(studykit_home, "review", *QUESTIONS)
    child.expect("Review: 3 due cards.")
    child.expect(PROMPT)
    child.sendline("A")
    child.expect(PROMPT)
    said = stop(child, signal.SIGTERM)
    assert "Review stopped; your answers are saved." in said
    assert_intact(store_path)
    now = datetime.now(timezone.utc)
    with open_store(store_path) as store:
        assert sum(card.due > now for card in all_cards(store)) == 1
    assert "Review: 2 due cards." in invoke("review", *QUESTIONS, stdin="q\n")


def wait_for_partial_output(folder: Path, process: subprocess.Popen[bytes]) -> None:
    """Until the command has started writing its (temporary) output file."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(path.name.endswith(".tmp") and path.stat().st_size for path in folder.iterdir()):
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the command never started writing")


def run_and_stop(args: list[str], folder: Path, how: signal.Signals) -> str:
    process = subprocess.Popen(
        [sys.executable, "-m", "studykit", *args],
        env=studykit_env(folder / "home"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=folder,
    )
    try:
        wait_for_partial_output(folder, process)
        process.send_signal(how)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    code, last_line = EXIT[how]
    text = stderr.decode()
    assert process.returncode == code, text
    assert text.rstrip().endswith(last_line) and "Traceback" not in text
    return text


DATASET_WORK = {
    "generate": [
        "dataset",
        "generate",
        "prompt-completion",
        "--count",
        "5000000",
        "--allow-duplicates",
        "--out",
        "out.jsonl",
    ],
    "convert": ["dataset", "convert", "big.jsonl", "--to", "openai-chat", "--out", "out.jsonl"],
}


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
@pytest.mark.parametrize("work", list(DATASET_WORK))
def test_stopped_dataset_work_leaves_no_partial_file(work: str, how: signal.Signals, tmp_path: Path) -> None:
    if work == "convert":
        hostile.write_big_jsonl(tmp_path / "big.jsonl", 64 * hostile.MB)
    before = sorted(os.listdir(tmp_path))
    run_and_stop(DATASET_WORK[work], tmp_path, how)
    assert sorted(name for name in os.listdir(tmp_path) if name != "home") == before


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_at_the_continue_prompt_keeps_the_paused_exam(
    how: signal.Signals, studykit_home: Path
) -> None:
    assert "Exam paused" in invoke("exam", "--questions", "2", *QUESTIONS, stdin="q\n")
    child = spawn(studykit_home, "exam", "--questions", "2", *QUESTIONS)
    child.expect(r"Continue it\? \[Y/n\]: ")
    stop(child, how)
    with open_store(studykit_home / "progress.sqlite3") as store:
        assert latest_active_session(store, "exam") is not None
