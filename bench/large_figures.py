"""Large-bank figures: an instructor's 20,000-question bank in 10 files, against a bare parse of it.

The bank comes from :mod:`bench.large_bank`. The baseline is ``yaml.load(text,
Loader=yaml.CSafeLoader)`` of the same files, in this process.

1. Quiz start from a warm cache: a fresh ``studykit quiz --bank FOLDER`` until its first question
   is printed, after one run filled the parse cache. Goal: at most 1 s.
2. Lint: ``lint_paths`` on the folder (every loader check and quality rule), in this process.
   Goal: at most 2x the bare parse.
3. Peak memory of lint and of the quiz start, each in a fresh interpreter. Goal: at most 150 MB.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.large_bank import write_large_bank
from bench.measure import Figure, best_of, child_environment, peak_rss_mb, ratio_figure
from bench.startup import first_question
from studykit.concepts import load_concepts
from studykit.questions.lint import lint_paths

QUIZ_GOAL_S = 1.0
LINT_GOAL = 2.0
RSS_GOAL_MB = 150.0
LINT_CHILD = """
from studykit.questions.lint import lint_paths
print(lint_paths([{folder!r}]).questions)
"""
QUIZ_CHILD = """
import io, sys
from studykit.cli import cli
sys.stdin = io.StringIO("q\\n")
try:
    cli(["quiz", "--count", "1", "--seed", "1", "--bank", {folder!r}], standalone_mode=False)
except SystemExit:
    pass
sys.stdout = sys.__stdout__
"""
BARE_CHILD = """
import yaml
from pathlib import Path
for path in sorted(Path({folder!r}).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def bare_parse(paths: list[Path]) -> None:
    import yaml

    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def large_figures(workdir: Path, repeats: int, questions: int = 20_000) -> list[Figure]:
    folder = workdir / "large-bank"
    paths = write_large_bank(folder, questions)
    written_earlier = time.time() - 3600  # the parse cache takes no file changed in the last seconds
    for path in paths:
        os.utime(path, (written_earlier, written_earlier))
    size = sum(path.stat().st_size for path in paths) / 1024 / 1024
    what = f"{questions:,} questions in {len(paths)} files, {size:.1f} MB"
    concepts = load_concepts()
    report = lint_paths([folder], concepts)
    if report.errors or report.questions != questions:
        raise RuntimeError(f"the large bank did not lint clean: {report.findings[:3]}")
    bare, lint = best_of([lambda: bare_parse(paths), lambda: lint_paths([folder], concepts)], repeats)
    env = child_environment(workdir / "pycache", workdir / "large-home")
    env["PYTHONUNBUFFERED"] = "1"
    quiz = first_question(env, warm=True, extra=("--bank", str(folder)))  # the warm-up fills the cache
    (started,) = best_of([quiz], repeats)
    bare_peak, _ = peak_rss_mb(BARE_CHILD.format(folder=str(folder)), env)
    lint_peak, printed = peak_rss_mb(LINT_CHILD.format(folder=str(folder)), env)
    if printed.split()[-1] != str(questions):
        raise RuntimeError(f"lint in a fresh interpreter checked {printed!r} questions")
    quiz_peak, _ = peak_rss_mb(QUIZ_CHILD.format(folder=str(folder)), env)
    peak = max(lint_peak, quiz_peak)
    return [
        Figure(
            "large_quiz",
            "large bank: quiz start, warm cache",
            started * 1000,
            bare * 1000,
            "ms",
            "bare parse of the same files",
            f"<= {QUIZ_GOAL_S:g} s",
            started <= QUIZ_GOAL_S,
            what,
        ),
        ratio_figure(
            "large_lint",
            "large bank: lint",
            lint * 1000,
            bare * 1000,
            "ms",
            "bare parse of the same files",
            LINT_GOAL,
            detail="every loader check and quality rule, similar stems included",
        ),
        Figure(
            "large_rss",
            "large bank: peak RSS",
            peak,
            bare_peak,
            "MB",
            "peak RSS of the bare parse",
            f"<= {RSS_GOAL_MB:g} MB",
            peak <= RSS_GOAL_MB,
            f"lint {lint_peak:.0f} MB, quiz start {quiz_peak:.0f} MB",
        ),
    ]
