"""Run ``studykit`` as a real process and measure what it cost: exit code, output, peak memory.

A small wrapper process starts the command and reads ``getrusage(RUSAGE_CHILDREN)`` after
it ends. The wrapper matters: Linux counts a child's peak memory from the moment it was
forked, so forking straight from a large test process would charge that process's memory
to the command. Memory is measured by the kernel, so it cannot flake the way timing does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HANG_SECONDS = 120
HUNG = 124

_WRAPPER = """
import json, resource, subprocess, sys
args, report, timeout = json.loads(sys.argv[1]), sys.argv[2], float(sys.argv[3])
try:
    code = subprocess.run(args, timeout=timeout).returncode
except subprocess.TimeoutExpired:
    code = 124
with open(report, "w") as stream:
    json.dump({"code": code, "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, stream)
"""


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    peak_rss_mb: float

    @property
    def hung(self) -> bool:
        return self.code == HUNG


def studykit_env(home: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a clean run: this checkout on the path, no colour, 80 columns."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("STUDYKIT_")}
    env.update(PYTHONPATH=str(ROOT), NO_COLOR="1", COLUMNS="80", PYTHONUNBUFFERED="1")
    if home is not None:
        env["STUDYKIT_HOME"] = str(home)
    env.update(extra)
    return env


def run_studykit(
    args: list[str], *, env: dict[str, str], stdin: str | bytes = "", cwd: Path | None = None
) -> Outcome:
    """Run ``python -m studykit ARGS`` to the end; a run longer than HANG_SECONDS is killed (code 124)."""
    command = [sys.executable, "-m", "studykit", *args]
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "usage.json"
        data = stdin.encode() if isinstance(stdin, str) else stdin
        completed = subprocess.run(
            [sys.executable, "-c", _WRAPPER, json.dumps(command), str(report), str(HANG_SECONDS)],
            input=data,
            capture_output=True,
            env=env,
            cwd=cwd,
        )
        usage = json.loads(report.read_text())
    return Outcome(
        code=usage["code"],
        stdout=completed.stdout.decode("utf-8", "replace"),
        stderr=completed.stderr.decode("utf-8", "replace"),
        peak_rss_mb=usage["maxrss_kib"] / 1024,
    )
