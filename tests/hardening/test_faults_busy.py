"""A progress file locked by another program (issue case 4): wait visibly, keep what cannot be saved.

The lock is a ``BEGIN EXCLUSIVE`` held on another connection, as the ``sqlite3`` shell
or a backup tool would hold it; the wait is made short so the tests stay quick.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.engine import recording
from studykit.engine.kept_saves import kept_folder, replay_kept
from studykit.engine.recording import SessionRecorder
from studykit.errors import EXIT_BUSY
from studykit.questions.model import ChoiceAnswer
from studykit.questions.pool import question_pool
from studykit.store import all_answers, all_cards, bookmarks, latest_active_session, open_store
from studykit.store.failures import ProgressUnavailable
from tests.hardening.faults import BANK, QUESTIONS

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


class Lock:
    """Another program's exclusive lock on the progress file, taken and given back on demand."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)

    def take(self) -> None:
        self.connection.execute("BEGIN EXCLUSIVE")

    def give_back(self) -> None:
        self.connection.execute("COMMIT")


@pytest.fixture
def lock(studykit_home: Path) -> Iterator[Lock]:
    path = studykit_home / "progress.sqlite3"
    open_store(path).close()
    held = Lock(path)
    yield held
    held.connection.close()


def test_an_answer_that_cannot_be_saved_is_kept_and_saved_with_the_next(
    studykit_home: Path, lock: Lock
) -> None:
    first, second = question_pool([BANK], generated=False)[:2]
    notes: list[str] = []
    with open_store(studykit_home / "progress.sqlite3", notify=notes.append, wait_seconds=0.2) as store:
        recorder = SessionRecorder.start(store, "quiz", [first, second], lambda: NOW)
        lock.take()
        recorder.answered(first, ChoiceAnswer(frozenset({0})), True, 4.0)
        assert notes[0].startswith("The progress file is locked by another program; waiting")
        assert notes[1] == (
            "Could not save this answer (the progress file is locked by another program);"
            " kept, to be saved with the next one."
        )
        assert all_answers(store) == []
        lock.give_back()
        recorder.answered(second, ChoiceAnswer(frozenset({1})), False, 6.0)
        assert notes[2] == "Saved 1 earlier answer that had waited."
        assert sorted(answer.question_id for answer in all_answers(store)) == sorted([first.id, second.id])
        assert sorted(card.question_id for card in all_cards(store)) == sorted([first.id, second.id])


