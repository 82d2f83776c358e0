"""Reading a progress file that cannot be written: a read-only home, file or disk, or a full disk.

Commands that only read (``progress``, ``progress --export``) still work there. The
file is opened read-only; when SQLite cannot share it that way (a WAL file whose
folder is read-only) it is opened as immutable. A file with an older schema is
copied into memory and upgraded there; no file at all reads as an empty history.
The file itself is never written, renamed or moved aside.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from studykit.errors import EXIT_IO, StudykitError
from studykit.store.failures import unavailable
from studykit.store.inspection import PROBLEM_TEXT, header_problem, inspect
from studykit.store.migration import apply_migrations, newer_file, schema_version


def why_read_only(path: Path) -> str | None:
    """Why ``path`` cannot be written (its folder or the file is read-only), or None."""
    import os

    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only"
    if path.is_file() and not os.access(path, os.W_OK):
        return f"{path.name} is read-only"
    return None


def connect_read_only(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """A connection that reads ``path`` (or an empty history) at the latest schema, writing nothing to it."""
    if not path.is_file() or path.stat().st_size == 0:
        return _in_memory(None, path, migrations)
    problem = header_problem(path)
    if problem is None:
        connection = _open(path)
        try:
            problem = inspect(connection, path)
        except BaseException:
            connection.close()
            raise
        if problem is None:
            return _upgraded(connection, path, migrations)
        connection.close()
    raise StudykitError(
        f"the progress file {PROBLEM_TEXT[problem]}, and cannot be moved aside while it cannot be written",
        path=str(path),
        hint="make its folder writable so studykit can move it aside, or set STUDYKIT_HOME to another folder",
        exit_code=EXIT_IO,
    )


def _open(path: Path) -> sqlite3.Connection:
    address = f"file:{quote(str(path.resolve()))}?mode=ro"
    last: sqlite3.Error | None = None
    for options in ("", "&immutable=1"):
        try:
            connection = sqlite3.connect(address + options, uri=True, isolation_level=None)
            connection.execute("PRAGMA schema_version").fetchone()
            return connection
        except sqlite3.Error as error:
            last = error
    assert last is not None
    raise unavailable(path, last, "cannot read the progress file") from None


def _upgraded(connection: sqlite3.Connection, path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """``connection`` itself when its schema is current, else an upgraded copy in memory."""
    version = schema_version(connection)
    if version == len(migrations):
        connection.execute("PRAGMA query_only = ON")
        return connection
    if version > len(migrations):
        connection.close()
        raise newer_file(path, version, len(migrations))
    return _in_memory(connection, path, migrations)


def _in_memory(
    source: sqlite3.Connection | None, path: Path, migrations: Sequence[str]
) -> sqlite3.Connection:
    """A copy of ``source`` (or an empty history) in memory, at the latest schema, closed to writes."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    if source is not None:
        source.backup(memory)
        source.close()
    memory.execute("BEGIN")
    apply_migrations(memory, path, migrations)
    memory.execute("COMMIT")
    memory.execute("PRAGMA query_only = ON")
    return memory
