"""Bringing a progress file's schema up to date, in one transaction, or refusing a newer one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from studykit.errors import StudykitError
from studykit.store.schema import APPLICATION_ID


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(connection: sqlite3.Connection, path: Path, migrations: Sequence[str]) -> None:
    """Run the migrations ``connection``'s file has not had yet, inside a transaction the caller opened."""
    latest = len(migrations)
    version = schema_version(connection)
    if version > latest:
        raise newer_file(path, version, latest)
    for script in migrations[version:]:
        for statement in _statements(script):
            connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {latest}")


def newer_file(path: Path, version: int, latest: int) -> StudykitError:
    return StudykitError(
        f"this progress file has schema version {version}, newer than this studykit knows ({latest})",
        path=str(path),
        hint="upgrade studykit, or set STUDYKIT_HOME to use another folder",
    )


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
