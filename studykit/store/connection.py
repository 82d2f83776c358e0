"""Opening the progress file safely: checks, migrations, and one short write at a time.

The file is opened in WAL mode, and every write is one short ``BEGIN IMMEDIATE``
transaction, so two studykit processes can share it and a killed process loses
nothing it had committed. A write that finds the file locked waits, says so once,
and tries again. A file SQLite says is damaged, or that is not studykit's, is moved
aside (never overwritten) and a new one is started; the notice says where the old
one went. Any other failure (full disk, I/O error, read-only place, lock) leaves the
file alone and is raised as one :class:`ProgressUnavailable` line.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from studykit.errors import EXIT_IO
from studykit.io_errors import io_failure
from studykit.store.failures import Failure, ProgressUnavailable, failure_of, unavailable
from studykit.store.inspection import PROBLEM_TEXT, header_problem, inspect, move_aside
from studykit.store.location import default_store_path
from studykit.store.migration import apply_migrations, newer_file, schema_version
from studykit.store.read_only import connect_read_only, why_read_only
from studykit.store.schema import MIGRATIONS

WAIT_SECONDS = 30.0
"""How long a write waits for another program's lock before giving up."""
NOTE_AFTER_SECONDS = 2.0
"""How long a write waits quietly before saying that it is waiting."""
T = TypeVar("T")

ROOM_FAILURES = frozenset(
    {Failure.FULL, Failure.SIZE_LIMIT, Failure.READ_ONLY, Failure.CANNOT_OPEN, Failure.IO}
)
"""Failures about where the file is, not the file: reading it read-only may still work."""


def _quiet(message: str) -> None:
    """The default for :attr:`Store.notify`: library callers read notices from the exceptions."""


@dataclass
class Store:
    """An open progress file. Use :func:`open_store`; close it (or use ``with``) when done.

    ``read_only`` holds why nothing can be saved (the file is then only read);
    ``notify`` is told, once per write, when that write has to wait for a lock.
    """

    path: Path
    connection: sqlite3.Connection
    notices: list[str] = field(default_factory=list)
    read_only: str | None = None
    notify: Callable[[str], None] = _quiet
    wait_seconds: float = WAIT_SECONDS
    _depth: int = field(default=0, init=False, repr=False)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction: taken at once, committed on exit, rolled back on error.

        Nested calls join the outer transaction (as a savepoint), so several saves can be
        committed together. SQLite errors leave as :class:`ProgressUnavailable`.
        """
        if self.read_only is not None:
            raise ProgressUnavailable(
                f"cannot save progress: {self.read_only}",
                path=str(self.path),
                hint="make it writable, or set STUDYKIT_HOME to a writable folder",
                exit_code=EXIT_IO,
                failure=Failure.READ_ONLY,
                reason=self.read_only,
            )
        if self._depth:
            with self._savepoint():
                yield self.connection
            return
        self._begin()
        self._depth = 1
        try:
            yield self.connection
            self.connection.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            if failure_of(error) is Failure.OTHER:
                raise  # a mistake in studykit's SQL, not a problem the learner can fix
            raise unavailable(self.path, error, "cannot save progress") from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"nested_{self._depth}"
        self._depth += 1
        try:
            self.connection.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.connection.execute(f"ROLLBACK TO {name}")
                self.connection.execute(f"RELEASE {name}")
                raise
            self.connection.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``, waiting (and saying so once) while another program holds the lock."""
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while True:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.Error as error:
                busy = failure_of(error) is Failure.BUSY
                if busy and not told:
                    told = True
                    self.notify(
                        f"The progress file is locked by another program; waiting up to"
                        f" {self.wait_seconds:g} s to save."
                    )
                if not busy or time.monotonic() >= deadline:
                    raise unavailable(self.path, error, "cannot save progress") from None

    def _rollback(self) -> None:
        if self.connection.in_transaction:
            with suppress(sqlite3.Error):  # SQLite may have rolled back already (a full disk does that)
                self.connection.execute("ROLLBACK")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    path: Path | None = None,
    migrations: Sequence[str] = MIGRATIONS,
    *,
    read_only_ok: bool = False,
    notify: Callable[[str], None] = _quiet,
    wait_seconds: float | None = None,
) -> Store:
    """Open (creating or upgrading as needed) the progress file at ``path`` or the default place.

    ``read_only_ok`` is for commands that only read: where the file cannot be written
    (read-only home or file, full disk), they get it read-only, with a notice saying why,
    instead of an error.
    """
    path = Path(path) if path is not None else default_store_path()
    try:
        return _open(path, migrations, read_only_ok, notify, wait_seconds)
    except OSError as error:  # a path the system refuses (name too long, a file where a folder is)
        raise io_failure(str(path), error, "cannot open the progress file") from None


