"""What an SQLite error means for the learner's progress file, and the one line that says so.

Only SQLite's own verdict that the file is damaged (``SQLITE_CORRUPT``) or is not a
database (``SQLITE_NOTADB``) lets studykit move a progress file aside. A full disk, a
file size limit, an I/O error, a read-only place or a lock says nothing about the
file itself: studykit then leaves it alone and says what happened and what to do.

Python 3.11+ gives the error code (``sqlite_errorcode``); on 3.10 the class and the
message SQLite wrote (``sqlite3_errstr``, stable across SQLite versions) tell the same.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from studykit.errors import EXIT_BUSY, EXIT_INPUT, EXIT_IO, StudykitError

SQLITE_MAX_PATH = 512
"""The longest path SQLite's Unix file layer opens (its MAX_PATHNAME)."""
MIN_FREE_BYTES = 1 << 20
"""Less free space than this, and an I/O error is most likely the disk being full."""


class Failure(Enum):
    """What went wrong, as far as the learner can act on it."""

    DAMAGED = "damaged"
    BUSY = "busy"
    FULL = "full"
    SIZE_LIMIT = "size-limit"
    READ_ONLY = "read-only"
    CANNOT_OPEN = "cannot-open"
    IO = "io"
    OTHER = "other"


# SQLite's primary result codes (the low byte of an extended code).
_BY_CODE = {
    3: Failure.READ_ONLY,  # SQLITE_PERM
    5: Failure.BUSY,  # SQLITE_BUSY
    6: Failure.BUSY,  # SQLITE_LOCKED
    8: Failure.READ_ONLY,  # SQLITE_READONLY
    10: Failure.IO,  # SQLITE_IOERR
    11: Failure.DAMAGED,  # SQLITE_CORRUPT
    13: Failure.FULL,  # SQLITE_FULL
    14: Failure.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: Failure.DAMAGED,  # SQLITE_NOTADB
}

# The texts of sqlite3_errstr() for the same codes, for Pythons without ``sqlite_errorcode``.
_BY_TEXT = (
    ("database disk image is malformed", Failure.DAMAGED),
    ("file is not a database", Failure.DAMAGED),
    ("file is encrypted or is not a database", Failure.DAMAGED),
    ("database is locked", Failure.BUSY),
    ("database table is locked", Failure.BUSY),
    ("database or disk is full", Failure.FULL),
    ("attempt to write a readonly database", Failure.READ_ONLY),
    ("access permission denied", Failure.READ_ONLY),
    ("unable to open database file", Failure.CANNOT_OPEN),
    ("disk I/O error", Failure.IO),
)


def failure_of(error: sqlite3.Error) -> Failure:
    """Classify ``error`` by SQLite's result code, or by its class and message where no code is given."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _BY_CODE.get(code & 0xFF, Failure.OTHER)
    text = str(error)
    for known, failure in _BY_TEXT:
        if text.startswith(known):
            if failure is Failure.DAMAGED and type(error) is not sqlite3.DatabaseError:
                continue  # 3.10 raises exactly DatabaseError for CORRUPT and NOTADB, nothing else
            return failure
    return Failure.OTHER


def is_damage(error: sqlite3.Error) -> bool:
    """True only when SQLite says the file is damaged or not a database."""
    return failure_of(error) is Failure.DAMAGED


_SAID = {
    Failure.BUSY: ("the progress file is locked by another program", "try again in a moment"),
    Failure.FULL: ("the disk is full", "free some space and try again"),
    Failure.SIZE_LIMIT: (
        "the file size limit (ulimit -f) is too small for it",
        "raise the limit ('ulimit -f unlimited') and try again",
    ),
    Failure.READ_ONLY: (
        "the progress file or its folder is read-only",
        "make it writable, or set STUDYKIT_HOME to a writable folder",
    ),
    Failure.CANNOT_OPEN: (
        "the progress file cannot be opened here",
        "check the folder exists and is writable, or set STUDYKIT_HOME to another folder",
    ),
    Failure.IO: ("the disk reported an input/output error", "check the disk, then try again"),
    Failure.DAMAGED: (
        "SQLite reports the progress file is damaged",
        "run 'studykit progress' to move it aside and start a new one",
    ),
}


@dataclass
class ProgressUnavailable(StudykitError):
    """The progress file could not be read or written for a reason outside it; the file was left alone."""

    failure: Failure = Failure.OTHER
    reason: str = ""
    """What happened, in a few words ("the disk is full"), for notices that quote it."""


def unavailable(path: Path | str, error: sqlite3.Error, doing: str) -> ProgressUnavailable:
    """The one-line error for ``error`` met while ``doing`` (e.g. "cannot save progress")."""
    failure = failure_of(error)
    if failure in (Failure.IO, Failure.FULL):
        failure = _likely_cause(Path(path), failure)
    if failure is Failure.CANNOT_OPEN and len(os.fsencode(str(path))) > SQLITE_MAX_PATH:
        return ProgressUnavailable(
            f"{doing}: its path is {len(os.fsencode(str(path)))} bytes long, more than SQLite opens"
            f" ({SQLITE_MAX_PATH})",
            path=str(path),
            hint="set STUDYKIT_HOME to a shorter path",
            exit_code=EXIT_INPUT,
            failure=Failure.OTHER,
            reason="its path is too long",
        )
    said, hint = _SAID.get(failure, (f"SQLite said: {error}", "try again"))
    return ProgressUnavailable(
        f"{doing}: {said}",
        path=str(path),
        hint=hint if failure is Failure.DAMAGED else f"{hint}; the file was left as it is",
        exit_code=EXIT_BUSY if failure is Failure.BUSY else EXIT_IO,
        failure=failure,
        reason=said,
    )


def _likely_cause(path: Path, failure: Failure) -> Failure:
    """A full disk or a file size limit when either is plainly the case (SQLite reports both as I/O)."""
    try:
        room = os.statvfs(path.parent)
        if room.f_bavail * room.f_frsize < MIN_FREE_BYTES:
            return Failure.FULL
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    try:
        import resource

        if resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY:
            return Failure.SIZE_LIMIT
    except (ImportError, OSError, ValueError):
        pass
    return failure
