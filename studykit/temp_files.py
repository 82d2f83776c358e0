"""Temporary files beside an output, so it appears whole; and what a killed run left behind.

Each temporary file is locked (``flock``) while its writer lives. A run that was
killed outright leaves its temporary file unlocked: the next run writing the same
output removes it. Several outputs that belong together (a training file and its
validation twin) are renamed into place under a small commit note, with catchable
signals held back; if even that is cut short (``kill -9``, power loss), the next run
for the same output finishes the renames, so the files appear together or not at all.
"""

from __future__ import annotations

import json
import os
import re
import signal
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock, and open files cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]

_PREFIX_CHARS = 120
"""Temporary names keep at most this much of the output's name, so a long name still fits."""
_HELD = {signal.SIGINT, signal.SIGTERM} | {
    getattr(signal, name) for name in ("SIGHUP", "SIGQUIT") if hasattr(signal, name)
}


def prefix(path: Path) -> str:
    return f".{path.name[:_PREFIX_CHARS]}."


def create(path: Path) -> tuple[int, Path]:
    """A new, locked temporary file beside ``path``: its descriptor and its path."""
    folder = path.parent if str(path.parent) else Path(".")
    while True:
        handle, name = tempfile.mkstemp(prefix=prefix(path), suffix=".tmp", dir=folder)
        if _lock(handle, wait=True) and _still_named(handle, name):
            return handle, Path(name)
        os.close(handle)  # removed by a sweep between its creation and its lock: make another


def remove_stale(path: Path) -> None:
    """Remove temporary files for ``path`` that no living writer holds, and finish a cut-short commit."""
    if fcntl is None:
        return
    folder = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(re.escape(prefix(path)) + r"[A-Za-z0-9_]{8}\.tmp\Z")
    _finish_commit(path)
    try:
        names = [name for name in os.listdir(folder) if pattern.match(name)]
    except OSError:
        return
    for name in names:
        with suppress(OSError):
            _remove_if_unheld(folder / name)


def commit(moves: Sequence[tuple[Path, Path]]) -> None:
    """Rename each temporary file onto its output; several together, as one step for any reader."""
    with _signals_held():
        if len(moves) == 1:
            os.replace(*moves[0])
            return
        note = _note_path(moves[0][1])
        handle, written = create(moves[0][1])
        try:
            os.write(handle, json.dumps([[str(a.name), str(b.name)] for a, b in moves]).encode())
            os.fsync(handle)
            os.replace(written, note)
            _sync_folder(note.parent)
            for temporary, final in moves:
                os.replace(temporary, final)
            _sync_folder(note.parent)
            note.unlink()
        finally:
            os.close(handle)


def _note_path(primary: Path) -> Path:
    return primary.with_name(f"{prefix(primary)}commit")


def _finish_commit(primary: Path) -> None:
    """A commit note no one holds: its renames were cut short, so make them (or tidy the note)."""
    note = _note_path(primary)
    try:
        handle = os.open(note, os.O_RDONLY)
    except OSError:
        return
    try:
        if not _lock(handle, wait=False):
            return
        try:
            moves = json.loads(os.read(handle, 1 << 16))
            for temporary, final in moves:
                if (primary.parent / temporary).exists():
                    os.replace(primary.parent / temporary, primary.parent / final)
        except (OSError, ValueError, TypeError):
            pass
        with suppress(OSError):
            note.unlink()
    finally:
        os.close(handle)


def _remove_if_unheld(candidate: Path) -> None:
    handle = os.open(candidate, os.O_RDONLY)
    try:
        if _lock(handle, wait=False):
            candidate.unlink()
    finally:
        os.close(handle)


def _lock(handle: int, *, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        return wait  # a file system without flock: nothing can be told about other writers
    return True


def _still_named(handle: int, name: str) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(name))
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    with suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C, SIGTERM, SIGHUP and SIGQUIT for the moment the renames take."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
