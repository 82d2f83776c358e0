"""Loading figure: every concept and bank file, strictly checked, against a bare YAML parse.

studykit's side builds the concepts (schema, sources, cross-references), every bank (schema,
concept ids, unique ids), the generated questions, and checks every question against its
correct answer. The baseline is ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same files.
Both run in this process, interleaved. A second figure reads the same result back from
the parse cache (:mod:`studykit.parse_cache`), as a quiz does when nothing changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.measure import Figure, best_of, ratio_figure
from studykit.concepts.loader import concept_paths, load_concept_files
from studykit.questions.bank import bank_paths, load_banks
from studykit.questions.generate import generate_questions
from studykit.questions.model import check_answer, correct_answer
from studykit.questions.sequences import load_sequences
from studykit.resources import content_dir, quizzes_dir

LOAD_GOAL = 1.5
CACHED_GOAL = 0.5


def all_files() -> list[Path]:
    return sorted(content_dir().glob("*.yaml")) + bank_paths([quizzes_dir()])


def bare_parse() -> None:
    import yaml

    for path in all_files():
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def strict_load() -> int:
    """Load and check everything a quiz draws from; the number of questions."""
    concepts = load_concept_files(concept_paths(content_dir()))
    banks = load_banks([quizzes_dir()], concepts)
    questions = [question for bank in banks for question in bank.questions]
    questions += generate_questions(concepts, load_sequences(content_dir(), concepts))
    if not all(check_answer(question, correct_answer(question)) for question in questions):
        raise RuntimeError("a question does not accept its own correct answer")
    return len(questions)


def cached_load(folder: Path) -> int:
    """What a quiz does on a warm start: the shipped concepts, banks and generated questions,
    read back from the parse cache in ``folder`` (the in-process memo skipped)."""
    from studykit.concepts.loader import load_concepts
    from studykit.questions.bank import load_shipped_banks
    from studykit.questions.generate import shipped_generated_questions

    previous = os.environ.get("STUDYKIT_HOME")
    os.environ["STUDYKIT_HOME"] = str(folder)
    try:
        load_concepts.__wrapped__()
        banks = load_shipped_banks.__wrapped__()
        generated = shipped_generated_questions.__wrapped__()
    finally:
        if previous is None:
            del os.environ["STUDYKIT_HOME"]
        else:
            os.environ["STUDYKIT_HOME"] = previous
    return sum(len(bank.questions) for bank in banks) + len(generated)


def loading_figures(repeats: int, workdir: Path) -> list[Figure]:
    files = all_files()
    questions = strict_load()
    home = workdir / "load-home"
    if cached_load(home) != questions:  # the first call fills the cache
        raise RuntimeError("the parse cache gave back a different number of questions")
    bare, ours, warm = best_of([bare_parse, strict_load, lambda: cached_load(home)], repeats)
    size = sum(path.stat().st_size for path in files) / 1024
    return [
        ratio_figure(
            "load",
            "load + check content and banks",
            ours * 1000,
            bare * 1000,
            "ms",
            "bare yaml CSafeLoader parse",
            LOAD_GOAL,
            detail=f"{len(files)} YAML files, {size:.0f} KiB, {questions} questions; no cache",
        ),
        ratio_figure(
            "load_cached",
            "load from the parse cache",
            warm * 1000,
            bare * 1000,
            "ms",
            "bare yaml CSafeLoader parse",
            CACHED_GOAL,
            detail="what a quiz or exam does when no content or bank file changed",
        ),
    ]