def test_answers_still_locked_when_a_quiz_ends_are_kept_in_a_file_and_saved_by_the_next_run(
    studykit_home: Path, lock: Lock, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = recording.start_session

    def start_then_lock(*args: object, **kwargs: object) -> object:
        session = started(*args, **kwargs)  # type: ignore[arg-type]
        lock.take()  # another program locks the file as soon as the quiz has begun
        return session

    monkeypatch.setattr(recording, "start_session", start_then_lock)
    env = Environment(store_wait_seconds=0.2)
    result = CliRunner().invoke(cli, ["quiz", "--count", "2", *QUESTIONS], input="A\nA\n", obj=env)
    assert result.exit_code == EXIT_BUSY, result.output
    assert "Score:" in result.stdout  # the summary still shows
    errors = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert errors[-1].startswith("Error: ") and "2 answers could not be saved yet" in errors[-1]
    kept = list((studykit_home / "progress.sqlite3.kept").glob("session-*.json"))
    assert len(kept) == 1 and str(kept[0]) in errors[-1]
    assert errors[-1].endswith("saved the next time studykit can write the progress file")
    lock.give_back()
    monkeypatch.setattr(recording, "start_session", started)

    later = CliRunner().invoke(cli, ["progress"])
    assert later.exit_code == 0, later.output
    assert "Note: saved 2 answers kept from an earlier session." in later.stderr
    assert not kept[0].exists()
    with open_store(studykit_home / "progress.sqlite3") as store:
        assert len(all_answers(store)) == 2
        assert len(all_cards(store)) == 2  # a quiz schedules its answers: the kept ones too
        assert latest_active_session(store, "quiz") is None  # the kept 'finish' closed the quiz
    again = CliRunner().invoke(cli, ["progress"])
    assert "kept from an earlier session" not in again.stderr  # saved once, never twice


def test_kept_answers_wait_while_the_file_is_still_locked(studykit_home: Path, lock: Lock) -> None:
    (question,) = question_pool([BANK], generated=False)[:1]
    with open_store(studykit_home / "progress.sqlite3", notify=lambda _: None, wait_seconds=0.1) as store:
        recorder = SessionRecorder.start(store, "quiz", [question], lambda: NOW)
        lock.take()
        recorder.answered(question, ChoiceAnswer(frozenset({0})), True, 4.0)
        with pytest.raises(ProgressUnavailable):
            recorder.finish()
    (kept,) = (studykit_home / "progress.sqlite3.kept").glob("session-*.json")
    still = CliRunner().invoke(
        cli, ["quiz", "--count", "1", *QUESTIONS], input="A\n", obj=Environment(store_wait_seconds=0.1)
    )
    assert still.exit_code == EXIT_BUSY and kept.exists()
    lock.give_back()
    with open_store(studykit_home / "progress.sqlite3") as store:
        assert replay_kept(store) == (1, [])
        (answer,) = all_answers(store)
        assert answer.question_id == question.id and answer.correct
    assert not kept.exists()


def test_kept_answers_of_a_session_that_no_longer_exists_are_dropped_and_a_damaged_file_is_named(
    studykit_home: Path,
) -> None:
    path = studykit_home / "progress.sqlite3"
    open_store(path).close()
    folder = kept_folder(path)
    folder.mkdir()
    gone = folder / "session-99-1-1.json"
    gone.write_text(
        '[{"op": "answer", "at": "2026-03-01T12:00:00+00:00", "question": "q1", "session": 99,'
        ' "answer": "{}", "correct": true, "elapsed": 1.0, "domain": null, "concepts": []},'
        ' {"op": "bookmark", "at": "2026-03-01T12:00:00+00:00", "question": "q1", "flagged": true,'
        ' "domain": null, "concepts": []}]',
        encoding="utf-8",
    )
    damaged = folder / "session-7-1-1.json"
    damaged.write_text("[{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["progress"])
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert f"Warning: {damaged}: cannot read kept answers" in result.stderr
    assert not gone.exists() and damaged.exists()
    with open_store(path) as store:
        assert all_answers(store) == []  # the progress was reset since: its session is gone
        assert [mark.question_id for mark in bookmarks(store)] == ["q1"]  # a flag needs no session


@pytest.mark.parametrize(
    ("kind", "settings", "hint"),
    [
        (
            "exam",
            None,
            "the exam is kept for --resume: 'studykit exam --resume' asks the question not saved again",
        ),
        ("review", None, "the question not saved stays due, and 'studykit review' asks it again"),
        ("quiz", {"study": True}, "the session is kept: 'studykit study' asks the question not saved again"),
    ],
)
def test_when_even_the_kept_file_cannot_be_written_each_session_says_how_to_get_back(
    studykit_home: Path,
    lock: Lock,
    kind: str,
    settings: dict[str, object] | None,
    hint: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recording, "keep_in_file", no_space)
    (question,) = question_pool([BANK], generated=False)[:1]
    with open_store(studykit_home / "progress.sqlite3", notify=lambda _: None, wait_seconds=0.1) as store:
        recorder = SessionRecorder.start(store, kind, [question], lambda: NOW, settings=settings)
        lock.take()
        recorder.answered(question, ChoiceAnswer(frozenset({0})), True, 4.0)
        with pytest.raises(ProgressUnavailable) as failure:
            recorder.finish()
    assert failure.value.message == (
        "1 answer could not be saved: the progress file is locked by another program"
    )
    assert failure.value.hint.endswith(hint)
    lock.give_back()
    with open_store(studykit_home / "progress.sqlite3") as store:
        assert latest_active_session(store, kind) is not None


def test_starting_a_quiz_on_a_locked_file_is_one_line(lock: Lock) -> None:
    lock.take()
    env = Environment(store_wait_seconds=0.2)
    result = CliRunner().invoke(cli, ["quiz", "--count", "2", *QUESTIONS], input="A\nA\n", obj=env)
    assert result.exit_code == EXIT_BUSY
    note, error = result.stderr.splitlines()
    assert note.startswith("Note: The progress file is locked by another program; waiting")
    assert error.startswith("Error: ") and "the progress file is locked by another program" in error
    assert "try again in a moment; the file was left as it is" in error


def test_progress_reads_a_locked_file(lock: Lock) -> None:
    lock.take()
    result = CliRunner().invoke(cli, ["progress", "--json"], obj=Environment(store_wait_seconds=0.2))
    assert result.exit_code == 0 and result.stderr == ""
