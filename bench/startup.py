"""Start-up figures: fresh processes, as a user starts them, against bare imports.

1. ``studykit --help`` against ``import click`` (all --help needs).
2. The first quiz question on screen against ``import click, yaml, rich``.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from bench import measure
from bench.measure import ROOT, Figure, best_of, child_environment, process, python, ratio_figure

# What the installed ``studykit`` console script runs.
ENTRY = "import sys; from studykit.cli import main; sys.argv[0] = 'studykit'; main()"
FIRST_QUESTION_MARK = "Question 1 of"
HELP_GOAL = 1.5
FIRST_QUESTION_GOAL = 2.5


def first_question(env: dict[str, str], warm: bool, extra: tuple[str, ...] = ()) -> Callable[[], float]:
    """A function that starts a quiz and returns the time until its first question is printed.

    With the processor-time clock, that is the child's own time when the question appears
    (Linux's /proc/PID/schedstat), or its whole run where that is not available.
    """
    args = [*python(ENTRY), "quiz", "--count", "1", "--seed", "1", *extra]

    def run() -> float:
        cpu, wall = measure.children_cpu(), time.perf_counter()
        with subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        ) as child:
            assert child.stdout is not None and child.stdin is not None
            seen = []
            for line in child.stdout:
                seen.append(line)
                if FIRST_QUESTION_MARK in line:
                    shown_wall, shown_cpu = time.perf_counter(), measure.cpu_so_far(child.pid)
                    break
            else:
                error = child.stderr.read() if child.stderr else ""
                raise RuntimeError(f"the quiz never showed a question:\n{''.join(seen)}{error}")
            child.stdin.write("q\n")
            child.stdin.close()
            child.stdout.read()
            child.wait()
        if measure.CLOCK != "cpu":
            return shown_wall - wall
        return shown_cpu if shown_cpu is not None else measure.children_cpu() - cpu

    if warm:
        run()
    return run


def startup_figures(workdir: Path, repeats: int, warm: bool = True) -> list[Figure]:
    env = child_environment(workdir / "pycache", workdir / "home")
    env["PYTHONUNBUFFERED"] = "1"
    click_only, help_ = best_of(
        [
            process(python("import click"), env, warm=warm),
            process([*python(ENTRY), "--help"], env, warm=warm),
        ],
        repeats,
    )
    three, first = best_of(
        [process(python("import click, yaml, rich"), env, warm=warm), first_question(env, warm)], repeats
    )
    return [
        ratio_figure(
            "startup",
            "CLI start-up: studykit --help",
            help_ * 1000,
            click_only * 1000,
            "ms",
            "import click",
            HELP_GOAL,
        ),
        ratio_figure(
            "first_question",
            "first quiz question on screen",
            first * 1000,
            three * 1000,
            "ms",
            "import click, yaml, rich",
            FIRST_QUESTION_GOAL,
        ),
    ]
