"""Opening the progress file safely: checks, migrations, and one short write at a time.

The file is opened in WAL mode with a busy timeout, and every write is one short
``BEGIN IMMEDIATE`` transaction, so two studykit processes can share it and a
killed process loses nothing it had committed. A file that is not studykit's, or
is damaged, is moved aside (never overwritten) and a new one is started; the
notice says where the old one went.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from studykit.errors import StudykitError
from studykit.store.location import default_store_path
from studykit.store.schema import APPLICATION_ID, MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10.0
T = TypeVar("T")


@dataclass
class Store:
    """An open progress file. Use :func:`open_store`; close it (or use ``with``) when done."""

    path: Path
    connection: sqlite3.Connection
    notices: list[str] = field(default_factory=list)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction: taken at once, committed on exit, rolled back on error."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path | None = None, migrations: Sequence[str] = MIGRATIONS) -> Store:
    """Open (creating or upgrading as needed) the progress file at ``path`` or the default place."""
    path = Path(path) if path is not None else default_store_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StudykitError(
            f"cannot create the folder for progress data: {error.strerror}",
            path=str(path.parent),
            hint="set STUDYKIT_HOME to a writable folder",
        ) from None
    notices: list[str] = []
    problem = _problem_with(path)
    if problem is not None:
        moved = _move_aside(path, problem)
        notices.append(
            f"{path} {_PROBLEM_TEXT[problem]}; moved it to {moved.name} and started a new progress file."
        )
    connection = _connect(path)
    try:
        _migrate(connection, path, migrations)
    except BaseException:
        connection.close()
        raise
    return Store(path, connection, notices)


_PROBLEM_TEXT = {
    "foreign": "is not a studykit progress file",
    "corrupt": "is damaged and cannot be read",
}


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        # Switching to WAL needs a moment alone with the file and SQLite does not
        # wait for it, so retry while another process holds it.
        _when_free(path, lambda: _use_wal(connection))
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode = WAL")


def _when_free(path: Path, action: Callable[[], T]) -> T:
    """Run ``action``, retrying while the file is busy, for up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not _is_busy(error):
                raise _busy_or_unopenable(path, error) from None
            if time.monotonic() > deadline:
                raise _busy_or_unopenable(path, error) from None
            time.sleep(0.02)


def _problem_with(path: Path) -> str | None:
    """``"foreign"``, ``"corrupt"`` or None for a usable (or absent, or empty) file."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StudykitError(
            f"cannot read the progress file: {error.strerror}",
            path=str(path),
            hint="move it away, or set STUDYKIT_HOME to another folder",
        ) from None
    if not header:
        return None
    if header != SQLITE_MAGIC:
        return "foreign"
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        return _when_free(path, lambda: _inspect(connection))
    finally:
        connection.close()


def _inspect(connection: sqlite3.Connection) -> str | None:
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]
        if application_id != APPLICATION_ID and (application_id != 0 or tables):
            return "foreign"
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "corrupt"
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise
        return "corrupt"
    except sqlite3.DatabaseError:
        return "corrupt"
    return None


def _move_aside(path: Path, problem: str) -> Path:
    """Rename the file (and its WAL side files) to a free name beside it; return the new path."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.{problem}-{stamp}"
    target = path.with_name(base)
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def _migrate(connection: sqlite3.Connection, path: Path, migrations: Sequence[str]) -> None:
    latest = len(migrations)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == latest:
        return
    if version > latest:
        raise _newer_file(path, version, latest)
    _when_free(path, lambda: connection.execute("BEGIN IMMEDIATE"))
    try:
        # Another process may have migrated while this one waited for the lock.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > latest:
            raise _newer_file(path, version, latest)
        for script in migrations[version:]:
            for statement in _statements(script):
                connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {latest}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (``executescript`` would commit mid-migration)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete statement in migration: {buffer.strip()[:60]}")


def _newer_file(path: Path, version: int, latest: int) -> StudykitError:
    return StudykitError(
        f"this progress file has schema version {version}, newer than this studykit knows ({latest})",
        path=str(path),
        hint="upgrade studykit, or set STUDYKIT_HOME to use another folder",
    )


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def _busy_or_unopenable(path: Path, error: sqlite3.OperationalError) -> StudykitError:
    if _is_busy(error):
        return StudykitError(
            "the progress file is busy (another studykit is writing to it)",
            path=str(path),
            hint="try again in a moment",
        )
    return StudykitError(
        f"cannot open the progress file: {error}",
        path=str(path),
        hint="check the folder's permissions, or set STUDYKIT_HOME to another folder",
    )
