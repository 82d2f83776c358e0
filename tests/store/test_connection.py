from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from studykit.errors import StudykitError
from studykit.store import (
    AnswerRecord,
    all_answers,
    default_store_path,
    open_store,
    record_answer,
    start_session,
)
from studykit.store.schema import APPLICATION_ID, SCHEMA_VERSION

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def test_default_path_follows_studykit_home(studykit_home: Path) -> None:
    assert default_store_path() == studykit_home / "progress.sqlite3"


def test_without_studykit_home_the_per_user_data_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("STUDYKIT_HOME")
    expected = Path(platformdirs.user_data_dir("studykit", appauthor=False)) / "progress.sqlite3"
    assert default_store_path() == expected


def test_new_store_is_created_in_wal_mode_with_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "progress.sqlite3"
    with open_store(path) as store:
        db = store.connection
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert store.notices == []


def test_reopening_keeps_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with open_store(path) as store:
        session = start_session(store, "quiz", ["q1"], NOW)
        record_answer(store, session.id, AnswerRecord("q1", "B", True, 4.0, 3, ("distillation",)), NOW)
    with open_store(path) as store:
        [answer] = all_answers(store)
    assert (answer.question_id, answer.answer, answer.correct, answer.concepts) == (
        "q1",
        "B",
        True,
        ("distillation",),
    )


def test_text_file_in_place_of_the_store_is_moved_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_text("my notes, not a database\n")
    with open_store(path) as store:
        assert len(store.notices) == 1
        assert "is not a studykit progress file" in store.notices[0]
    [moved] = [p for p in tmp_path.iterdir() if p.name.startswith("progress.sqlite3.foreign-")]
    assert moved.read_text() == "my notes, not a database\n"
    assert moved.name in store.notices[0]


def test_another_programs_sqlite_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Ada')")
    other.commit()
    other.close()
    with open_store(path) as store:
        assert "is not a studykit progress file" in store.notices[0]
        assert store.connection.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    [moved] = [
        p for p in tmp_path.iterdir() if ".foreign-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert sqlite3.connect(moved).execute("SELECT name FROM contacts").fetchone() == ("Ada",)


def test_damaged_store_is_moved_aside_with_a_clear_notice(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with open_store(path) as store:
        store.connection.execute("PRAGMA synchronous = OFF")  # only to fill the file quickly
        session = start_session(store, "quiz", [f"q{i}" for i in range(300)], NOW)
        for i in range(300):
            record_answer(store, session.id, AnswerRecord(f"q{i}", "A", False, 1.0), NOW)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    raw[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # overwrite pages past the header
    path.write_bytes(bytes(raw))
    with open_store(path) as store:
        assert "is damaged" in store.notices[0]
        assert all_answers(store) == []
    assert any(".corrupt-" in p.name for p in tmp_path.iterdir())


def test_store_from_a_newer_studykit_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StudykitError, match="newer than this studykit knows"):
        open_store(path)
    assert sorted(p.name for p in tmp_path.iterdir() if "progress" in p.name)[0] == "progress.sqlite3"


def test_migrations_run_in_order_and_only_once(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    first = ("CREATE TABLE t (a INTEGER);",)
    second = (*first, "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x';\nINSERT INTO t (a) VALUES (1);")
    open_store(path, migrations=first).close()
    with open_store(path, migrations=second) as store:
        assert store.connection.execute("SELECT a, b FROM t").fetchall() == [(1, "x")]
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == 2
    with open_store(path, migrations=second) as store:
        assert store.connection.execute("SELECT count(*) FROM t").fetchone()[0] == 1


def test_failed_migration_leaves_the_file_at_its_old_version(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    first = ("CREATE TABLE t (a INTEGER);",)
    broken = (*first, "CREATE TABLE u (a INTEGER);\nINSERT INTO missing VALUES (1);")
    open_store(path, migrations=first).close()
    with pytest.raises(sqlite3.OperationalError):
        open_store(path, migrations=broken)
    with open_store(path, migrations=first) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_schema")}
        assert "u" not in tables


def test_unwritable_folder_gives_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StudykitError, match="cannot create the folder"):
        open_store(blocker / "sub" / "progress.sqlite3")
