"""Making the world fail on purpose: a full disk, a file size limit, a read-only home.

Each helper uses the real thing where the machine allows it and skips with the
reason where it does not: a small tmpfs needs root and mount rights; a read-only
folder stops root only once its override capabilities are dropped (``setpriv``);
a file size limit (``RLIMIT_FSIZE``) works for anyone on a POSIX system.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.hardening.process import ROOT, studykit_env

BANK = ROOT / "tests" / "data" / "exam"
QUESTIONS = ["--bank", str(BANK), "--no-generated", "--seed", "5"]


@contextmanager
def small_tmpfs(parent: Path, size_kib: int = 2048) -> Iterator[Path]:
    """A fresh tmpfs of ``size_kib`` mounted under ``parent``; skips unless this may mount one."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    point = parent / f"tmpfs-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the file system that holds ``folder`` to the last block; return the filler to delete later."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    block = bytes(4096)
    try:
        while os.write(descriptor, block):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)
    return filler


def limit_file_size(limit_bytes: int) -> Callable[[], None]:
    """A ``preexec_fn`` that sets RLIMIT_FSIZE (``ulimit -f``) in the child."""

    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return apply


def unprivileged_prefix() -> list[str]:
    """A command prefix that makes root obey file permissions (or nothing for another user); may skip."""
    if not hasattr(os, "geteuid"):
        pytest.skip("file permissions need a POSIX system")
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop the permission override")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]


def studykit(
    args: list[str],
    home: Path,
    *,
    stdin: str = "",
    prefix: list[str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m studykit ARGS`` with ``home`` as STUDYKIT_HOME, to the end."""
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "studykit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=studykit_env(home, STUDYKIT_NO_CACHE="1", **env),
        preexec_fn=preexec_fn,
        timeout=120,
    )


def seed_answers(home: Path, count: int = 3) -> None:
    """A progress file in ``home`` holding ``count`` answers, closed cleanly (no WAL side files)."""
    from studykit.store import AnswerRecord, open_store, record_answer, start_session

    now = datetime.now(timezone.utc)
    with open_store(home / "progress.sqlite3") as store:
        session = start_session(store, "quiz", [f"q{i}" for i in range(count)], now)
        for i in range(count):
            record_answer(store, session.id, AnswerRecord(f"q{i}", '"A"', i % 2 == 0, 3.0), now)


def answer_count(home: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(home / "progress.sqlite3")
    try:
        return int(connection.execute("SELECT count(*) FROM answers").fetchone()[0])
    finally:
        connection.close()


def only_line(stderr: str) -> str:
    """The single line a failing command printed (fails the test if it printed more, or a traceback)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


def moved_aside(home: Path) -> list[str]:
    return sorted(path.name for path in home.iterdir() if path.name.startswith("progress.sqlite3."))
