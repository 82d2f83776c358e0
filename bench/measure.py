"""Timing and memory measurement shared by every benchmark figure.

Each figure is a measurement of studykit next to a baseline measured in the same run,
so the ratio means something on any machine, however fast or busy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    """One line of the report: studykit's value next to the baseline's, and the goal it is held to.

    ``ratio`` is studykit / baseline; ``goal`` says what is wanted in words ("<= 1.5x") and
    ``met`` whether this run reached it (None when there is no goal).
    """

    key: str
    title: str
    ours: float
    baseline: float
    unit: str
    baseline_title: str
    goal: str
    met: bool | None
    detail: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": self.title,
            "value": round(self.ours, 3),
            "baseline": round(self.baseline, 3),
            "unit": self.unit,
            "baseline_title": self.baseline_title,
            "ratio": round(self.ratio, 3),
            "goal": self.goal,
            "met": self.met,
            "detail": self.detail,
        }


def ratio_figure(
    key: str,
    title: str,
    ours: float,
    baseline: float,
    unit: str,
    baseline_title: str,
    goal: float,
    *,
    higher_is_better: bool = False,
    detail: str = "",
) -> Figure:
    """A figure whose goal bounds the ratio: at most ``goal`` (times) or at least (throughputs)."""
    ratio = ours / baseline if baseline else float("inf")
    met = ratio >= goal if higher_is_better else ratio <= goal
    words = f">= {goal:g}x" if higher_is_better else f"<= {goal:g}x"
    return Figure(key, title, ours, baseline, unit, baseline_title, words, met, detail)


CLOCK = "cpu"
"""``cpu``: processor time (user + system) of the measured work, which other load on the
machine disturbs far less than elapsed time; ``wall``: elapsed time. bench/run sets it."""


def now() -> float:
    """The current reading of this process's clock (see :data:`CLOCK`), in seconds."""
    return time.process_time() if CLOCK == "cpu" else time.perf_counter()


def children_cpu() -> float:
    """Processor time of all finished child processes so far, in seconds."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(functions: Sequence[Callable[[], object]], repeats: int) -> list[float]:
    """The best time of each function in seconds, runs interleaved so load affects all alike.

    A function that returns a float has measured itself (a child process); otherwise it
    is timed here with :func:`now`.
    """
    best = [float("inf")] * len(functions)
    for _ in range(repeats):
        for index, function in enumerate(functions):
            started = now()
            result = function()
            elapsed = result if isinstance(result, float) else now() - started
            best[index] = min(best[index], elapsed)
    return best


def child_environment(pycache: Path, home: Path) -> dict[str, str]:
    """The environment for timed child processes: the checkout first, bytecode cached.

    An installed package has compiled bytecode; a checkout run with
    PYTHONDONTWRITEBYTECODE would recompile every module on every start and measure
    the compiler instead. Bytecode goes to a private folder, not into the checkout.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["STUDYKIT_HOME"] = str(home)
    env["NO_COLOR"] = "1"
    return env


def process(
    args: Sequence[str], env: dict[str, str], stdin: str = "", warm: bool = True
) -> Callable[[], float]:
    """A function that runs ``args`` to completion and returns its time (run once first when ``warm``)."""

    def run() -> float:
        cpu, wall = children_cpu(), time.perf_counter()
        subprocess.run(list(args), input=stdin, text=True, capture_output=True, check=True, env=env, cwd=ROOT)
        return children_cpu() - cpu if CLOCK == "cpu" else time.perf_counter() - wall

    if warm:
        run()  # compiles bytecode and fills the file cache
    return run


def cpu_so_far(pid: int) -> float | None:
    """Processor time a running process has used, in seconds (Linux), or None where unknown."""
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


PEAK_RSS = """
import resource, sys
def peak_mb():
    # VmHWM belongs to this program image; ru_maxrss can carry the parent's peak across fork and exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
"""


def peak_rss_mb(code: str, env: dict[str, str]) -> tuple[float, str]:
    """Run ``code`` in a fresh interpreter; its peak resident memory in MB and what it printed."""
    wrapped = f"{PEAK_RSS}\n{code}\nprint(peak_mb())\n"
    result = subprocess.run(python(wrapped), capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode:
        raise RuntimeError(f"the measured process failed:\n{result.stderr}")
    lines = [line for line in result.stdout.split("\n") if line]
    return float(lines[-1]), "\n".join(lines[:-1])
