"""How fast the quiz engine loads and answers, against baselines measured in the same run.

1. Load and check every bank and concept file (strict schema, cross-references, generated
   questions, every question checked against its correct answer) versus a bare
   ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same files. Goal: at most 1.5×.
2. First-question latency: ``studykit quiz --count 1`` with a scripted answer, as a fresh
   process, versus ``python -c "import click, yaml, rich"``.

Run: ``python bench/bench_quiz.py`` from the repository root. Prints figures and ratios.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from studykit.concepts.loader import concept_paths, load_concept_files  # noqa: E402
from studykit.questions.bank import bank_paths, load_banks  # noqa: E402
from studykit.questions.generate import generate_questions  # noqa: E402
from studykit.questions.model import check_answer, correct_answer  # noqa: E402
from studykit.questions.sequences import load_sequences  # noqa: E402
from studykit.resources import content_dir, quizzes_dir  # noqa: E402

REPEATS = 7


def best_of(*functions, repeats: int = REPEATS) -> list[float]:
    """The best time of each function, runs interleaved so machine load affects all alike."""
    best = [float("inf")] * len(functions)
    for _ in range(repeats):
        for index, function in enumerate(functions):
            started = time.perf_counter()
            function()
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def all_files() -> list[Path]:
    return sorted(content_dir().glob("*.yaml")) + bank_paths([quizzes_dir()])


def bare_parse() -> None:
    for path in all_files():
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def strict_load() -> int:
    concepts = load_concept_files(concept_paths(content_dir()))
    banks = load_banks([quizzes_dir()], concepts)
    questions = [q for bank in banks for q in bank.questions]
    questions += generate_questions(concepts, load_sequences(content_dir(), concepts))
    assert all(check_answer(q, correct_answer(q)) for q in questions)
    return len(questions)


def process(args: list[str], stdin: str = ""):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDYKIT_HOME": str(ROOT / ".bench-home")}

    def run() -> None:
        subprocess.run(args, input=stdin, text=True, capture_output=True, check=True, env=env, cwd=ROOT)

    run()  # warm the file cache and bytecode
    return run


def main() -> None:
    files = all_files()
    questions = strict_load()
    baseline, ours = best_of(bare_parse, strict_load)
    size = sum(path.stat().st_size for path in files) / 1024
    print(f"files: {len(files)} YAML files, {size:.0f} KiB; {questions} questions")
    print(f"bare CSafeLoader parse      {baseline * 1000:8.1f} ms")
    print(f"load + check + generate     {ours * 1000:8.1f} ms   ratio {ours / baseline:.2f}x (goal <= 1.5x)")
    imports, first = best_of(
        process([sys.executable, "-c", "import click, yaml, rich"]),
        process([sys.executable, "-m", "studykit", "quiz", "--count", "1", "--seed", "1"], "A\n"),
        repeats=5,
    )
    print(f"python -c 'import click, yaml, rich'   {imports * 1000:8.1f} ms")
    print(f"studykit quiz --count 1 (answered)     {first * 1000:8.1f} ms   ratio {first / imports:.2f}x")


if __name__ == "__main__":
    main()
