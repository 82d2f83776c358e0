"""bench/run keeps working: every figure is produced on tiny inputs (no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIGURES = {"startup", "first_question", "load", "load_cached", "validate", "validate_rss", "generate"}
FIGURES |= {"large_quiz", "large_lint", "large_rss"}


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "run"), "--quick", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )


def test_quick_run_reports_every_figure_with_its_baseline_and_goal() -> None:
    result = run_bench("--json")
    assert result.returncode == 0, result.stderr
    figures = {figure["key"]: figure for figure in json.loads(result.stdout)["figures"]}
    assert set(figures) == FIGURES
    for figure in figures.values():
        assert figure["value"] > 0 and figure["baseline"] > 0, figure
        assert figure["ratio"] > 0 and figure["goal"] and figure["met"] in (True, False), figure


def test_text_report_prints_each_figure_next_to_its_baseline() -> None:
    result = run_bench("--only", "load")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("studykit benchmarks, ") and lines[1].startswith("machine: ")
    figure = next(index for index, line in enumerate(lines) if line.startswith("load + check"))
    assert "x  <= 1.5x" in lines[figure]
    assert lines[figure + 1].startswith("  vs bare yaml CSafeLoader parse")
    assert all(len(line) <= 80 for line in lines)
