"""Telling a usable progress file from a foreign or damaged one, and moving a bad one aside.

A file is moved aside only on evidence about the file itself: it does not start
like an SQLite file, SQLite reads it but finds another program's tables, or SQLite
says it is damaged (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``, a failed quick check).
Any other error while looking (full disk, I/O error, file size limit, lock,
permissions) is raised as :class:`ProgressUnavailable` and the file stays where it is.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from studykit.errors import EXIT_IO, StudykitError
from studykit.store.failures import Failure, failure_of, is_damage, unavailable
from studykit.store.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"

PROBLEM_TEXT = {
    "foreign": "is not a studykit progress file",
    "corrupt": "is damaged and cannot be read",
}


def header_problem(path: Path) -> str | None:
    """``"foreign"`` when the file does not start like an SQLite file; None if absent, empty or SQLite."""
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
    if header and header != SQLITE_MAGIC:
        return "foreign"
    return None


def inspect(connection: sqlite3.Connection, path: Path) -> str | None:
    """``"foreign"``, ``"corrupt"`` or None for a usable file open on ``connection``.

    Busy errors pass through as they are (the caller waits on them); other errors
    that are not damage become :class:`ProgressUnavailable`.
    """
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]
        if application_id != APPLICATION_ID and (application_id != 0 or tables):
            return "foreign"
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "corrupt"
    except sqlite3.Error as error:
        if is_damage(error):
            return "corrupt"
        if failure_of(error) is Failure.BUSY:
            raise
        raise unavailable(path, error, "cannot read the progress file") from None
    return None


def move_aside(path: Path, problem: str) -> Path:
    """Rename the file (and its WAL side files) to a free name beside it; return the new path."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.{problem}-{stamp}"
    target = path.with_name(base)
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    try:
        path.replace(target)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
    except OSError as error:
        raise StudykitError(
            f"the progress file {PROBLEM_TEXT[problem]}, and cannot be moved aside: {error.strerror}",
            path=str(path),
            hint="move it away yourself, or set STUDYKIT_HOME to another folder",
            exit_code=EXIT_IO,
        ) from None
    return target
