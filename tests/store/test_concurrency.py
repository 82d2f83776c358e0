"""Two processes writing to one progress file, and a process killed mid-session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from studykit.store import all_answers, open_store

REPO = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from studykit.store import AnswerRecord, open_store, record_answer, start_session
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(path)
    session = start_session(store, "quiz", [f"{name}-{i}" for i in range(count)], datetime.now(timezone.utc))
    for i in range(count):
        record_answer(store, session.id, AnswerRecord(f"{name}-{i}", "A", i % 2 == 0, 1.0),
                      datetime.now(timezone.utc))
        print(f"committed {i}", flush=True)
    if len(sys.argv) > 4:
        sys.stdin.readline()  # wait, mid-session, until killed
    """
)


def _writer(path: Path, name: str, count: int, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(count), *extra],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    writers = [_writer(path, name, 60) for name in ("left", "right")]
    for writer in writers:
        writer.communicate(timeout=60)
        assert writer.returncode == 0
    with open_store(path) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = {answer.question_id for answer in all_answers(store)}
    assert len(ids) == 120


def test_kill_9_mid_session_keeps_every_committed_answer(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    writer = _writer(path, "killed", 25, "wait")
    assert writer.stdout is not None
    lines = [writer.stdout.readline() for _ in range(25)]
    assert lines[-1].strip() == "committed 24"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    with open_store(path) as store:
        assert store.notices == []
        answers = all_answers(store)
    assert sorted(a.question_id for a in answers) == sorted(f"killed-{i}" for i in range(25))