def _open(
    path: Path,
    migrations: Sequence[str],
    read_only_ok: bool,
    notify: Callable[[str], None],
    wait_seconds: float | None,
) -> Store:
    wait_seconds = WAIT_SECONDS if wait_seconds is None else wait_seconds
    reason = why_read_only(path)
    try:
        if reason is not None:
            raise ProgressUnavailable(
                f"cannot save progress: {reason}",
                path=str(path),
                hint="make it writable, or set STUDYKIT_HOME to a writable folder",
                exit_code=EXIT_IO,
                failure=Failure.READ_ONLY,
                reason=reason,
            )
        store = _open_writable(path, migrations, wait_seconds)
    except ProgressUnavailable as problem:
        if not read_only_ok or problem.failure not in ROOM_FAILURES:
            raise
        connection = connect_read_only(path, migrations)
        why = reason or problem.reason
        store = Store(path, connection, read_only=why)
        store.notices.append(f"progress is read-only here ({why}); nothing can be saved.")
    store.notify = notify
    store.wait_seconds = wait_seconds
    return store


def _open_writable(path: Path, migrations: Sequence[str], wait_seconds: float) -> Store:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProgressUnavailable(
            f"cannot create the folder for progress data: {error.strerror}",
            path=str(path.parent),
            hint="set STUDYKIT_HOME to a writable folder",
            exit_code=EXIT_IO,
            failure=Failure.READ_ONLY if _is_permission(error) else Failure.OTHER,
            reason=f"cannot create {path.parent} ({error.strerror})",
        ) from None
    notices: list[str] = []
    problem = _problem_with(path, wait_seconds)
    if problem is not None:
        moved = move_aside(path, problem)
        notices.append(
            f"{path} {PROBLEM_TEXT[problem]}; moved it to {moved.name} and started a new progress file."
        )
    connection = _connect(path, wait_seconds)
    try:
        _migrate(connection, path, migrations, wait_seconds)
    except sqlite3.Error as error:
        connection.close()
        if failure_of(error) is Failure.OTHER:
            raise  # a mistake in a migration: the file stays at its old version
        raise unavailable(path, error, "cannot open the progress file") from None
    except BaseException:
        connection.close()
        raise
    return Store(path, connection, notices)


def _is_permission(error: OSError) -> bool:
    import errno

    return error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)


def _problem_with(path: Path, wait_seconds: float) -> str | None:
    """``"foreign"``, ``"corrupt"`` or None for a usable (or absent, or empty) file."""
    problem = header_problem(path)
    if problem is not None or not path.is_file() or path.stat().st_size == 0:
        return problem
    connection = _sqlite(path, wait_seconds)
    try:
        return _when_free(path, wait_seconds, lambda: inspect(connection, path))
    finally:
        connection.close()


def _sqlite(path: Path, wait_seconds: float) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path, timeout=min(wait_seconds, NOTE_AFTER_SECONDS), isolation_level=None)
    except sqlite3.Error as error:
        raise unavailable(path, error, "cannot open the progress file") from None


def _connect(path: Path, wait_seconds: float) -> sqlite3.Connection:
    connection = _sqlite(path, wait_seconds)
    try:
        # Switching to WAL needs a moment alone with the file and SQLite does not
        # wait for it, so retry while another process holds it.
        _when_free(path, wait_seconds, lambda: _use_wal(connection))
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        connection.close()
        raise unavailable(path, error, "cannot open the progress file") from None
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode = WAL")


def _when_free(path: Path, wait_seconds: float, action: Callable[[], T]) -> T:
    """Run ``action``, retrying while the file is busy, for up to ``wait_seconds``."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return action()
        except sqlite3.Error as error:
            if failure_of(error) is not Failure.BUSY or time.monotonic() > deadline:
                raise unavailable(path, error, "cannot open the progress file") from None
            time.sleep(0.02)


def _migrate(
    connection: sqlite3.Connection, path: Path, migrations: Sequence[str], wait_seconds: float
) -> None:
    latest = len(migrations)
    version = schema_version(connection)
    if version == latest:
        return
    if version > latest:
        raise newer_file(path, version, latest)
    _when_free(path, wait_seconds, lambda: connection.execute("BEGIN IMMEDIATE"))
    try:
        # Another process may have migrated while this one waited for the lock.
        apply_migrations(connection, path, migrations)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise
