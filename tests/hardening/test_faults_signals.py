"""Temporary files under every stop signal, and after kill -9 (issue case 7).

SIGHUP and SIGQUIT stop studykit the way Ctrl-C and SIGTERM do (tests/hardening/
test_interrupts.py): the temporary file goes, the exit code is 128 + the signal.
A run killed outright leaves its temporary files; the next run for the same output
removes them, and a validation pair appears whole.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hardening.process import studykit_env

GENERATE = [
    "dataset",
    "generate",
    "prompt-completion",
    "--count",
    "5000000",
    "--allow-duplicates",
    "--out",
    "d.jsonl",
]
STOPS = {"SIGHUP": (129, "Stopped (hangup)."), "SIGQUIT": (131, "Stopped (quit).")}


def start(folder: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "studykit", *GENERATE, *extra],
        env=studykit_env(folder / "home"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=folder,
    )


def temporary_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def wait_for_writing(folder: Path, process: subprocess.Popen[bytes], count: int = 1) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        written = [path for path in folder.iterdir() if path.name.endswith(".tmp") and path.stat().st_size]
        if len(written) >= count:
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the command never started writing")


@pytest.mark.parametrize("name", list(STOPS))
def test_a_stop_signal_removes_the_temporary_file(name: str, tmp_path: Path) -> None:
    if not hasattr(signal, name):
        pytest.skip(f"no {name} on this system")
    process = start(tmp_path)
    try:
        wait_for_writing(tmp_path, process)
        process.send_signal(getattr(signal, name))
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    code, last_line = STOPS[name]
    assert process.returncode == code, stderr
    assert stderr.decode().rstrip().endswith(last_line) and b"Traceback" not in stderr
    assert temporary_files(tmp_path) == [] and not (tmp_path / "d.jsonl").exists()


def test_the_run_after_a_kill_9_removes_what_it_left(tmp_path: Path) -> None:
    process = start(tmp_path, "--validation-split", "0.5")
    try:
        wait_for_writing(tmp_path, process, count=1)
    finally:
        process.kill()  # SIGKILL: nothing of studykit's runs
        process.communicate(timeout=60)
    left = temporary_files(tmp_path)
    assert left and all(name.startswith(".d.") for name in left)
    again = subprocess.run(
        [sys.executable, "-m", "studykit", *GENERATE[:4], "40", *GENERATE[5:], "--validation-split", "0.5"],
        env=studykit_env(tmp_path / "home"),
        capture_output=True,
        cwd=tmp_path,
    )
    assert again.returncode == 0, again.stderr
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != "home") == [
        "d.jsonl",
        "d.validation.jsonl",
    ]
    assert os.path.getsize(tmp_path / "d.jsonl") and os.path.getsize(tmp_path / "d.validation.jsonl")
