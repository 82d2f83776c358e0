"""The progress file under a full disk, a file size limit and a read-only home (issue cases 1 and 2).

A healthy file is never moved aside for a problem around it: commands that only read
still show it (with one warning saying why nothing can be saved), commands that write
stop with one line and exit code 3, and afterwards everything is still there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from studykit.errors import EXIT_IO
from studykit.store.failures import Failure, failure_of, is_damage
from tests.hardening.faults import (
    QUESTIONS,
    answer_count,
    fill,
    limit_file_size,
    moved_aside,
    only_line,
    seed_answers,
    small_tmpfs,
    studykit,
    unprivileged_prefix,
)

QUIZ = ["quiz", "--count", "2", *QUESTIONS]


def assert_progress_shows(result: CompletedProcess[str], answers: int, why: str) -> None:
    assert result.returncode == 0, result.stderr
    assert f'"answered": {answers},' in result.stdout
    warning = only_line(result.stderr)
    assert warning.startswith("Warning: progress is read-only here (") and why in warning
    assert "nothing can be saved" in warning


def test_a_full_disk_leaves_a_healthy_progress_file_where_it_is(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path) as disk:
        home = disk / "home"
        home.mkdir()
        seed_answers(home, 3)
        filler = fill(disk)
        assert_progress_shows(studykit(["progress", "--json"], home), 3, "the disk is full")
        quiz = studykit(QUIZ, home, stdin="A\nA\n")
        assert quiz.returncode == EXIT_IO
        line = only_line(quiz.stderr)
        assert line.startswith(f"Error: {home / 'progress.sqlite3'}: ") and "the disk is full" in line
        assert "the file was left as it is" in line
        assert moved_aside(home) == []
        filler.unlink()
        assert answer_count(home) == 3
        after = studykit(["progress", "--json"], home)
        assert after.returncode == 0 and '"answered": 3,' in after.stdout and after.stderr == ""


def test_a_file_size_limit_leaves_a_healthy_progress_file_where_it_is(tmp_path: Path) -> None:
    seed_answers(tmp_path, 3)
    limited = limit_file_size(8 * 1024)  # `ulimit -f 8`: smaller than the file's WAL index
    shown = studykit(["progress", "--json"], tmp_path, preexec_fn=limited)
    assert_progress_shows(shown, 3, "the file size limit (ulimit -f)")
    quiz = studykit(QUIZ, tmp_path, stdin="A\nA\n", preexec_fn=limited)
    assert quiz.returncode == EXIT_IO
    assert "the file size limit (ulimit -f) is too small" in only_line(quiz.stderr)
    assert moved_aside(tmp_path) == []
    assert answer_count(tmp_path) == 3


def test_a_read_only_home_still_shows_progress_and_refuses_to_quiz(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    home = tmp_path / "home"
    home.mkdir()
    seed_answers(home, 2)
    home.chmod(0o555)
    try:
        assert_progress_shows(studykit(["progress", "--json"], home, prefix=prefix), 2, "read-only")
        page = studykit(["progress"], home, prefix=prefix)
        assert page.returncode == 0 and "2 answers" in page.stdout
        quiz = studykit(QUIZ, home, stdin="A\nA\n", prefix=prefix)
        assert quiz.returncode == EXIT_IO
        line = only_line(quiz.stderr)
        assert "cannot save progress: the folder" in line and "is read-only" in line
        assert studykit(["topics"], home, prefix=prefix).returncode == 0
        assert studykit(["learn", "fine-tuning"], home, prefix=prefix).returncode == 0
        review = studykit(["review", *QUESTIONS], home, prefix=prefix)
        assert review.returncode == 0 and "Nothing is due for review." in review.stdout
    finally:
        home.chmod(0o755)
    assert sorted(path.name for path in home.iterdir()) == ["progress.sqlite3"]
    assert answer_count(home) == 2


def test_an_empty_read_only_home_shows_no_answers_yet(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    home = tmp_path / "home"
    home.mkdir(mode=0o555)
    try:
        page = studykit(["progress"], home, prefix=prefix)
    finally:
        home.chmod(0o755)
    assert page.returncode == 0, page.stderr
    assert "No answers yet." in page.stdout
    assert "read-only" in only_line(page.stderr)
    assert list(home.iterdir()) == []


def test_a_read_only_progress_file_is_read_but_not_written(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    seed_answers(tmp_path, 2)
    store = tmp_path / "progress.sqlite3"
    store.chmod(0o444)
    before = store.read_bytes()
    assert_progress_shows(studykit(["progress", "--json"], tmp_path, prefix=prefix), 2, "is read-only")
    quiz = studykit(QUIZ, tmp_path, stdin="A\nA\n", prefix=prefix)
    assert quiz.returncode == EXIT_IO
    assert "cannot save progress: progress.sqlite3 is read-only" in only_line(quiz.stderr)
    reset = studykit(["progress", "--reset", "--yes"], tmp_path, prefix=prefix)
    assert reset.returncode == EXIT_IO and "read-only" in only_line(reset.stderr)
    assert store.read_bytes() == before


def test_a_home_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    parent = tmp_path / "locked"
    parent.mkdir(mode=0o555)
    try:
        page = studykit(["progress"], parent / "home", prefix=prefix)
        quiz = studykit(QUIZ, parent / "home", stdin="A\n", prefix=prefix)
    finally:
        parent.chmod(0o755)
    assert page.returncode == 0 and "No answers yet." in page.stdout
    assert "read-only" in only_line(page.stderr)
    assert quiz.returncode == EXIT_IO and "cannot create the folder" in only_line(quiz.stderr)


def sqlite_error(sql: str, path: Path) -> sqlite3.Error:
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql)
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError("no error")


def test_only_sqlites_own_damage_verdicts_count_as_damage(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)
    assert is_damage(sqlite_error("SELECT * FROM sqlite_schema", not_a_database))
    seed_answers(tmp_path, 1)
    locker = sqlite3.connect(tmp_path / "progress.sqlite3", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        waiting = sqlite3.connect(tmp_path / "progress.sqlite3", timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError) as busy:
                waiting.execute("BEGIN IMMEDIATE")
        finally:
            waiting.close()
        assert failure_of(busy.value) is Failure.BUSY and not is_damage(busy.value)
    finally:
        locker.close()


@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), Failure.DAMAGED),
        (sqlite3.DatabaseError("file is not a database"), Failure.DAMAGED),
        (sqlite3.OperationalError("database or disk is full"), Failure.FULL),
        (sqlite3.OperationalError("disk I/O error"), Failure.IO),
        (sqlite3.OperationalError("database is locked"), Failure.BUSY),
        (sqlite3.OperationalError("attempt to write a readonly database"), Failure.READ_ONLY),
        (sqlite3.OperationalError("unable to open database file"), Failure.CANNOT_OPEN),
        (sqlite3.OperationalError("file is not a database"), Failure.OTHER),  # not how SQLite says it
        (sqlite3.OperationalError("no such table: answers"), Failure.OTHER),
    ],
)
def test_without_error_codes_the_class_and_message_decide(error: sqlite3.Error, failure: Failure) -> None:
    """Python 3.10 has no ``sqlite_errorcode``; errors made by hand have none either."""
    assert getattr(error, "sqlite_errorcode", None) is None
    assert failure_of(error) is failure
